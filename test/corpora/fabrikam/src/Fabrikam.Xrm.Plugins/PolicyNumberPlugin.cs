using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Fabrikam.Xrm.Plugins
{
    /// <summary>
    /// Pre-operation Create of fab_policy: assigns the next policy number
    /// from the autonumber sequence for the policy's line of business.
    /// </summary>
    public class PolicyNumberPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var ctx = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));
            var service = factory.CreateOrganizationService(ctx.UserId);

            if (!(ctx.InputParameters["Target"] is Entity policy) || policy.LogicalName != "fab_policy")
            {
                return;
            }

            var lob = policy.GetAttributeValue<OptionSetValue>("fab_lineofbusiness")?.Value ?? 0;
            var query = new QueryExpression("fab_numbersequence")
            {
                ColumnSet = new ColumnSet("fab_prefix", "fab_nextvalue"),
                TopCount = 1
            };
            query.Criteria.AddCondition("fab_lineofbusiness", ConditionOperator.Equal, lob);

            var sequences = service.RetrieveMultiple(query);
            if (sequences.Entities.Count == 0)
            {
                throw new InvalidPluginExecutionException("No number sequence is configured for this line of business.");
            }

            var seq = sequences.Entities[0];
            var next = seq.GetAttributeValue<int>("fab_nextvalue");
            policy["fab_policynumber"] = string.Format(CultureInfo.InvariantCulture, "{0}-{1:D7}",
                seq.GetAttributeValue<string>("fab_prefix"), next);

            service.Update(new Entity(seq.LogicalName, seq.Id) { ["fab_nextvalue"] = next + 1 });
        }
    }
}
