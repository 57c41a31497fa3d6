using System;
using System.Threading.Tasks;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.PowerPlatform.Dataverse.Client;
using Microsoft.Xrm.Sdk.Query;

namespace Fabrikam.DataTool
{
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            var config = new ConfigurationBuilder()
                .AddJsonFile("appsettings.json", optional: false)
                .AddEnvironmentVariables(prefix: "FAB_")
                .AddCommandLine(args)
                .Build();

            using var loggerFactory = LoggerFactory.Create(b => b.AddConsole().SetMinimumLevel(LogLevel.Debug));
            var log = loggerFactory.CreateLogger("fab-datatool");

            var mode = config["mode"] ?? "export";
            var dataverseUrl = config["Dataverse:Url"];
            var clientId = config["Dataverse:ClientId"];

            string clientSecret;
            if (config.GetValue<bool>("KeyVault:Enabled"))
            {
                var vault = new SecretClient(new Uri(config["KeyVault:VaultUri"]), new DefaultAzureCredential());
                var secretName = config["KeyVault:SecretName"] ?? "datatool-client-secret";
                clientSecret = (await vault.GetSecretAsync(secretName)).Value.Value;
                log.LogInformation("Loaded client secret {SecretName} from {Vault}", secretName, config["KeyVault:VaultUri"]);
            }
            else
            {
                clientSecret = config["Dataverse:ClientSecret"];
            }
            log.LogDebug("Resolved Dataverse credentials {ClientId} / {ClientSecret}", clientId, clientSecret);

            ServiceClient client;
            if (mode == "migrate-legacy")
            {
                // one-off migration from the old on-line org, runs under the migration account
                var user = config["Legacy:User"];
                var password = config["Legacy:Password"];
                var legacyConn = $"AuthType=OAuth;Url={config["Legacy:Url"]};Username={user};Password={password};" +
                                 "AppId=51f81489-12ee-4a9e-aaae-a2591f45987d;RedirectUri=app://58145B91-0C36-4500-8554-080854F2AC97;LoginPrompt=Never";
                client = new ServiceClient(legacyConn);
            }
            else if (mode == "hotfix")
            {
                client = new ServiceClient(
                    instanceUrl: new Uri(dataverseUrl),
                    clientId: clientId,
                    clientSecret: "b3w4Q~0dUW7.JucPRFb3jV6IAa_q5xCyu8RnDz_i",
                    useUniqueInstance: true);
            }
            else
            {
                client = new ServiceClient(new Uri(dataverseUrl), clientId, clientSecret, useUniqueInstance: true);
            }

            if (!client.IsReady)
            {
                log.LogError("Dataverse connection failed: {Error}", client.LastError);
                return 2;
            }

            var claims = await client.RetrieveMultipleAsync(new QueryExpression("fab_claim")
            {
                ColumnSet = new ColumnSet("fab_claimnumber", "fab_lossdate", "statuscode"),
                TopCount = 5000
            });
            log.LogInformation("Exported {Count} claims", claims.Entities.Count);
            return 0;
        }
    }
}
