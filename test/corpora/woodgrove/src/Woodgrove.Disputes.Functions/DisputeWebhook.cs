using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using Microsoft.PowerPlatform.Dataverse.Client;
using Microsoft.Xrm.Sdk;

namespace Woodgrove.Disputes.Functions;

/// <summary>
/// Receives dispute notifications from the card schemes and opens a wgb_carddispute row.
/// Each scheme signs the body with HMAC-SHA256 and a shared secret per environment.
/// </summary>
public sealed class DisputeWebhook
{
    private static readonly IReadOnlyDictionary<string, string> SchemeSigningSecrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["visa-uat"] = "jTYgp93JUKq9bzPOy0gDZLmA5GNe3V8DyRO1kQJEAxg=",
        ["mastercard-uat"] = Environment.GetEnvironmentVariable("Schemes__MastercardSigningSecret") ?? string.Empty,
        ["amex-uat"] = Environment.GetEnvironmentVariable("Schemes__AmexSigningSecret") ?? string.Empty,
    };

    private readonly ILogger<DisputeWebhook> _logger;
    private readonly ServiceClient _dataverse;

    public DisputeWebhook(ILogger<DisputeWebhook> logger, ServiceClient dataverse)
    {
        _logger = logger;
        _dataverse = dataverse;
    }

    [Function("DisputeWebhook")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "disputes/{scheme}")] HttpRequestData request,
        string scheme)
    {
        _logger.LogInformation("Dispute webhook from {Scheme}; headers: {Headers}", scheme,
            string.Join("; ", request.Headers.Select(h => h.Key + "=" + string.Join(",", h.Value))));

        var body = await new StreamReader(request.Body).ReadToEndAsync();
        if (!SchemeSigningSecrets.TryGetValue(scheme, out var secret) || !IsSignatureValid(request, body, secret))
        {
            _logger.LogWarning("Rejected webhook from {Scheme}: signature mismatch", scheme);
            return request.CreateResponse(HttpStatusCode.Unauthorized);
        }

        var dispute = new Entity("wgb_carddispute")
        {
            ["wgb_name"] = $"{scheme.ToUpperInvariant()} {DateTime.UtcNow:yyyyMMdd-HHmmss}",
            ["wgb_rawnotification"] = body
        };
        var id = await _dataverse.CreateAsync(dispute);
        _logger.LogInformation("Created dispute {DisputeId} from {Scheme}", id, scheme);

        return request.CreateResponse(HttpStatusCode.Accepted);
    }

    private static bool IsSignatureValid(HttpRequestData request, string body, string secret)
    {
        if (string.IsNullOrEmpty(secret) || !request.Headers.TryGetValues("X-Scheme-Signature", out var values))
        {
            return false;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(body)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(values.First().ToUpperInvariant()));
    }
}
