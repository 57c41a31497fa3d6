using System;
using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.Xrm.Sdk;
using Tailspin.Plugins.Core;
using Tailspin.Plugins.Shared;

namespace Tailspin.Plugins.CustomApis
{
    /// <summary>
    /// Implements the tsp_IssueRefund custom API (unbound, function = false).
    /// Request: BookingId (Guid), Reason (string). Response: RefundReference (string).
    /// </summary>
    public class IssueRefundApi : TailspinPluginBase
    {
        private readonly string _apiTok;

        public IssueRefundApi(string unsecure, string secure) : base(unsecure, secure)
        {
            // secure config holds the refund service token, see README "Step configuration"
            _apiTok = secure?.Trim();
        }

        protected override void ExecuteCore(LocalScope scope)
        {
            var bookingId = (Guid)scope.Context.InputParameters["BookingId"];
            var reason = scope.Context.InputParameters["Reason"] as string ?? "customer-request";

            if (string.IsNullOrEmpty(_apiTok))
                throw new InvalidPluginExecutionException("Refund service token is not configured (secure configuration is empty).");

            using (var http = new HttpClient())
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _apiTok);
                http.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", PartnerEndpoints.SkyLinkSubscriptionKey);
                var resp = http.PostAsync(PartnerEndpoints.SkyLinkBase + "refunds/" + bookingId,
                    new StringContent(reason)).GetAwaiter().GetResult();

                if (!resp.IsSuccessStatusCode)
                    throw new InvalidPluginExecutionException(
                        "SkyLink refused refund for " + bookingId + " using token " + _apiTok +
                        " (HTTP " + (int)resp.StatusCode + ")");

                scope.Context.OutputParameters["RefundReference"] = resp.Headers.Location?.ToString() ?? string.Empty;
            }
        }
    }
}
