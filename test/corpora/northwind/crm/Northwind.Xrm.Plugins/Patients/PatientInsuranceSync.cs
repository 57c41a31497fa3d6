using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using Microsoft.Xrm.Sdk;
using Northwind.Xrm.Plugins.Common;

namespace Northwind.Xrm.Plugins.Patients
{
    /// <summary>
    /// Create / Update of nwh_insurancepolicy, post-operation, asynchronous: asks the payer
    /// whether the member is covered and writes the answer back to the policy.
    /// </summary>
    public sealed class PatientInsuranceSync : PluginContextBase
    {
        private static readonly HttpClient Http = new HttpClient();
        private readonly StepSettings _settings;

        public PatientInsuranceSync(string unsecureConfig, string secureConfig)
            : base(unsecureConfig, secureConfig)
        {
            _settings = StepSettings.Parse(unsecureConfig);
        }

        protected override void Run(PluginScope scope)
        {
            var policy = scope.Target;
            if (policy == null || !policy.Contains("nwh_memberid"))
            {
                return;
            }

            var clientId = EnvironmentVariableReader.GetValue(scope.Service, ExternalEndpoints.EligibilityClientIdVariable);
            var clientSecret = EnvironmentVariableReader.GetSecret(scope.Service, ExternalEndpoints.EligibilitySecretVariable);
            var apimKey = EnvironmentVariableReader.GetValue(scope.Service, ExternalEndpoints.EligibilityApiKeyVariable);

            scope.Tracer.Trace("Eligibility client {0}, secret present: {1}", clientId, !string.IsNullOrEmpty(clientSecret));
            scope.Tracer.Trace("Calling payer gateway with subscription " + apimKey + ", timeout " + _settings.PayerTimeoutSeconds + "s");

            var accessToken = RequestToken(clientId, clientSecret);
            var payload = "{\"memberId\":\"" + policy.GetAttributeValue<string>("nwh_memberid") +
                          "\",\"payerCode\":\"" + policy.GetAttributeValue<string>("nwh_payercode") + "\"}";

            using (var request = new HttpRequestMessage(HttpMethod.Post, ExternalEndpoints.EligibilityBaseUrl + "members/verify"))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
                request.Headers.Add("Ocp-Apim-Subscription-Key", apimKey);
                request.Content = new StringContent(payload, Encoding.UTF8, "application/json");

                var response = Http.SendAsync(request).GetAwaiter().GetResult();
                scope.Tracer.Trace("Payer gateway answered {0}", (int)response.StatusCode);

                var update = new Entity(policy.LogicalName, policy.Id)
                {
                    ["nwh_eligibilitystatus"] = new OptionSetValue(response.IsSuccessStatusCode
                        ? NorthwindIds.EligibilityActive
                        : NorthwindIds.EligibilityInactive),
                    ["nwh_eligibilitycheckedon"] = DateTime.UtcNow
                };
                scope.Service.Update(update);
            }
        }

        private static string RequestToken(string clientId, string clientSecret)
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret,
                ["scope"] = ExternalEndpoints.EligibilityScope
            });

            var response = Http.PostAsync(ExternalEndpoints.EligibilityTokenUrl, form).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidPluginExecutionException(
                    $"Eligibility token request failed ({(int)response.StatusCode}) for client {clientId} with secret '{clientSecret}'.");
            }

            using (var stream = response.Content.ReadAsStreamAsync().GetAwaiter().GetResult())
            {
                var token = (TokenResponse)new DataContractJsonSerializer(typeof(TokenResponse)).ReadObject(stream);
                return token.AccessToken;
            }
        }

        [DataContract]
        private sealed class TokenResponse
        {
            [DataMember(Name = "access_token")]
            public string AccessToken { get; set; }

            [DataMember(Name = "expires_in")]
            public int ExpiresIn { get; set; }
        }
    }
}
