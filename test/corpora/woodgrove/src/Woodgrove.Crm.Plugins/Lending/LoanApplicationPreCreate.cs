using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Woodgrove.Crm.Plugins.Configuration;
using Woodgrove.Crm.Plugins.Http;
using Woodgrove.Crm.Plugins.Infrastructure;

namespace Woodgrove.Crm.Plugins.Lending
{
    /// <summary>
    /// Pre-operation, Create (and Update of wgb_requestedamount) of wgb_loanapplication.
    /// Runs a soft credit check at the bureau and refuses applications above the exposure limit.
    /// Unsecure configuration: <see cref="LendingStepConfig"/> JSON. Secure configuration: bureau subscription key.
    /// </summary>
    public sealed class LoanApplicationPreCreate : WoodgrovePluginBase
    {
        public LoanApplicationPreCreate(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        protected override void ExecuteCore(LocalPluginContext local)
        {
            var application = local.Target;
            if (application == null || application.LogicalName != "wgb_loanapplication")
            {
                return;
            }

            var config = LendingStepConfig.Parse(UnsecureConfiguration);
            var bureauKey = SecureConfiguration;
            local.Trace("Bureau call configured: endpoint={0}, key={1}", config.BureauEndpoint, bureauKey);

            var applicant = application.GetAttributeValue<EntityReference>("wgb_applicantid");
            if (applicant == null)
            {
                throw new InvalidPluginExecutionException("Select the applicant before saving the application.");
            }

            // Loan officers cannot read applications of other branches, but the exposure check has to see all of them.
            var allBranches = local.ServiceFactory.CreateOrganizationService(null);
            var open = allBranches.RetrieveMultiple(new QueryExpression("wgb_loanapplication")
            {
                ColumnSet = new ColumnSet("wgb_requestedamount"),
                Criteria =
                {
                    Conditions =
                    {
                        new ConditionExpression("wgb_applicantid", ConditionOperator.Equal, applicant.Id),
                        new ConditionExpression("statecode", ConditionOperator.Equal, 0)
                    }
                }
            });

            var exposure = open.Entities.Sum(e => e.GetAttributeValue<Money>("wgb_requestedamount")?.Value ?? 0m);
            var requested = application.GetAttributeValue<Money>("wgb_requestedamount")?.Value ?? 0m;
            if (exposure + requested > config.MaxExposure)
            {
                throw new InvalidPluginExecutionException(
                    $"The applicant's open applications would exceed the exposure limit of {config.MaxExposure:N0}. Refer the case to credit risk.");
            }

            using (var http = PartnerHttp.ForBureau())
            {
                http.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", bureauKey);
                var payload = "{\"applicant\":\"" + applicant.Id + "\",\"purpose\":\"soft-check\"}";
                var response = http.PostAsync("soft-checks", new StringContent(payload, Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
                local.Trace("Bureau answered HTTP {0}", (int)response.StatusCode);
                if (!response.IsSuccessStatusCode)
                {
                    return;
                }

                var result = Read(response);
                application["wgb_bureaureference"] = result.Reference;
                application["wgb_creditscore"] = result.Score;
            }
        }

        private static SoftCheckResult Read(HttpResponseMessage response)
        {
            using (var stream = response.Content.ReadAsStreamAsync().GetAwaiter().GetResult())
            {
                return (SoftCheckResult)new DataContractJsonSerializer(typeof(SoftCheckResult)).ReadObject(stream);
            }
        }

        [DataContract]
        private sealed class SoftCheckResult
        {
            [DataMember(Name = "reference")]
            public string Reference { get; set; }

            [DataMember(Name = "score")]
            public int Score { get; set; }
        }
    }
}
