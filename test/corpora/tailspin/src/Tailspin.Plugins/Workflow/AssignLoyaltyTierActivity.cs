using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Tailspin.Plugins.Workflow
{
    public sealed class AssignLoyaltyTierActivity : CodeActivity
    {
        [RequiredArgument]
        [Input("Loyalty member")]
        [ReferenceTarget("tsp_loyaltymember")]
        public InArgument<EntityReference> Member { get; set; }

        [Output("Tier")]
        public OutArgument<string> Tier { get; set; }

        protected override void Execute(CodeActivityContext executionContext)
        {
            var wfContext = executionContext.GetExtension<IWorkflowContext>();
            var factory = executionContext.GetExtension<IOrganizationServiceFactory>();
            // In a workflow activity this runs as the workflow's user whatever we pass.
            var service = factory.CreateOrganizationService(null);

            var memberRef = Member.Get(executionContext);
            var member = service.Retrieve(memberRef.LogicalName, memberRef.Id,
                new Microsoft.Xrm.Sdk.Query.ColumnSet("tsp_points"));
            var points = member.GetAttributeValue<int>("tsp_points");

            string tier = points >= 50000 ? "Platinum" : points >= 20000 ? "Gold" : points >= 5000 ? "Silver" : "Blue";
            service.Update(new Entity(memberRef.LogicalName, memberRef.Id) { ["tsp_tier"] = tier });
            Tier.Set(executionContext, tier);
        }
    }
}
