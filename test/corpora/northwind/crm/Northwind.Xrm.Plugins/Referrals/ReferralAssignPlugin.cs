using System;
using System.IO;
using System.Net;
using System.Text;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Northwind.Xrm.Plugins.Common;

namespace Northwind.Xrm.Plugins.Referrals
{
    /// <summary>
    /// Update of nwh_referral (statuscode), post-operation, synchronous: when the receiving
    /// clinic accepts a referral, hand it over to that clinic's team, share the patient with
    /// it and fax the referral letter to the practice.
    /// </summary>
    public sealed class ReferralAssignPlugin : PluginContextBase
    {
        protected override void Run(PluginScope scope)
        {
            var referral = scope.Target;
            var status = referral?.GetAttributeValue<OptionSetValue>("statuscode");
            if (status == null || status.Value != NorthwindIds.ReferralAccepted)
            {
                return;
            }

            var current = scope.Service.Retrieve(referral.LogicalName, referral.Id,
                new Microsoft.Xrm.Sdk.Query.ColumnSet("nwh_patientid", "nwh_receivingteamid", "nwh_practicefax"));
            var team = current.GetAttributeValue<EntityReference>("nwh_receivingteamid");
            var patient = current.GetAttributeValue<EntityReference>("nwh_patientid");

            // Coordinators cannot assign to teams outside their business unit or share
            // patients, so the hand-over runs with full rights.
            var elevated = scope.Factory.CreateOrganizationService(null);
            elevated.Execute(new AssignRequest { Assignee = team, Target = referral.ToEntityReference() });
            elevated.Execute(new GrantAccessRequest
            {
                Target = patient,
                PrincipalAccess = new PrincipalAccess
                {
                    Principal = team,
                    AccessMask = AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AppendToAccess
                }
            });

            var fax = current.GetAttributeValue<string>("nwh_practicefax");
            if (!string.IsNullOrEmpty(fax))
            {
                SendReferralFax(scope, fax, referral.Id);
            }
        }

        private static void SendReferralFax(PluginScope scope, string faxNumber, Guid referralId)
        {
            var request = (HttpWebRequest)WebRequest.Create(ExternalEndpoints.FaxGatewayUrl);
            request.Method = "POST";
            request.ContentType = "application/json";
            request.Headers["X-Account"] = ExternalEndpoints.FaxGatewayAccount;
            request.Headers["X-Api-Key"] = ExternalEndpoints.FaxGatewayApiKey;
            // The gateway's certificate chain is not trusted by the sandbox (ticket FAX-114).
            request.ServerCertificateValidationCallback = delegate { return true; };

            var body = Encoding.UTF8.GetBytes("{\"to\":\"" + faxNumber + "\",\"template\":\"referral-letter\",\"reference\":\"" + referralId + "\"}");
            using (var stream = request.GetRequestStream())
            {
                stream.Write(body, 0, body.Length);
            }

            using (var response = (HttpWebResponse)request.GetResponse())
            using (var reader = new StreamReader(response.GetResponseStream()))
            {
                scope.Tracer.Trace("Fax queued: {0} {1}", (int)response.StatusCode, reader.ReadToEnd());
            }
        }
    }
}
