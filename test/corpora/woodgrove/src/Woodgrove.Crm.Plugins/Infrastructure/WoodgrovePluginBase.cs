using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace Woodgrove.Crm.Plugins.Infrastructure
{
    /// <summary>
    /// Base class of every Woodgrove plug-in. Resolves the platform services once per execution
    /// and hands a <see cref="LocalPluginContext"/> to <see cref="ExecuteCore"/>.
    /// The platform calls the (unsecure, secure) constructor of the derived class.
    /// </summary>
    public abstract class WoodgrovePluginBase : IPlugin
    {
        protected WoodgrovePluginBase(string unsecureConfiguration, string secureConfiguration)
        {
            UnsecureConfiguration = unsecureConfiguration;
            SecureConfiguration = secureConfiguration;
        }

        protected string UnsecureConfiguration { get; }

        protected string SecureConfiguration { get; }

        protected string PluginName => GetType().Name;

        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null)
            {
                throw new ArgumentNullException(nameof(serviceProvider));
            }

            var local = new LocalPluginContext(serviceProvider);
            local.Trace("Entered {0}.Execute, correlation {1}, depth {2}", PluginName, local.ExecutionContext.CorrelationId, local.ExecutionContext.Depth);

            try
            {
                ExecuteCore(local);
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                local.Trace("Organization service fault: {0}", fault.Detail.Message);
                throw new InvalidPluginExecutionException($"{PluginName} failed: {fault.Detail.Message}", fault);
            }
            finally
            {
                local.Trace("Exiting {0}.Execute", PluginName);
            }
        }

        protected abstract void ExecuteCore(LocalPluginContext local);
    }

    /// <summary>Services and context of one plug-in execution.</summary>
    public sealed class LocalPluginContext
    {
        internal LocalPluginContext(IServiceProvider serviceProvider)
        {
            ExecutionContext = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            TracingService = (ITracingService)serviceProvider.GetService(typeof(ITracingService));
            ServiceFactory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));

            UserService = ServiceFactory.CreateOrganizationService(ExecutionContext.UserId);
            InitiatingUserService = ServiceFactory.CreateOrganizationService(ExecutionContext.InitiatingUserId);
        }

        public IPluginExecutionContext ExecutionContext { get; }

        public ITracingService TracingService { get; }

        public IOrganizationServiceFactory ServiceFactory { get; }

        /// <summary>Runs as the user the step is registered to run as (the caller unless impersonated).</summary>
        public IOrganizationService UserService { get; }

        /// <summary>Runs as the user whose action started the pipeline.</summary>
        public IOrganizationService InitiatingUserService { get; }

        public Entity Target =>
            ExecutionContext.InputParameters.Contains("Target") ? ExecutionContext.InputParameters["Target"] as Entity : null;

        public void Trace(string format, params object[] args)
        {
            TracingService?.Trace(format, args);
        }
    }
}
