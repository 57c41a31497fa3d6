/// <reference types="xrm" />

/*
 * KYC case main form (wgb_kyccase). Compiled to wgb_/forms/kycCase.form.js.
 * OnLoad handler: Woodgrove.Kyc.KycCaseForm.onLoad
 */
namespace Woodgrove.Kyc {
    const KYC_ANALYST_ROLE = "Woodgrove KYC Analyst";
    const PROVIDER_PORTAL = "https://portal.kyc-provider.example/cases/";

    export class KycCaseForm {
        private readonly formContext: Xrm.FormContext;

        private constructor(formContext: Xrm.FormContext) {
            this.formContext = formContext;
        }

        public static onLoad(executionContext: Xrm.Events.EventContext): void {
            const form = new KycCaseForm(executionContext.getFormContext());
            form.applyRoleLayout();
            form.lockScreeningOutcome();
            form.formContext.getControl<Xrm.Controls.StandardControl>("wgb_nationalid")?.setVisible(false);
        }

        /** Identity documents are only shown to KYC analysts. */
        private applyRoleLayout(): void {
            const roles = Xrm.Utility.getGlobalContext().userSettings.roles;
            const isAnalyst = roles.get().some((role) => role.name === KYC_ANALYST_ROLE);
            const documents = this.formContext.ui.tabs.get("tab_identity").sections.get("sec_documents");
            if (!isAnalyst) {
                documents.setVisible(false);
            } else {
                documents.setVisible(true);
            }
        }

        /** PEP and sanctions outcomes come from the screening provider and must not be edited by hand. */
        private lockScreeningOutcome(): void {
            this.formContext.getAttribute("wgb_pepstatus").controls.forEach((control) => (control as Xrm.Controls.StandardControl).setDisabled(true));
            this.formContext.getControl<Xrm.Controls.StandardControl>("wgb_providerreference")?.setDisabled(true);
        }

        /** Ribbon: opens the case in the provider's portal. */
        public static async openProviderCase(primaryControl: Xrm.FormContext): Promise<void> {
            const reference = primaryControl.getAttribute<Xrm.Attributes.StringAttribute>("wgb_providerreference").getValue();
            if (reference) {
                Xrm.Navigation.openUrl(PROVIDER_PORTAL + encodeURIComponent(reference));
            }
        }

        /** Ribbon: asks the provider to screen the customer again (bound custom API wgb_RequestRescreen). */
        public static async requestRescreen(primaryControl: Xrm.FormContext): Promise<void> {
            const id = primaryControl.data.entity.getId().replace(/[{}]/g, "");
            const request = {
                entity: { entityType: "wgb_kyccase", id },
                getMetadata: () => ({
                    boundParameter: "entity",
                    operationType: 0,
                    operationName: "wgb_RequestRescreen",
                    parameterTypes: { entity: { typeName: "mscrm.wgb_kyccase", structuralProperty: 5 } }
                })
            };
            const response = await Xrm.WebApi.online.execute(request);
            if (!response.ok) {
                await Xrm.Navigation.openAlertDialog({ text: `Rescreening could not be requested (HTTP ${response.status}).` });
            }
        }
    }
}
