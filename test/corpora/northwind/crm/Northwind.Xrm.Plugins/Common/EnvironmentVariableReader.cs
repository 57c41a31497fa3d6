using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Northwind.Xrm.Plugins.Common
{
    /// <summary>Reads Dataverse environment variables from plug-ins.</summary>
    internal static class EnvironmentVariableReader
    {
        /// <summary>
        /// Value of a Secret-type variable. Dataverse resolves the Key Vault reference; the
        /// caller needs the privilege to read environment variable secrets.
        /// </summary>
        public static string GetSecret(IOrganizationService service, string schemaName)
        {
            var request = new OrganizationRequest("RetrieveEnvironmentVariableSecretValue");
            request["EnvironmentVariableName"] = schemaName;
            var response = service.Execute(request);
            return response.Results["EnvironmentVariableSecretValue"] as string;
        }

        /// <summary>Current value of a String, Number or JSON variable, else its default value.</summary>
        public static string GetValue(IOrganizationService service, string schemaName)
        {
            var query = new QueryExpression("environmentvariabledefinition")
            {
                ColumnSet = new ColumnSet("defaultvalue"),
                TopCount = 1
            };
            query.Criteria.AddCondition("schemaname", ConditionOperator.Equal, schemaName);
            var current = query.AddLink("environmentvariablevalue", "environmentvariabledefinitionid",
                "environmentvariabledefinitionid", JoinOperator.LeftOuter);
            current.Columns = new ColumnSet("value");
            current.EntityAlias = "current";

            var definition = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (definition == null)
            {
                return null;
            }

            var value = definition.GetAttributeValue<AliasedValue>("current.value")?.Value as string;
            return string.IsNullOrEmpty(value) ? definition.GetAttributeValue<string>("defaultvalue") : value;
        }
    }
}
