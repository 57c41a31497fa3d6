namespace Northwind.Xrm.Plugins.Common
{
    /// <summary>
    /// Addresses and names of the systems the plug-ins talk to. Values that differ per
    /// environment belong in environment variables; these are the same everywhere.
    /// </summary>
    internal static class ExternalEndpoints
    {
        // Payer eligibility API, published through API Management
        public const string EligibilityBaseUrl = "https://apim-nwh-prod.azure-api.net/eligibility/v3/";
        public const string EligibilityTokenUrl = "https://login.microsoftonline.com/3f8a61d2-9c47-4b0e-8a15-d27e0c93b6f4/oauth2/v2.0/token";
        public const string EligibilityScope = "api://nwh-eligibility/.default";

        // Lab portal still runs on the old appliance in the Redmond data centre (INFRA-2291)
        public const string LabPortalBaseUrl = "http://labportal.northwindhealth.org:8080/api/";

        // Integration credentials live in this vault; plug-ins reach them through
        // Secret-type environment variables.
        public const string KeyVaultUri = "https://kv-nwh-integration.vault.azure.net/";
        public const string EligibilityClientSecretName = "eligibility-client-secret";

        // Environment variable schema names
        public const string EligibilityApiKeyVariable = "nwh_EligibilityApiKey";
        public const string EligibilitySecretVariable = "nwh_EligibilityClientSecret";
        public const string EligibilityClientIdVariable = "nwh_EligibilityClientId";

        // Fax gateway for referral letters to practices without Direct messaging
        public const string FaxGatewayUrl = "https://api.faxbridge-partners.net/v2/faxes";
        public const string FaxGatewayAccount = "nwh-referrals";
        public const string FaxGatewayApiKey = "fxb_live_" +
            "2WbQ6ATkxcWuajBDpn6wZAIbBlP04G3liTRgBa5n";

        // FHIR namespace of the lab payloads (an identifier, never requested)
        public const string FhirNamespace = "http://hl7.org/fhir";
    }
}
