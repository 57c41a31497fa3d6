using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.PowerPlatform.Dataverse.Client;
using Northwind.PatientImport;

// Northwind patient import: loads patients and insurance policies exported from the legacy
// EHR (CSV) into Dataverse. Usage:
//   dotnet run -- import <patients.csv> <policies.csv>
//   dotnet run -- import-as-user <upn> <patients.csv> <policies.csv>
//   dotnet run -- audit-report

var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
var config = new ConfigurationBuilder()
    .AddJsonFile("appsettings.json")
    .AddJsonFile($"appsettings.{environment}.json", optional: true)
    .AddUserSecrets<AuditToggle>(optional: true)
    .AddEnvironmentVariables("NWH_")
    .Build();

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).AddConfiguration(config.GetSection("Logging")));
var logger = loggerFactory.CreateLogger("PatientImport");

var url = new Uri(config["Dataverse:Url"]!);
var clientId = config["Dataverse:ClientId"]!;
var tenantId = config["Dataverse:TenantId"]!;

ServiceClient dataverse;
if (args.Length > 1 && args[0] == "import-as-user")
{
    // Some clinics want the imported rows owned by their own data steward.
    Console.Write($"Password for {args[1]}: ");
    var password = ReadMasked();
    var userCredential = new UsernamePasswordCredential(args[1], password, tenantId, clientId);
    dataverse = new ServiceClient(url, async resource =>
        (await userCredential.GetTokenAsync(new Azure.Core.TokenRequestContext(new[] { $"{resource}/.default" }))).Token);
    args = args.Skip(1).ToArray();
}
else
{
    var vault = new SecretClient(new Uri(config["KeyVault:Uri"]!), new DefaultAzureCredential());
    KeyVaultSecret importSecret = vault.GetSecret(config["KeyVault:ClientSecretName"]);
    dataverse = new ServiceClient(url, clientId, importSecret.Value, useUniqueInstance: true);
}

logger.LogInformation("Connected to {Url} as application {ClientId}", url, clientId);

if (!dataverse.IsReady)
{
    logger.LogError("Dataverse connection failed: {Error}", dataverse.LastError);
    return 1;
}

var audit = new AuditToggle(dataverse, logger);

switch (args.FirstOrDefault())
{
    case "import":
        var disableAudit = config.GetValue<bool>("Import:DisableAuditDuringLoad");
        if (disableAudit) audit.DisableOrganizationAudit();
        try
        {
            var importer = new CsvImporter(dataverse, logger, config.GetValue("Import:BatchSize", 200));
            importer.ImportPatients(args[1]);
            importer.ImportPolicies(args[2]);
        }
        finally
        {
            if (disableAudit) audit.RestoreOrganizationAudit();
        }
        audit.SuppressLabResultAudit();
        break;

    case "audit-report":
        var reportingConnection = config.GetConnectionString("Reporting")!;
        logger.LogInformation("Opening reporting connection {ConnectionString}", reportingConnection);
        using (var reporting = new ServiceClient(reportingConnection))
        {
            new AuditToggle(reporting, logger).ReportUnauditedTables("nwh_");
        }
        break;

    default:
        Console.Error.WriteLine("usage: import <patients.csv> <policies.csv> | import-as-user <upn> ... | audit-report");
        return 2;
}

return 0;

static string ReadMasked()
{
    var buffer = new System.Text.StringBuilder();
    ConsoleKeyInfo key;
    while ((key = Console.ReadKey(intercept: true)).Key != ConsoleKey.Enter)
    {
        if (key.Key == ConsoleKey.Backspace && buffer.Length > 0) buffer.Length--;
        else if (!char.IsControl(key.KeyChar)) buffer.Append(key.KeyChar);
    }
    Console.WriteLine();
    return buffer.ToString();
}
