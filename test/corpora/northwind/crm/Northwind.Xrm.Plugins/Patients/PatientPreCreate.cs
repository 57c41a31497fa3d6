using System;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Northwind.Xrm.Plugins.Common;

namespace Northwind.Xrm.Plugins.Patients
{
    /// <summary>
    /// Create of nwh_patient, pre-operation, synchronous: normalises the SSN, assigns the
    /// medical record number and blocks obvious duplicates.
    /// </summary>
    public sealed class PatientPreCreate : PluginContextBase
    {
        private static readonly Regex SsnPattern = new Regex(@"^\d{3}-?\d{2}-?\d{4}$", RegexOptions.Compiled);

        protected override void Run(PluginScope scope)
        {
            var patient = scope.Target;
            if (patient == null)
            {
                return;
            }

            var ssn = patient.GetAttributeValue<string>("nwh_ssn");
            if (!string.IsNullOrWhiteSpace(ssn))
            {
                if (!SsnPattern.IsMatch(ssn.Trim()))
                {
                    throw new InvalidPluginExecutionException("The social security number must have nine digits (###-##-####).");
                }

                var digits = ssn.Replace("-", string.Empty).Trim();
                patient["nwh_ssn"] = digits.Substring(0, 3) + "-" + digits.Substring(3, 2) + "-" + digits.Substring(5);
            }

            // Duplicate check runs as the caller: front desk staff can only see patients of
            // their own clinic, which is exactly the scope in which duplicates matter.
            // var admin = scope.Factory.CreateOrganizationService(null);
            var duplicates = new QueryExpression("nwh_patient")
            {
                ColumnSet = new ColumnSet("nwh_patientid"),
                TopCount = 1
            };
            duplicates.Criteria.AddCondition("nwh_lastname", ConditionOperator.Equal, patient.GetAttributeValue<string>("nwh_lastname"));
            duplicates.Criteria.AddCondition("nwh_dateofbirth", ConditionOperator.On, patient.GetAttributeValue<DateTime?>("nwh_dateofbirth"));
            if (scope.Service.RetrieveMultiple(duplicates).Entities.Count > 0)
            {
                throw new InvalidPluginExecutionException("A patient with this name and date of birth already exists. Search before creating a new record.");
            }

            if (!patient.Contains("nwh_medicalrecordnumber"))
            {
                patient["nwh_medicalrecordnumber"] = "NWH" + DateTime.UtcNow.ToString("yyMMdd") + new Random().Next(10000, 99999);
            }
        }
    }
}
