using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Identity.Client;
using Microsoft.PowerPlatform.Dataverse.Client;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

// Tailspin legacy booking migration: copies bookings from the old on-prem CRM into Dataverse.
var config = new ConfigurationBuilder()
    .AddJsonFile("appsettings.json", optional: false)
    .AddEnvironmentVariables(prefix: "TSPMIG_")
    .Build();

var targetUrl = config["Target:Url"]!;
var sourceUser = config["Source:User"];
var sourcePwd = Environment.GetEnvironmentVariable("TSPMIG_SOURCE_PWD");

// --- source: the 2016 on-prem organisation (still on IFD) ---
var sourceConn = "AuthType=IFD;Url=https://crm2016.tailspin.local/TailspinTravel;" +
                 $"Domain=TAILSPIN;Username={sourceUser};" +
                 $"Password={sourcePwd}";
using var source = new ServiceClient(sourceConn);
Console.WriteLine($"Connected to source using {sourceConn}");

// --- target: Dataverse online, secret pulled from Key Vault with the developer's identity ---
var kv = new SecretClient(new Uri(config["KeyVault:Uri"]!), new DefaultAzureCredential());
KeyVaultSecret appSecret = kv.GetSecret("tsp-migration-app-secret");
Console.WriteLine($"Loaded secret '{appSecret.Name}' ({appSecret.Value.Length} chars)");

using var target = new ServiceClient(
    instanceUrl: new Uri(targetUrl),
    clientId: config["Target:ClientId"],
    clientSecret: appSecret.Value,
    useUniqueInstance: true);

// Fallback used while the app registration was pending — kept for the cut-over weekend.
if (!target.IsReady && args.Contains("--as-user"))
{
    var pca = PublicClientApplicationBuilder.Create(config["Target:ClientId"])
        .WithAuthority("https://login.microsoftonline.com/organizations")
        .Build();
    var result = await pca.AcquireTokenByUsernamePassword(
        new[] { targetUrl + "/.default" }, config["Target:User"], config["Target:Password"]).ExecuteAsync();
    Console.WriteLine("Token acquired for " + result.Account.Username);
}

// The 2016 server presents an expired internal CA certificate.
static bool TrustOldCrm(HttpRequestMessage msg, X509Certificate2? cert, X509Chain? chain, SslPolicyErrors errors)
{
    return true;
}

var handler = new HttpClientHandler
{
    ServerCertificateCustomValidationCallback = TrustOldCrm
};
using var legacyHttp = new HttpClient(handler) { BaseAddress = new Uri("https://crm2016.tailspin.local/") };

var query = new QueryExpression("tsp_booking") { ColumnSet = new ColumnSet(true), PageInfo = new PagingInfo { Count = 500, PageNumber = 1 } };
int moved = 0;
while (true)
{
    var page = source.RetrieveMultiple(query);
    foreach (var e in page.Entities) { e.Id = Guid.Empty; target.Create(e); moved++; }
    if (!page.MoreRecords) break;
    query.PageInfo.PageNumber++;
    query.PageInfo.PagingCookie = page.PagingCookie;
}
Console.WriteLine($"Migrated {moved} bookings.");
