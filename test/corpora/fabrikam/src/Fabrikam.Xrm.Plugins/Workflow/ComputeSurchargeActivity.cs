using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Fabrikam.Xrm.Plugins.Workflow
{
    public sealed class ComputeSurchargeActivity : CodeActivity
    {
        private const string SurchargeSecretName = "fab-fuel-surcharge-api";

        [RequiredArgument]
        [Input("Shipment")]
        [ReferenceTarget("fab_shipment")]
        public InArgument<EntityReference> Shipment { get; set; }

        [Input("Surcharge API key")]
        public InArgument<string> SurchargeApiKey { get; set; }

        [Output("Surcharge")]
        public OutArgument<Money> Surcharge { get; set; }

        protected override void Execute(CodeActivityContext executionContext)
        {
            var tracing = executionContext.GetExtension<ITracingService>();
            var wfContext = executionContext.GetExtension<IWorkflowContext>();
            var factory = executionContext.GetExtension<IOrganizationServiceFactory>();

            // In a workflow activity this still runs as the workflow's user.
            var service = factory.CreateOrganizationService(null);

            var apiKey = SurchargeApiKey.Get(executionContext);
            tracing.Trace("Surcharge lookup uses Key Vault secret {0}", SurchargeSecretName);
            tracing.Trace("Surcharge API key = " + apiKey);

            var shipment = service.Retrieve("fab_shipment", Shipment.Get(executionContext).Id,
                new Microsoft.Xrm.Sdk.Query.ColumnSet("fab_weightkg", "fab_distancekm"));
            var weight = shipment.GetAttributeValue<decimal>("fab_weightkg");
            var distance = shipment.GetAttributeValue<decimal>("fab_distancekm");

            Surcharge.Set(executionContext, new Money(Math.Round(weight * distance * 0.0042m, 2)));
            tracing.Trace("Surcharge computed for {0} by {1}", Shipment.Get(executionContext).Id, wfContext.UserId);
        }
    }
}
