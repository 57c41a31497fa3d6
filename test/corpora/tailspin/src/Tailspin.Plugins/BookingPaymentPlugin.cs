using System;
using System.Net.Http;
using System.Text;
using Microsoft.Xrm.Sdk;
using Tailspin.Plugins.Core;
using Tailspin.Plugins.Shared;

namespace Tailspin.Plugins
{
    /// <summary>
    /// Post-operation on tsp_booking create: authorises the card hold with the payment gateway.
    /// </summary>
    public sealed class BookingPaymentPlugin : TailspinPluginBase
    {
        private readonly GatewayOptions _gateway;

        public BookingPaymentPlugin(string unsecureConfig, string secureConfig)
            : base(unsecureConfig, secureConfig)
        {
            _gateway = new GatewayOptions
            {
                Endpoint = "https://pay.tailspin-travel.example/v2/holds",
                MerchantId = "TSP-EU-0042",
                SigningKey = "sk_live_CxBT6eHQ45ehj1QU5mX7v76mofso",
                Timeout = TimeSpan.FromSeconds(20)
            };
        }

        protected override void ExecuteCore(LocalScope scope)
        {
            var ctx = scope.Context;
            scope.Tracing.Trace("BookingPayment: depth={0} secure config length={1}", ctx.Depth, SecureConfig?.Length ?? 0);
            scope.Tracing.Trace($"BookingPayment: using gateway config {SecureConfig}");

            if (!(ctx.InputParameters["Target"] is Entity booking)) return;

            var amount = booking.GetAttributeValue<Money>("tsp_totalamount");
            // Reads the traveller's loyalty record on their behalf, then writes the hold id back as SYSTEM
            var traveller = scope.CallerService.Retrieve("contact",
                booking.GetAttributeValue<EntityReference>("tsp_travellerid").Id,
                new Microsoft.Xrm.Sdk.Query.ColumnSet("tsp_loyaltyid"));

            using (var http = new HttpClient { Timeout = _gateway.Timeout })
            {
                http.DefaultRequestHeaders.Add("X-Merchant", _gateway.MerchantId);
                http.DefaultRequestHeaders.Add("X-Signature", Sign(booking.Id.ToString(), _gateway.SigningKey));
                var body = new StringContent("{\"amount\":" + amount?.Value + "}", Encoding.UTF8, "application/json");
                var resp = http.PostAsync(_gateway.Endpoint, body).GetAwaiter().GetResult();
                if (!resp.IsSuccessStatusCode)
                {
                    throw new InvalidPluginExecutionException(
                        $"Payment hold failed ({(int)resp.StatusCode}) for merchant {_gateway.MerchantId}");
                }
            }

            var update = new Entity("tsp_booking", booking.Id) { ["tsp_paymentstatus"] = new OptionSetValue(2) };
            scope.ElevatedService.Update(update);
        }

        private static string Sign(string payload, string key)
        {
            using (var h = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(key)))
                return Convert.ToBase64String(h.ComputeHash(Encoding.UTF8.GetBytes(payload)));
        }

        private sealed class GatewayOptions
        {
            public string Endpoint { get; set; }
            public string MerchantId { get; set; }
            public string SigningKey { get; set; }
            public TimeSpan Timeout { get; set; }
        }
    }
}
