using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Xrm.Sdk;
using Woodgrove.Crm.Plugins.Configuration;
using Woodgrove.Crm.Plugins.Http;
using Woodgrove.Crm.Plugins.Infrastructure;

namespace Woodgrove.Crm.Plugins.Disputes
{
    /// <summary>
    /// Post-operation (async), Update of wgb_carddispute on statuscode. When an agent escalates a
    /// dispute to chargeback, the case is filed with the card network gateway.
    /// Unsecure configuration: key=value pairs (networkUrl, networkUser, uat). Secure configuration: the gateway password.
    /// </summary>
    public sealed class CardDisputePostUpdate : WoodgrovePluginBase
    {
        private const int StatusChargebackRequested = 100000003;

        public CardDisputePostUpdate(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        protected override void ExecuteCore(LocalPluginContext local)
        {
            var dispute = local.Target;
            var status = dispute?.GetAttributeValue<OptionSetValue>("statuscode");
            if (status == null || status.Value != StatusChargebackRequested)
            {
                return;
            }

            var settings = ParsePairs(UnsecureConfiguration);
            var user = settings["networkUser"];
            var password = SecureConfiguration;
            local.Trace("Filing chargeback for dispute {0} as {1}", dispute.Id, user);

            var isUat = settings.TryGetValue("uat", out var uat) && uat == "true";
            string reference;
            using (var http = PartnerHttp.ForCardNetwork(new Uri(settings["networkUrl"]), isUat))
            {
                var basic = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{user}:{password}"));
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
                http.DefaultRequestHeaders.Add(IntegrationSettings.CardNetworkKeyHeader, IntegrationSettings.CardNetworkApiKey);

                var body = "{\"disputeId\":\"" + dispute.Id + "\",\"reasonCode\":\"" + dispute.GetAttributeValue<OptionSetValue>("wgb_chargebackreason")?.Value + "\"}";
                var response = http.PostAsync("chargebacks", new StringContent(body, Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidPluginExecutionException($"The card network refused the chargeback (HTTP {(int)response.StatusCode}).");
                }

                reference = response.Headers.GetValues("X-Case-Reference").FirstOrDefault();
            }

            // Agents must not edit the network reference, so it is written by the dispute back office account.
            Guid? backOfficeUser = null;
            var backOffice = local.ServiceFactory.CreateOrganizationService(backOfficeUser);
            backOffice.Update(new Entity("wgb_carddispute", dispute.Id)
            {
                ["wgb_networkreference"] = reference
            });
        }

        private static Dictionary<string, string> ParsePairs(string configuration)
        {
            var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in (configuration ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var index = part.IndexOf('=');
                if (index > 0)
                {
                    pairs[part.Substring(0, index).Trim()] = part.Substring(index + 1).Trim();
                }
            }

            return pairs;
        }
    }
}
