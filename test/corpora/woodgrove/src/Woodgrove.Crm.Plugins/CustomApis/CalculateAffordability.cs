using System;
using System.Globalization;
using System.Net.Http;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Woodgrove.Crm.Plugins.Infrastructure;

namespace Woodgrove.Crm.Plugins.CustomApis
{
    /// <summary>
    /// Main operation of the custom API wgb_CalculateAffordability (function, unbound).
    /// Input: ApplicationId (Guid). Output: Ratio (Decimal), Decision (String).
    /// </summary>
    public sealed class CalculateAffordability : WoodgrovePluginBase
    {
        private const string RateServiceUrl = "https://rates.woodgrove.com/api/v1/affordability";

        public CalculateAffordability(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        protected override void ExecuteCore(LocalPluginContext local)
        {
            var context = local.ExecutionContext;
            var applicationId = (Guid)context.InputParameters["ApplicationId"];

            // Guid.Empty: the caller's own privileges, so a user only scores applications they can read.
            var service = local.ServiceFactory.CreateOrganizationService(Guid.Empty);
            var application = service.Retrieve("wgb_loanapplication", applicationId,
                new ColumnSet("wgb_requestedamount", "wgb_annualincome", "wgb_termmonths"));

            var rateKey = RetrieveSecret(service, "wgb_RateServiceKey");
            decimal monthlyRate;
            using (var http = new HttpClient())
            {
                http.DefaultRequestHeaders.Add("x-api-key", rateKey);
                var raw = http.GetStringAsync(RateServiceUrl + "?term=" + application.GetAttributeValue<int>("wgb_termmonths")).GetAwaiter().GetResult();
                monthlyRate = decimal.Parse(raw, CultureInfo.InvariantCulture);
            }

            var income = application.GetAttributeValue<Money>("wgb_annualincome")?.Value ?? 0m;
            var amount = application.GetAttributeValue<Money>("wgb_requestedamount")?.Value ?? 0m;
            var ratio = income == 0m ? 1m : Math.Round(amount * monthlyRate * 12m / income, 4);

            context.OutputParameters["Ratio"] = ratio;
            context.OutputParameters["Decision"] = ratio <= 0.35m ? "Affordable" : "Refer";
            local.Trace("Affordability of {0}: ratio {1}", applicationId, ratio);
        }

        private static string RetrieveSecret(IOrganizationService service, string variableName)
        {
            var response = service.Execute(new OrganizationRequest("RetrieveEnvironmentVariableSecretValue")
            {
                ["EnvironmentVariableName"] = variableName
            });
            return (string)response["EnvironmentVariableSecretValue"];
        }
    }
}
