using System;
using System.Net;
using Microsoft.Xrm.Sdk;

namespace Northwind.Xrm.Plugins.Common
{
    /// <summary>
    /// Base class of every Northwind plug-in. Resolves the pipeline services once and turns
    /// unexpected exceptions into a message the clinic staff can report to the service desk.
    /// </summary>
    public abstract class PluginContextBase : IPlugin
    {
        protected PluginContextBase()
            : this(null, null)
        {
        }

        protected PluginContextBase(string unsecureConfig, string secureConfig)
        {
            UnsecureConfig = unsecureConfig;
            SecureConfig = secureConfig;
        }

        /// <summary>Unsecure step configuration (travels with the solution).</summary>
        protected string UnsecureConfig { get; }

        /// <summary>Secure step configuration (stays in the environment, System Administrators only).</summary>
        protected string SecureConfig { get; }

        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null) throw new ArgumentNullException(nameof(serviceProvider));

            // The payer and lab gateways refuse anything older than TLS 1.2.
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;

            var scope = new PluginScope(serviceProvider);
            scope.Tracer.Trace("{0}: {1} of {2} (depth {3})", GetType().Name, scope.Context.MessageName,
                scope.Context.PrimaryEntityName, scope.Context.Depth);

            try
            {
                Run(scope);
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (Exception ex)
            {
                scope.Tracer.Trace(ex.ToString());
                throw new InvalidPluginExecutionException(
                    "Northwind Health could not complete this action. Quote reference " + scope.Context.CorrelationId + " to the service desk.", ex);
            }
        }

        protected abstract void Run(PluginScope scope);
    }

    /// <summary>Services of one plug-in execution, created on first use.</summary>
    public sealed class PluginScope
    {
        private IOrganizationService _service;
        private IOrganizationService _initiatingService;

        public PluginScope(IServiceProvider serviceProvider)
        {
            Context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            Tracer = (ITracingService)serviceProvider.GetService(typeof(ITracingService));
            Factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));
        }

        public IPluginExecutionContext Context { get; }

        public ITracingService Tracer { get; }

        public IOrganizationServiceFactory Factory { get; }

        /// <summary>Runs as the user the step is registered for: the caller unless the step impersonates.</summary>
        public IOrganizationService Service =>
            _service ?? (_service = Factory.CreateOrganizationService(Context.UserId));

        /// <summary>Always the person whose action started the pipeline.</summary>
        public IOrganizationService InitiatingService =>
            _initiatingService ?? (_initiatingService = Factory.CreateOrganizationService(Context.InitiatingUserId));

        public Entity Target =>
            Context.InputParameters.Contains("Target") ? Context.InputParameters["Target"] as Entity : null;

        public Entity PreImage(string name = "PreImage") =>
            Context.PreEntityImages.Contains(name) ? Context.PreEntityImages[name] : null;
    }
}
