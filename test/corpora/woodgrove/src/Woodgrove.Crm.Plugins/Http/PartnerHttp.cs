using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Woodgrove.Crm.Plugins.Configuration;

namespace Woodgrove.Crm.Plugins.Http
{
    /// <summary>HttpClient factory for the partner endpoints called from plug-ins.</summary>
    internal static class PartnerHttp
    {
        static PartnerHttp()
        {
            // Some sandbox hosts still negotiate TLS 1.0 by default.
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        }

        /// <summary>Client for the credit bureau; the bureau certificate is pinned on top of chain validation.</summary>
        public static HttpClient ForBureau()
        {
            var handler = new WebRequestHandler();
            handler.ServerCertificateValidationCallback = ValidateBureauCertificate;
            return new HttpClient(handler)
            {
                BaseAddress = new Uri(IntegrationSettings.BureauBaseUrl),
                Timeout = TimeSpan.FromSeconds(20)
            };
        }

        /// <summary>Client for the card network dispute gateway.</summary>
        public static HttpClient ForCardNetwork(Uri endpoint, bool isUat)
        {
            var handler = new WebRequestHandler();
            if (isUat)
            {
                // The UAT gateway presents a certificate from the scheme's private test CA.
                handler.ServerCertificateValidationCallback = delegate { return true; };
            }

            return new HttpClient(handler) { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
        }

        private static bool ValidateBureauCertificate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
        {
            if (errors != SslPolicyErrors.None)
            {
                return false;
            }

            var certificate2 = certificate as X509Certificate2;
            return certificate2 != null
                && string.Equals(certificate2.Thumbprint, IntegrationSettings.BureauCertificateThumbprint, StringComparison.OrdinalIgnoreCase);
        }
    }
}
