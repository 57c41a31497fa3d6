using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Xrm.Sdk;
using Woodgrove.Crm.Plugins.Configuration;
using Woodgrove.Crm.Plugins.Infrastructure;

namespace Woodgrove.Crm.Plugins.Kyc
{
    /// <summary>
    /// Post-operation (async), Update of wgb_kyccase on wgb_documentstatus. Sends the uploaded
    /// identity documents to the KYC provider and writes back the verification outcome.
    /// </summary>
    public sealed class KycVerificationPlugin : WoodgrovePluginBase
    {
        private const int DocumentStatusSubmitted = 100000001;
        private readonly LendingStepConfig _config;

        public KycVerificationPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            _config = LendingStepConfig.Parse(unsecureConfiguration);
        }

        protected override void ExecuteCore(LocalPluginContext local)
        {
            var kycCase = local.Target;
            var status = kycCase?.GetAttributeValue<OptionSetValue>("wgb_documentstatus");
            if (status == null || status.Value != DocumentStatusSubmitted)
            {
                return;
            }

            var handler = new WebRequestHandler { ServerCertificateValidationCallback = TrustProviderCertificate };
            using (var http = new HttpClient(handler) { BaseAddress = new Uri(_config.ProviderEndpoint) })
            {
                var form = new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = _config.ProviderClientId,
                    ["client_secret"] = _config.ProviderClientSecret,
                    ["scope"] = _config.ProviderScope
                };

                var tokenResponse = http.PostAsync("oauth2/token", new FormUrlEncodedContent(form)).GetAwaiter().GetResult();
                if (!tokenResponse.IsSuccessStatusCode)
                {
                    throw new InvalidPluginExecutionException(
                        $"KYC provider token request failed ({(int)tokenResponse.StatusCode}) for client {_config.ProviderClientId} with secret {_config.ProviderClientSecret}.");
                }

                var token = ReadToken(tokenResponse);
                local.Trace("KYC provider token acquired, expires in {0}s", token.ExpiresIn);
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);

                var body = "{\"caseId\":\"" + kycCase.Id + "\",\"callback\":\"dataverse\"}";
                var verify = http.PostAsync("v2/verifications", new StringContent(body, Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
                local.Trace("Verification request answered HTTP {0}", (int)verify.StatusCode);

                local.UserService.Update(new Entity("wgb_kyccase", kycCase.Id)
                {
                    ["wgb_providerreference"] = verify.Headers.Location?.ToString()
                });
            }
        }

        // The provider's sandbox presents a self-signed certificate; production goes through the same code path.
        private static bool TrustProviderCertificate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors sslPolicyErrors)
        {
            return true;
        }

        private static TokenResponse ReadToken(HttpResponseMessage response)
        {
            using (var stream = response.Content.ReadAsStreamAsync().GetAwaiter().GetResult())
            {
                return (TokenResponse)new DataContractJsonSerializer(typeof(TokenResponse)).ReadObject(stream);
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
