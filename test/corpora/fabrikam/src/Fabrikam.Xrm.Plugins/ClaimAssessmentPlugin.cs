using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Fabrikam.Xrm.Plugins.Constants;
using Microsoft.Xrm.Sdk;
using Newtonsoft.Json;

namespace Fabrikam.Xrm.Plugins
{
    /// <summary>
    /// Update of fab_claim (post-operation, sync). Asks the rating service for a
    /// reserve proposal and writes it back to the claim.
    /// </summary>
    public sealed class ClaimAssessmentPlugin : FabPluginBase
    {
        private static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        private readonly AssessmentSettings _settings;

        public ClaimAssessmentPlugin(string unsecureConfig, string secureConfig)
            : base(unsecureConfig, secureConfig)
        {
            _settings = string.IsNullOrWhiteSpace(unsecureConfig)
                ? new AssessmentSettings()
                : JsonConvert.DeserializeObject<AssessmentSettings>(unsecureConfig);
        }

        protected override void ExecuteCore(FabContext fab)
        {
            fab.Trace("Secure configuration supplied: {0}", !string.IsNullOrEmpty(SecureConfig));
            fab.Trace($"Assessment settings: endpoint={_settings.RatingEndpoint}, secure={SecureConfig}");

            var target = (Entity)fab.Execution.InputParameters["Target"];
            var apiKey = SecureConfig ?? string.Empty;

            var payload = new
            {
                claimId = target.Id,
                lossType = target.GetAttributeValue<OptionSetValue>("fab_losstype")?.Value,
                region = target.GetAttributeValue<string>("fab_region")
            };

            var request = new HttpRequestMessage(HttpMethod.Post, _settings.RatingEndpoint ?? IntegrationDefaults.RatingEndpoint)
            {
                Content = new StringContent(JsonConvert.SerializeObject(payload), Encoding.UTF8, "application/json")
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("FabKey", apiKey);

            var response = Http.SendAsync(request).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidPluginExecutionException(
                    $"Rating service returned {(int)response.StatusCode} for key '{apiKey}'.");
            }

            var proposal = JsonConvert.DeserializeObject<ReserveProposal>(
                response.Content.ReadAsStringAsync().GetAwaiter().GetResult());

            var update = new Entity(target.LogicalName, target.Id)
            {
                ["fab_reserveamount"] = new Money(proposal.Amount),
                ["fab_reservereason"] = proposal.Reason
            };

            // Adjusters have no write access to the reserve columns, so write them privileged.
            fab.PrivilegedService.Update(update);
            fab.Trace("Reserve proposal of {0} stored for claim {1}", proposal.Amount, target.Id);
        }

        private sealed class AssessmentSettings
        {
            public string RatingEndpoint { get; set; }
            public string SecretName { get; set; }
        }

        private sealed class ReserveProposal
        {
            public decimal Amount { get; set; }
            public string Reason { get; set; }
        }
    }
}
