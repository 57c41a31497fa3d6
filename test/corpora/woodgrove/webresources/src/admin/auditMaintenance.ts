/// <reference types="xrm" />

/*
 * Admin page wgb_/admin/auditmaintenance.html, used by the CRM platform team around the
 * quarterly bulk re-scoring of open applications.
 */
namespace Woodgrove.Admin {
    interface OrganizationRow {
        organizationid: string;
        isauditenabled: boolean;
    }

    async function organization(): Promise<OrganizationRow> {
        const result = await Xrm.WebApi.retrieveMultipleRecords("organization", "?$select=organizationid,isauditenabled");
        return result.entities[0] as OrganizationRow;
    }

    /** Re-scoring rewrites every application; audit would add millions of rows. */
    export async function suspendAuditForRescore(): Promise<void> {
        const org = await organization();
        await Xrm.WebApi.updateRecord("organization", org.organizationid, { isauditenabled: false });
        console.info("Organization audit suspended for the bulk re-score");
    }

    export async function resumeAudit(): Promise<void> {
        const org = await organization();
        await Xrm.WebApi.updateRecord("organization", org.organizationid, { isauditenabled: true, isuseraccessauditenabled: true });
        console.info("Organization audit resumed");
    }

    export async function describeAuditState(): Promise<string> {
        const org = await organization();
        return org.isauditenabled ? "Auditing is on." : "Auditing is OFF - resume it before the next business day.";
    }
}
