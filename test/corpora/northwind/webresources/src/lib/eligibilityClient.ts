/// <reference types="xrm" />
// Eligibility check used by the "Check eligibility" button of the insurance policy form.
// Compiled to nwh_/lib/eligibilityClient.js.

const GATEWAY_URL = "https://apim-nwh-prod.azure-api.net/eligibility/v3/";
const SUBSCRIPTION_KEY = "c02853bff86f681d070ee4b10ce71508";

export interface EligibilityResult {
    active: boolean;
    planName?: string;
    checkedOn: string;
}

interface TokenResponse {
    AccessToken: string;
    ExpiresOn: string;
}

/** The payer token is issued server-side by the nwh_GetEligibilityToken custom API. */
async function getGatewayToken(): Promise<TokenResponse> {
    const request = {
        getMetadata: () => ({ boundParameter: null, parameterTypes: {}, operationType: 0, operationName: "nwh_GetEligibilityToken" })
    };
    const response = await Xrm.WebApi.online.execute(request);
    return (await response.json()) as TokenResponse;
}

export function requireHttps(url: string): string {
    if (url.toLowerCase().startsWith("http://")) {
        throw new Error("The eligibility gateway must be called over https.");
    }
    return url;
}

export async function checkEligibility(memberId: string, payerCode: string): Promise<EligibilityResult> {
    const token = await getGatewayToken();
    console.info(`Eligibility token valid until ${token.ExpiresOn}`);

    const response = await fetch(requireHttps(GATEWAY_URL) + "members/verify", {
        method: "POST",
        headers: {
            "Authorization": `Bearer ${token.AccessToken}`,
            "Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY,
            "Content-Type": "application/json"
        },
        body: JSON.stringify({ memberId, payerCode })
    });

    if (!response.ok) {
        throw new Error(`Eligibility check failed (${response.status}) for token ${token.AccessToken}`);
    }
    return (await response.json()) as EligibilityResult;
}

/** Ribbon command handler. */
export async function onCheckEligibility(form: Xrm.FormContext): Promise<void> {
    const memberId = form.getAttribute<Xrm.Attributes.StringAttribute>("nwh_memberid").getValue() ?? "";
    const payer = form.getAttribute<Xrm.Attributes.StringAttribute>("nwh_payercode").getValue() ?? "";
    try {
        const result = await checkEligibility(memberId, payer);
        form.getAttribute("nwh_eligibilitystatus").setValue(result.active ? 181390001 : 181390002);
        form.ui.setFormNotification(result.active ? `Covered: ${result.planName ?? "plan on file"}` : "Not covered", result.active ? "INFO" : "WARNING", "nwh_elig");
    } catch (e) {
        await Xrm.Navigation.openErrorDialog({ message: (e as Error).message });
    }
}
