using System;
using Microsoft.Xrm.Sdk;

namespace Fabrikam.Xrm.Plugins
{
    /// <summary>
    /// Common plumbing for every Fabrikam plug-in. Derived classes implement
    /// <see cref="ExecuteCore"/> and receive a ready-made <see cref="FabContext"/>.
    /// </summary>
    public abstract class FabPluginBase : IPlugin
    {
        protected string UnsecureConfig { get; }
        protected string SecureConfig { get; }

        protected FabPluginBase(string unsecureConfig, string secureConfig)
        {
            UnsecureConfig = unsecureConfig;
            SecureConfig = secureConfig;
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null) throw new ArgumentNullException(nameof(serviceProvider));

            var fab = new FabContext(serviceProvider);
            try
            {
                fab.Trace("Entered {0}.ExecuteCore, correlation {1}", GetType().Name, fab.Execution.CorrelationId);
                ExecuteCore(fab);
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (Exception ex)
            {
                fab.Trace("Unhandled: {0}", ex.Message);
                throw new InvalidPluginExecutionException("Fabrikam processing failed. See trace log.", ex);
            }
        }

        protected abstract void ExecuteCore(FabContext fab);
    }

    public sealed class FabContext
    {
        private readonly IOrganizationServiceFactory _factory;
        private readonly ITracingService _tracing;
        private IOrganizationService _caller;
        private IOrganizationService _privileged;

        public FabContext(IServiceProvider sp)
        {
            Execution = (IPluginExecutionContext)sp.GetService(typeof(IPluginExecutionContext));
            _factory = (IOrganizationServiceFactory)sp.GetService(typeof(IOrganizationServiceFactory));
            _tracing = (ITracingService)sp.GetService(typeof(ITracingService));
        }

        public IPluginExecutionContext Execution { get; }

        /// <summary>Service that runs with the rights of the user who triggered the step.</summary>
        public IOrganizationService CallerService =>
            _caller ?? (_caller = _factory.CreateOrganizationService(Execution.InitiatingUserId));

        /// <summary>Service used by the claim workflow to update records the adjuster cannot see.</summary>
        public IOrganizationService PrivilegedService =>
            _privileged ?? (_privileged = _factory.CreateOrganizationService(default(Guid?)));

        public void Trace(string format, params object[] args) => _tracing?.Trace(format, args);
    }
}
