using System;
using System.Configuration;
using Microsoft.Xrm.Tooling.Connector;

namespace Fabrikam.LegacyImport
{
    internal static class Program
    {
        private static int Main()
        {
            var connection = ConfigurationManager.ConnectionStrings["FabCrm"].ConnectionString;
            using (var crm = new CrmServiceClient(connection))
            {
                if (!crm.IsReady)
                {
                    Console.Error.WriteLine("Could not connect: " + crm.LastCrmError);
                    return 1;
                }

                var batchSize = int.Parse(ConfigurationManager.AppSettings["ImportBatchSize"]);
                Console.WriteLine("Connected to {0}; importing in batches of {1}", crm.ConnectedOrgFriendlyName, batchSize);
                new PolicyImporter(crm, batchSize).Run(ConfigurationManager.AppSettings["PolicyFeedUrl"]);
            }
            return 0;
        }
    }
}
