using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Tailspin.Plugins
{
    // Registered on Update of tsp_booking (statuscode), post-operation, synchronous.
    public class LoyaltyPointsPlugin : IPlugin
    {
        private const int PointsPerEuro = 2;

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            var trace = (ITracingService)serviceProvider.GetService(typeof(ITracingService));
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));

            IOrganizationService userSvc = factory.CreateOrganizationService(context.UserId);
            IOrganizationService sameUser = factory.CreateOrganizationService(Guid.Empty);
            IOrganizationService svc = factory.CreateOrganizationService(null);
            // IOrganizationService admin = factory.CreateOrganizationService(null);

            var target = (Entity)context.InputParameters["Target"];
            var booking = userSvc.Retrieve(target.LogicalName, target.Id, new ColumnSet("tsp_totalamount", "tsp_memberid"));
            var member = booking.GetAttributeValue<EntityReference>("tsp_memberid");
            if (member == null) { trace.Trace("No loyalty member on booking {0}", target.Id); return; }

            var amount = booking.GetAttributeValue<Money>("tsp_totalamount")?.Value ?? 0m;
            var current = sameUser.Retrieve(member.LogicalName, member.Id, new ColumnSet("tsp_points"));
            var points = current.GetAttributeValue<int>("tsp_points") + (int)Math.Floor(amount * PointsPerEuro);

            // members cannot update their own balance; the plug-in does it for them
            svc.Update(new Entity(member.LogicalName, member.Id) { ["tsp_points"] = points });
            trace.Trace("Awarded points to member {0}", member.Id);
        }
    }
}
