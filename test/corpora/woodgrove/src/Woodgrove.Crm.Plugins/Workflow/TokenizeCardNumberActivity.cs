using System;
using System.Activities;
using System.Net.Http;
using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace Woodgrove.Crm.Plugins.Workflow
{
    /// <summary>
    /// Step of the classic "Dispute intake" workflow: replaces the full card number on the dispute
    /// with a token from the card vault, then clears wgb_pan.
    /// </summary>
    public sealed class TokenizeCardNumberActivity : CodeActivity
    {
        [RequiredArgument]
        [Input("Card Dispute")]
        [ReferenceTarget("wgb_carddispute")]
        public InArgument<EntityReference> Dispute { get; set; }

        [Output("Card Token")]
        public OutArgument<string> CardToken { get; set; }

        protected override void Execute(CodeActivityContext executionContext)
        {
            var tracing = executionContext.GetExtension<ITracingService>();
            var factory = executionContext.GetExtension<IOrganizationServiceFactory>();

            // In a workflow activity the service always runs as the workflow's user, whatever is passed here.
            var service = factory.CreateOrganizationService(null);
            var disputeRef = Dispute.Get(executionContext);
            var dispute = service.Retrieve(disputeRef.LogicalName, disputeRef.Id, new ColumnSet("wgb_pan"));
            var pan = dispute.GetAttributeValue<string>("wgb_pan");
            if (string.IsNullOrEmpty(pan))
            {
                return;
            }

            var vaultKey = (string)service.Execute(new OrganizationRequest("RetrieveEnvironmentVariableSecretValue")
            {
                ["EnvironmentVariableName"] = "wgb_CardVaultKey"
            })["EnvironmentVariableSecretValue"];
            tracing.Trace("Tokenizing card ending {0} with vault key {1}", pan.Substring(pan.Length - 4), vaultKey);

            using (var http = new HttpClient())
            {
                http.DefaultRequestHeaders.Add("X-Vault-Key", vaultKey);
                var response = http.PostAsync("https://vault.woodgrove.com/api/v2/tokens",
                    new StringContent("{\"pan\":\"" + pan + "\"}", Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
                response.EnsureSuccessStatusCode();
                var token = response.Content.ReadAsStringAsync().GetAwaiter().GetResult().Trim('"');

                service.Update(new Entity(disputeRef.LogicalName, disputeRef.Id) { ["wgb_pan"] = null, ["wgb_cardtoken"] = token });
                CardToken.Set(executionContext, token);
            }
        }
    }
}
