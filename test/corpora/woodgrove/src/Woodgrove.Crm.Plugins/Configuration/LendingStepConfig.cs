using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace Woodgrove.Crm.Plugins.Configuration
{
    /// <summary>
    /// Unsecure step configuration of the lending and KYC plug-ins (JSON). Only non-secret
    /// settings are supposed to live here; keys belong in the secure configuration.
    /// </summary>
    [DataContract]
    internal sealed class LendingStepConfig
    {
        [DataMember(Name = "bureauEndpoint")]
        public string BureauEndpoint { get; set; }

        [DataMember(Name = "bureauKeySecretName")]
        public string BureauKeySecretName { get; set; }

        [DataMember(Name = "maxExposure")]
        public decimal MaxExposure { get; set; } = 500000m;

        [DataMember(Name = "providerEndpoint")]
        public string ProviderEndpoint { get; set; }

        [DataMember(Name = "providerClientId")]
        public string ProviderClientId { get; set; }

        [DataMember(Name = "providerClientSecret")]
        public string ProviderClientSecret { get; set; }

        [DataMember(Name = "providerScope")]
        public string ProviderScope { get; set; }

        public static LendingStepConfig Parse(string json)
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                throw new InvalidPluginExecutionException("The step has no configuration. Register it with the JSON settings from docs/steps.md.");
            }

            using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(json)))
            {
                var serializer = new DataContractJsonSerializer(typeof(LendingStepConfig));
                return (LendingStepConfig)serializer.ReadObject(stream);
            }
        }
    }
}
