using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using Microsoft.PowerPlatform.Dataverse.Client;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Northwind.LabBridge;

/// <summary>
/// Webhook the lab calls when a result is final: fetches the result, stores it on the
/// matching nwh_labresult row and queues the "result ready" notification.
/// </summary>
public sealed class LabResultIngest
{
    private readonly LabPartnerClient _lab;
    private readonly IOrganizationServiceAsync2 _dataverse;
    private readonly ILogger<LabResultIngest> _logger;

    public LabResultIngest(LabPartnerClient lab, IOrganizationServiceAsync2 dataverse, ILogger<LabResultIngest> logger)
    {
        _lab = lab;
        _dataverse = dataverse;
        _logger = logger;
    }

    [Function("LabResultIngest")]
    [ServiceBusOutput("lab-results-ready", Connection = "ServiceBusConnection")]
    public async Task<string?> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "labresults/{orderId}")] HttpRequestData req,
        string orderId,
        CancellationToken ct)
    {
        _logger.LogInformation("Result notification for lab order {OrderId}", orderId);

        using var result = await _lab.GetResultAsync(orderId, ct);
        if (result.StatusCode == HttpStatusCode.NotFound)
        {
            _logger.LogWarning("Lab order {OrderId} unknown to the partner", orderId);
            return null;
        }

        result.EnsureSuccessStatusCode();
        var body = await result.Content.ReadAsStringAsync(ct);

        var query = new QueryExpression("nwh_labresult") { ColumnSet = new ColumnSet("nwh_labresultid"), TopCount = 1 };
        query.Criteria.AddCondition("nwh_laborderid", ConditionOperator.Equal, orderId);
        var row = (await _dataverse.RetrieveMultipleAsync(query, ct)).Entities.FirstOrDefault();
        if (row == null)
        {
            _logger.LogWarning("No nwh_labresult row for order {OrderId}", orderId);
            return null;
        }

        await _dataverse.UpdateAsync(new Entity("nwh_labresult", row.Id)
        {
            ["nwh_resultpayload"] = body,
            ["nwh_receivedon"] = DateTime.UtcNow
        }, ct);

        return row.Id.ToString();
    }
}
