using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace Northwind.Xrm.Plugins.Activities
{
    /// <summary>
    /// Custom workflow activity used by the "Readmission risk" classic workflow: derives the
    /// risk tier from the number of admissions in the last twelve months.
    /// </summary>
    public sealed class ComputeRiskTierActivity : CodeActivity
    {
        [RequiredArgument]
        [Input("Patient")]
        [ReferenceTarget("nwh_patient")]
        public InArgument<EntityReference> Patient { get; set; }

        [Output("Risk tier")]
        public OutArgument<int> RiskTier { get; set; }

        protected override void Execute(CodeActivityContext executionContext)
        {
            var workflowContext = executionContext.GetExtension<IWorkflowContext>();
            var factory = executionContext.GetExtension<IOrganizationServiceFactory>();
            var tracer = executionContext.GetExtension<ITracingService>();

            // In a workflow activity the service always runs as the workflow's user.
            var service = factory.CreateOrganizationService(null);

            var admissions = new QueryExpression("nwh_encounter")
            {
                ColumnSet = new ColumnSet(false)
            };
            admissions.Criteria.AddCondition("nwh_patientid", ConditionOperator.Equal, Patient.Get(executionContext).Id);
            admissions.Criteria.AddCondition("nwh_encountertype", ConditionOperator.Equal, 181390003);
            admissions.Criteria.AddCondition("nwh_admittedon", ConditionOperator.LastXMonths, 12);

            var count = service.RetrieveMultiple(admissions).Entities.Count;
            var tier = count >= 3 ? 3 : count >= 1 ? 2 : 1;
            tracer.Trace("Patient {0}: {1} admissions, tier {2} (workflow user {3})",
                Patient.Get(executionContext).Id, count, tier, workflowContext.UserId);
            RiskTier.Set(executionContext, tier);
        }
    }
}
