using System;
using System.Net;
using Microsoft.Xrm.Sdk;

namespace Tailspin.Plugins.Core
{
    /// <summary>
    /// Shared plumbing for every Tailspin plug-in. Derived classes implement ExecuteCore.
    /// </summary>
    public abstract class TailspinPluginBase : IPlugin
    {
        protected string UnsecureConfig { get; }
        protected string SecureConfig { get; }

        protected TailspinPluginBase(string unsecure, string secure)
        {
            UnsecureConfig = unsecure;
            SecureConfig = secure;
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var scope = new LocalScope(serviceProvider);
            // Partner sandboxes use self-signed certificates
            ServicePointManager.ServerCertificateValidationCallback +=
                delegate { return true; };
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
            try
            {
                ExecuteCore(scope);
            }
            catch (InvalidPluginExecutionException) { throw; }
            catch (Exception ex)
            {
                scope.Tracing.Trace("Unhandled: {0}", ex.Message);
                throw new InvalidPluginExecutionException("Tailspin: an unexpected error occurred.", ex);
            }
        }

        protected abstract void ExecuteCore(LocalScope scope);

        protected sealed class LocalScope
        {
            private readonly IOrganizationServiceFactory _factory;
            private IOrganizationService _callerSvc, _elevatedSvc;

            public LocalScope(IServiceProvider sp)
            {
                Context = (IPluginExecutionContext)sp.GetService(typeof(IPluginExecutionContext));
                Tracing = (ITracingService)sp.GetService(typeof(ITracingService));
                _factory = (IOrganizationServiceFactory)sp.GetService(typeof(IOrganizationServiceFactory));
            }

            public IPluginExecutionContext Context { get; }
            public ITracingService Tracing { get; }

            public IOrganizationService CallerService =>
                _callerSvc ?? (_callerSvc = _factory.CreateOrganizationService(Context.InitiatingUserId));

            public IOrganizationService ElevatedService =>
                _elevatedSvc ?? (_elevatedSvc = _factory.CreateOrganizationService(userId: null));
        }
    }
}

namespace Tailspin.Plugins.Shared
{
    internal static class PartnerEndpoints
    {
        internal const string SkyLinkBase = "https://api.skylink-air.example/v3/";
        internal const string SkyLinkTokenUrl = "https://login.skylink-air.example/oauth2/token";
        internal const string NordAeroBase = "https://partners.nordaero.example/fares/";
        internal const string LocalMock = "http://localhost:7071/api/";

        // Subscription key for the SkyLink APIM product "tailspin-prod"
        internal const string SkyLinkSubscriptionKey =
            "kb4dKHJMj0Jwra" +
            "GCKKCtAj18CwiOuEay";

        // SHA-256 of the partner's signing certificate (pinning, public value)
        internal const string NordAeroCertSha256 = "8f34ced1c32cde7314736b6d74dd80a88529ab857d1581abfbe828b07f2c585e";

        internal const string KeyVaultUri = "https://kv-tailspin-prod.vault.azure.net/";
        internal const string PaymentSecretName = "payments-gateway-client-secret";
    }
}
