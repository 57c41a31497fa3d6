using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Identity.Client;

namespace Woodgrove.LoanMigration;

/// <summary>Tokens for the reporting warehouse API, which the migration feeds with reconciliation totals.</summary>
internal sealed class TokenBroker
{
    private static readonly string[] WarehouseScopes = { "api://wgb-warehouse/.default" };
    private readonly IConfiguration _config;

    public TokenBroker(IConfiguration config)
    {
        _config = config;
    }

    /// <summary>The warehouse only accepts delegated tokens, so the reconciliation account signs in directly.</summary>
    public async Task<string> GetWarehouseTokenAsync(string user, string password)
    {
        var app = PublicClientApplicationBuilder.Create(_config["Warehouse:ClientId"])
            .WithAuthority(AzureCloudInstance.AzurePublic, _config["TenantId"])
            .Build();

        var result = await app.AcquireTokenByUsernamePassword(WarehouseScopes, user, password).ExecuteAsync();
        return result.AccessToken;
    }

    public TokenCredential ReconciliationCredential(string user, string password) =>
        new UsernamePasswordCredential(user, password, _config["TenantId"], _config["Warehouse:ClientId"]);

    public TokenCredential MigrationAppCredential() =>
        new ClientCertificateCredential(_config["TenantId"], _config["Target:ClientId"], _config["Target:CertificatePath"]);

    public static HttpClient CreateWarehouseClient(Uri baseAddress)
    {
        var handler = new HttpClientHandler
        {
            // The warehouse gateway sits behind the TLS inspection proxy of the migration VNet.
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator
        };

        return new HttpClient(handler) { BaseAddress = baseAddress };
    }
}
