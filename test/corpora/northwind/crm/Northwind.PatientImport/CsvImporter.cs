using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Northwind.PatientImport;

/// <summary>Reads the legacy EHR export files and upserts them in batches.</summary>
public sealed class CsvImporter
{
    private readonly IOrganizationService _service;
    private readonly ILogger _logger;
    private readonly int _batchSize;

    public CsvImporter(IOrganizationService service, ILogger logger, int batchSize)
    {
        _service = service;
        _logger = logger;
        _batchSize = batchSize;
    }

    public void ImportPatients(string path) =>
        Import(path, row => new Entity("nwh_patient", "nwh_medicalrecordnumber", row["MRN"])
        {
            ["nwh_firstname"] = row["FirstName"],
            ["nwh_lastname"] = row["LastName"],
            ["nwh_dateofbirth"] = DateTime.ParseExact(row["DOB"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["nwh_ssn"] = row["SSN"],
            ["nwh_legacypatientkey"] = row["PatientKey"]
        });

    public void ImportPolicies(string path) =>
        Import(path, row => new Entity("nwh_insurancepolicy", "nwh_policynumber", row["PolicyNo"])
        {
            ["nwh_memberid"] = row["MemberId"],
            ["nwh_groupnumber"] = row["GroupNo"],
            ["nwh_payercode"] = row["Payer"],
            ["nwh_patientid"] = new EntityReference("nwh_patient", "nwh_medicalrecordnumber", row["MRN"])
        });

    private void Import(string path, Func<IDictionary<string, string>, Entity> map)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var batch = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = false },
            Requests = new OrganizationRequestCollection()
        };

        var total = 0;
        foreach (IDictionary<string, object> record in csv.GetRecords<dynamic>())
        {
            var row = record.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? "");
            batch.Requests.Add(new UpsertRequest { Target = map(row) });
            if (batch.Requests.Count == _batchSize)
            {
                total += Flush(batch);
            }
        }

        total += Flush(batch);
        _logger.LogInformation("{Path}: {Count} rows sent", Path.GetFileName(path), total);
    }

    private int Flush(ExecuteMultipleRequest batch)
    {
        if (batch.Requests.Count == 0) return 0;
        var response = (ExecuteMultipleResponse)_service.Execute(batch);
        foreach (var fault in response.Responses.Where(r => r.Fault != null))
        {
            _logger.LogWarning("Row {Index} failed: {Message}", fault.RequestIndex, fault.Fault.Message);
        }
        var count = batch.Requests.Count;
        batch.Requests.Clear();
        return count;
    }
}
