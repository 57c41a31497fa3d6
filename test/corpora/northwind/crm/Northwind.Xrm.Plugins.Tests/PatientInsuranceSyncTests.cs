using System;
using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.Xrm.Sdk;
using Northwind.Xrm.Plugins.Common;
using Xunit;

namespace Northwind.Xrm.Plugins.Tests
{
    public class PatientInsuranceSyncTests
    {
        // Values for the fake environment variables of the unit tests.
        private const string FakeClientSecret = "fake-client-secret-for-unit-tests";
        private const string FakeApimKey = "00000000000000000000000000000000";

        [Fact]
        public void Step_settings_default_timeout_is_twenty_seconds()
        {
            var settings = StepSettings.Parse("{\"smsFrom\":\"+14255550100\"}");
            Assert.Equal(20, settings.PayerTimeoutSeconds);
            Assert.Equal("+14255550100", settings.SmsFrom);
        }

        [Fact]
        public void Fake_secrets_are_not_empty()
        {
            Assert.False(string.IsNullOrEmpty(FakeClientSecret));
            Assert.Equal(32, FakeApimKey.Length);
        }

        // Contract test against the payer gateway in UAT. Copied from the Postman collection
        // so that the test can run without Key Vault access.
        [Fact(Skip = "Needs the UAT gateway; run manually before a payer release.")]
        public async void Uat_gateway_accepts_subscription_key()
        {
            using (var http = new HttpClient())
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "https://apim-nwh-uat.azure-api.net/eligibility/v3/health");
                request.Headers.Add("Ocp-Apim-Subscription-Key", "d992acad2546c0398e562755a8d02c6a");
                var response = await http.SendAsync(request);
                Assert.True(response.IsSuccessStatusCode);
            }
        }
    }
}
