using System;
using System.Activities;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Northwind.Xrm.Plugins.Activities
{
    /// <summary>
    /// Custom workflow activity: mails the discharge summary link to the patient's primary
    /// care practice through the transactional mail service.
    /// </summary>
    public sealed class SendDischargeSummaryActivity : CodeActivity
    {
        private const string MailApiUrl = "https://api.sendgrid.com/v3/mail/send";
        private const string MailApiKey = "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";
        private const string TemplateId = "d-4c1e9a7f2b3d48e6a0f5c8b217e9d3a6";

        private static readonly HttpClient Http = new HttpClient();

        [RequiredArgument]
        [Input("Practice e-mail")]
        public InArgument<string> PracticeEmail { get; set; }

        [RequiredArgument]
        [Input("Summary link")]
        public InArgument<string> SummaryLink { get; set; }

        protected override void Execute(CodeActivityContext executionContext)
        {
            var tracer = executionContext.GetExtension<ITracingService>();
            var recipient = PracticeEmail.Get(executionContext);

            var json = "{\"personalizations\":[{\"to\":[{\"email\":\"" + recipient + "\"}],\"dynamic_template_data\":{\"link\":\"" +
                       SummaryLink.Get(executionContext) + "\"}}],\"from\":{\"email\":\"no-reply@northwindhealth.org\"},\"template_id\":\"" +
                       TemplateId + "\"}";

            using (var request = new HttpRequestMessage(HttpMethod.Post, MailApiUrl))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MailApiKey);
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                var response = Http.SendAsync(request).GetAwaiter().GetResult();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidPluginExecutionException("The discharge summary could not be sent (" + (int)response.StatusCode + ").");
                }
            }

            tracer.Trace("Discharge summary queued for {0} at {1:u}", recipient, DateTime.UtcNow);
        }
    }
}
