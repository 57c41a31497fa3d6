using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Xrm.Sdk;
using Northwind.Xrm.Plugins.Common;

namespace Northwind.Xrm.Plugins.Scheduling
{
    /// <summary>
    /// Create of appointment, post-operation, asynchronous: texts the patient a confirmation
    /// and schedules a reminder task for the front desk.
    /// </summary>
    public sealed class AppointmentReminderPlugin : PluginContextBase
    {
        private const string SmsApiBase = "https://api.textgate-cloud.com/2010-04-01/Accounts/";
        private static readonly HttpClient Http = new HttpClient();

        private readonly StepSettings _settings;

        public AppointmentReminderPlugin(string unsecureConfig, string secureConfig)
            : base(unsecureConfig, secureConfig)
        {
            _settings = StepSettings.Parse(unsecureConfig);
        }

        protected override void Run(PluginScope scope)
        {
            var appointment = scope.Target;
            var start = appointment?.GetAttributeValue<DateTime?>("scheduledstart");
            if (start == null || !appointment.Contains("nwh_patientmobile"))
            {
                return;
            }

            SendConfirmation(scope, appointment.GetAttributeValue<string>("nwh_patientmobile"), start.Value);

            // Reminder tasks are owned by the scheduling application user, not by whoever
            // booked the slot.
            var scheduling = scope.Factory.CreateOrganizationService(NorthwindIds.SchedulingServiceUserId);
            scheduling.Create(new Entity("task")
            {
                ["subject"] = "Call patient to confirm appointment",
                ["scheduledend"] = start.Value.AddHours(-_settings.ReminderLeadHours),
                ["regardingobjectid"] = appointment.ToEntityReference(),
                ["ownerid"] = new EntityReference("systemuser", NorthwindIds.SchedulingServiceUserId)
            });
        }

        private void SendConfirmation(PluginScope scope, string mobile, DateTime start)
        {
            var credentials = Convert.ToBase64String(
                Encoding.ASCII.GetBytes(_settings.SmsAccountSid + ":" + _settings.SmsAuthToken));

            using (var request = new HttpRequestMessage(HttpMethod.Post, SmsApiBase + _settings.SmsAccountSid + "/Messages.json"))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["To"] = mobile,
                    ["From"] = _settings.SmsFrom,
                    ["Body"] = "Northwind Health: your appointment is confirmed for " + start.ToLocalTime().ToString("f") + ". Reply C to cancel."
                });

                var response = Http.SendAsync(request).GetAwaiter().GetResult();
                scope.Tracer.Trace("SMS gateway status {0} for appointment confirmation", (int)response.StatusCode);
            }
        }
    }
}
