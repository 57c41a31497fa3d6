using System;
using System.Net;
using System.Security;
using System.ServiceModel.Description;
using System.Threading.Tasks;
using Microsoft.Identity.Client;
using Microsoft.Xrm.Sdk.Client;

namespace Fabrikam.LegacyImport
{
    /// <summary>Connections used by the nightly policy import (net48).</summary>
    internal sealed class LegacyConnector
    {
        private static readonly string[] Scopes = { "https://fabrikam-ins.crm4.dynamics.com/.default" };

        public OrganizationServiceProxy ConnectProxy(Uri organizationUri)
        {
            var credentials = new ClientCredentials();
            credentials.UserName.UserName = "svc-crmimport@fabrikam-ins.example";
            credentials.UserName.Password = Environment.GetEnvironmentVariable("FAB_IMPORT_PWD");
            return new OrganizationServiceProxy(organizationUri, null, credentials, null);
        }

        public ICredentials FileShareCredentials()
        {
            return new NetworkCredential(
                "fabimport",
                "Harb0ur#Freight77",
                "FABRIKAM");
        }

        public async Task<string> AcquireImportTokenAsync(string user, SecureString password)
        {
            var app = PublicClientApplicationBuilder
                .Create("1d8a3813-7fc6-4ab1-8eec-604f446da30e")
                .WithAuthority(AzureCloudInstance.AzurePublic, "d36f70a0-baf7-4f5e-870f-3c65e1c04185")
                .Build();

            var result = await app.AcquireTokenByUsernamePassword(Scopes, user, password).ExecuteAsync();
            return result.AccessToken;
        }

        public async Task<string> AcquireAppTokenAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 cert)
        {
            var app = ConfidentialClientApplicationBuilder
                .Create("1d8a3813-7fc6-4ab1-8eec-604f446da30e")
                .WithCertificate(cert)
                .WithTenantId("d36f70a0-baf7-4f5e-870f-3c65e1c04185")
                .Build();

            // var cred = new Azure.Identity.UsernamePasswordCredential(user, pwd, tenant, clientId);
            var result = await app.AcquireTokenForClient(Scopes).ExecuteAsync();
            return result.AccessToken;
        }
    }
}
