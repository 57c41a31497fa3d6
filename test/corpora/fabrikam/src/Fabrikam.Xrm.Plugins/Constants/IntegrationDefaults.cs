namespace Fabrikam.Xrm.Plugins.Constants
{
    /// <summary>
    /// Values shared by the rating and tracking integrations.
    /// Keep secrets out of this file - use the step's secure configuration.
    /// </summary>
    internal static class IntegrationDefaults
    {
        public const string RatingEndpoint = "https://rating.fabrikam-logistics.example/v2/quotes";

        public const string RatingTenant = "de1b77f0-9450-42b2-9193-f9ce1f05ef8e";

        public const string RatingClientId = "5a8ee783-c07b-40c8-90e9-e7d7f715742e";

        // TODO(FAB-1182): move to secure config before go-live
        internal static readonly string RatingClientSecret =
            "qZe5Q~j7AsI3-e~1mv0k" +
            "jxh~Z26Fu5pts5E_Gv11";

        public const string CarrierHubSecretName = "fab-carrierhub-client-secret";

        public const string VaultUri = "https://kv-fab-prod-weu.vault.azure.net/";

        public const string TelemetryConnection =
            "InstrumentationKey=2d03ea21-c308-4fbf-9ccc-00eff6e727ba;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/";

        public const string LegacyTrackingUrl = "http://tracking.fabrikam-logistics.example/api/v1/shipments";

        public const string LocalEmulatorUrl = "http://localhost:7071/api";

        public const string PortalPasswordAttribute = "fab_portalpasswordhash";
    }
}
