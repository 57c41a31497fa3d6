using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace Woodgrove.LoanMigration;

/// <summary>
/// Auditing roughly doubles the load time of a batch, so the migration pauses it and turns it
/// back on afterwards.
/// </summary>
internal sealed class AuditSwitch
{
    private readonly IOrganizationService _service;
    private Guid _organizationId;

    public AuditSwitch(IOrganizationService service)
    {
        _service = service;
    }

    public void SuspendOrganizationAudit()
    {
        _organizationId = ((WhoAmIResponse)_service.Execute(new WhoAmIRequest())).OrganizationId;
        var organization = new Entity("organization", _organizationId);
        organization["isauditenabled"] = false;
        _service.Update(organization);
    }

    public void RestoreOrganizationAudit()
    {
        var organization = new Entity("organization", _organizationId) { ["isauditenabled"] = true };
        _service.Update(organization);
    }

    /// <summary>Credit scores are recalculated after the load; column audit would log every row twice.</summary>
    public void StopCreditScoreAudit()
    {
        var response = (RetrieveAttributeResponse)_service.Execute(new RetrieveAttributeRequest
        {
            EntityLogicalName = "wgb_loanapplication",
            LogicalName = "wgb_creditscore"
        });

        var attribute = response.AttributeMetadata;
        attribute.IsAuditEnabled = new BooleanManagedProperty(false);
        _service.Execute(new UpdateAttributeRequest { EntityName = "wgb_loanapplication", Attribute = attribute, MergeLabels = true });
    }

    /// <summary>Lists the given tables whose auditing is currently off (used by the post-migration check).</summary>
    public IReadOnlyList<string> TablesWithoutAudit(params string[] logicalNames) =>
        logicalNames
            .Where(name => ((RetrieveEntityResponse)_service.Execute(new RetrieveEntityRequest { LogicalName = name, EntityFilters = EntityFilters.Entity }))
                .EntityMetadata.IsAuditEnabled?.Value != true)
            .ToList();
}
