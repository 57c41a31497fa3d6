using Microsoft.Crm.Sdk.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace Northwind.PatientImport;

/// <summary>Audit switches used around bulk loads.</summary>
public sealed class AuditToggle
{
    private readonly IOrganizationService _service;
    private readonly ILogger _logger;

    public AuditToggle(IOrganizationService service, ILogger logger)
    {
        _service = service;
        _logger = logger;
    }

    private Guid OrganizationId => ((WhoAmIResponse)_service.Execute(new WhoAmIRequest())).OrganizationId;

    /// <summary>A full load writes ~2 million audit rows; suspend auditing while it runs.</summary>
    public void DisableOrganizationAudit()
    {
        _logger.LogWarning("Suspending organization auditing for the import");
        _service.Update(new Entity("organization", OrganizationId)
        {
            Attributes = { { "isauditenabled", false } }
        });
    }

    public void RestoreOrganizationAudit()
    {
        _service.Update(new Entity("organization", OrganizationId)
        {
            Attributes = { { "isauditenabled", true } }
        });
        _logger.LogInformation("Organization auditing restored");
    }

    /// <summary>
    /// Lab results are written only by the lab interface, so their audit history is noise
    /// (DATA-412). Switch table auditing off after each load.
    /// </summary>
    public void SuppressLabResultAudit()
    {
        var metadata = ((RetrieveEntityResponse)_service.Execute(new RetrieveEntityRequest
        {
            LogicalName = "nwh_labresult",
            EntityFilters = EntityFilters.Entity
        })).EntityMetadata;

        metadata.IsAuditEnabled = new BooleanManagedProperty(false);
        _service.Execute(new UpdateEntityRequest { Entity = metadata });
        _service.Execute(new PublishXmlRequest { ParameterXml = "<importexportxml><entities><entity>nwh_labresult</entity></entities></importexportxml>" });
    }

    /// <summary>Lists the custom tables whose auditing is off, for the compliance review.</summary>
    public void ReportUnauditedTables(string prefix)
    {
        var all = (RetrieveAllEntitiesResponse)_service.Execute(new RetrieveAllEntitiesRequest { EntityFilters = EntityFilters.Entity });
        foreach (var entity in all.EntityMetadata.Where(e => e.LogicalName.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (entity.IsAuditEnabled?.Value != true)
            {
                _logger.LogWarning("Auditing is off for {Table}", entity.LogicalName);
            }
        }
    }
}
