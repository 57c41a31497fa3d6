using System;
using System.Configuration;
using System.Diagnostics;
using System.Net.Http;
using System.Web.Mvc;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Tooling.Connector;

namespace Northwind.ReferralPortal.Controllers
{
    [Authorize]
    public class ReferralController : Controller
    {
        private static readonly Lazy<CrmServiceClient> Crm = new Lazy<CrmServiceClient>(Connect);
        private static readonly HttpClient Directory = new HttpClient
        {
            BaseAddress = new Uri(ConfigurationManager.AppSettings["ProviderDirectoryUrl"])
        };

        private static CrmServiceClient Connect()
        {
            var settings = ConfigurationManager.ConnectionStrings["Crm"];
            var client = new CrmServiceClient(settings.ConnectionString);
            if (!client.IsReady)
            {
                Trace.TraceError("CRM connection failed ({0}) using '{1}'", client.LastCrmError, settings.ConnectionString);
                throw new InvalidOperationException("The referral service is unavailable.");
            }

            Trace.TraceInformation("Connected to {0} as {1}", client.ConnectedOrgFriendlyName, client.OAuthUserId ?? "service account");
            return client;
        }

        [HttpGet]
        public ActionResult New() => View();

        [HttpPost]
        [ValidateAntiForgeryToken]
        public ActionResult New(ReferralForm form)
        {
            if (!ModelState.IsValid)
            {
                return View(form);
            }

            var practice = Directory.GetStringAsync("practices/" + Uri.EscapeDataString(form.PracticeNpi)).GetAwaiter().GetResult();
            var referral = new Entity("nwh_referral")
            {
                ["nwh_name"] = form.PatientLastName + ", " + form.PatientFirstName,
                ["nwh_referringnpi"] = form.PracticeNpi,
                ["nwh_reason"] = form.Reason,
                ["nwh_practicesnapshot"] = practice
            };
            var id = Crm.Value.Create(referral);
            return RedirectToAction("Submitted", new { id });
        }

        public ActionResult Submitted(Guid id) => View(id);
    }

    public class ReferralForm
    {
        public string PracticeNpi { get; set; }
        public string PatientFirstName { get; set; }
        public string PatientLastName { get; set; }
        public string Reason { get; set; }
    }
}
