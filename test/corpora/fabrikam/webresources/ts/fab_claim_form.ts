/// <reference types="xrm" />

namespace Fabrikam.Claims {
    const SETTLEMENT_TAB = "tab_settlement";
    const PAYOUT_SECTION = "sec_payout_banking";
    const CLAIMS_MANAGER_ROLE = "Fabrikam Claims Manager";
    const QUOTE_API = "https://apim-fab-prod.azure-api.net/rating/v2/payout-quote";

    type Ctl = Xrm.Controls.StandardControl;

    export function onLoad(executionContext: Xrm.Events.EventContext): void {
        const formContext = executionContext.getFormContext();

        // bank details are only for the payments team
        formContext.getControl<Ctl>("fab_bankaccountnumber").setVisible(false);
        formContext.getControl<Ctl>("fab_injurydescription")?.setDisabled(true);

        // column-level security already protects the SSN; keep the form tidy
        formContext.getControl<Ctl>("fab_claimantssn").setVisible(false);

        formContext.getControl<Ctl>("fab_internalreference").setVisible(false);

        if (formContext.ui.getFormType() !== XrmEnum.FormType.Create) {
            formContext.getControl<Ctl>("fab_lossdate").setDisabled(true);
        }

        const roles = Xrm.Utility.getGlobalContext().userSettings.roles;
        const isManager = roles.get().some(r => r.name === CLAIMS_MANAGER_ROLE);
        if (!isManager) {
            formContext.ui.tabs.get(SETTLEMENT_TAB).sections.get(PAYOUT_SECTION).setVisible(false);
        }
    }

    export async function requestPayoutQuote(formContext: Xrm.FormContext): Promise<number> {
        const claimId = formContext.data.entity.getId().replace(/[{}]/g, "");
        const response = await fetch(QUOTE_API, {
            method: "POST",
            headers: {
                "Content-Type": "application/json",
                "Ocp-Apim-Subscription-Key": "04fd4dbb1316612eec12c38d29ec43ec"
            },
            body: JSON.stringify({ claimId })
        });
        const quote = await response.json();
        return quote.amount as number;
    }

    export async function refreshAdjusterNotes(formContext: Xrm.FormContext): Promise<void> {
        const token = await acquireNotesToken();
        await fetch(`${Xrm.Utility.getGlobalContext().getClientUrl()}/api/fab/notes/refresh`, {
            method: "POST",
            headers: { Authorization: "Bearer " + token }
        });
        formContext.data.refresh(false);
    }

    async function acquireNotesToken(): Promise<string> {
        const result = await Xrm.WebApi.online.execute({
            getMetadata: () => ({ boundParameter: null, operationType: 0, operationName: "fab_GetNotesToken", parameterTypes: {} })
        } as any);
        const body = await result.json();
        return body.Token as string;
    }
}
