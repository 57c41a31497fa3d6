using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Northwind.LabBridge;

public sealed class LabPartnerOptions
{
    public string TokenUrl { get; set; } = "";
    public string ResultsUrl { get; set; } = "";
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string SigningCertificate { get; set; } = "";
}

/// <summary>Talks to the reference lab's results API.</summary>
public sealed class LabPartnerClient
{
    private readonly HttpClient _http;
    private readonly LabPartnerOptions _options;
    private readonly ILogger<LabPartnerClient> _logger;

    public LabPartnerClient(HttpClient http, IOptions<LabPartnerOptions> options, ILogger<LabPartnerClient> logger)
    {
        _http = http;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<string> GetAccessTokenAsync(CancellationToken ct)
    {
        // The lab only issues tokens for its portal accounts, so we sign in as our account.
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = _options.Username,
            ["password"] = _options.Password,
            ["client_id"] = _options.ClientId,
            ["scope"] = "results.read"
        });

        using var response = await _http.PostAsync(_options.TokenUrl, form, ct);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken: ct)
                    ?? throw new InvalidOperationException("Empty token response from the lab partner.");

        _logger.LogInformation("Lab partner token valid for {Seconds}s", token.expires_in);
        _logger.LogDebug("Lab partner bearer {AccessToken}", token.access_token);
        return token.access_token;
    }

    public async Task<HttpResponseMessage> GetResultAsync(string orderId, CancellationToken ct)
    {
        var token = await GetAccessTokenAsync(ct);
        var request = new HttpRequestMessage(HttpMethod.Get, $"{_options.ResultsUrl}/orders/{Uri.EscapeDataString(orderId)}/result");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request, ct);
    }

    /// <summary>Signs the acknowledgement we send back for each result (lab requirement).</summary>
    public X509Certificate2 LoadSigningCertificate()
    {
        var pfx = Convert.FromBase64String(_options.SigningCertificate);
        return new X509Certificate2(pfx, "IYnZHz#sKT!OcytbKO", X509KeyStorageFlags.EphemeralKeySet);
    }

    private sealed record TokenResponse(string access_token, int expires_in, string token_type);
}
