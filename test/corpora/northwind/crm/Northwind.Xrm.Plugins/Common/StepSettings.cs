using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;

namespace Northwind.Xrm.Plugins.Common
{
    /// <summary>
    /// Shape of the JSON that the scheduling steps carry in their configuration.
    /// </summary>
    [DataContract]
    public sealed class StepSettings
    {
        [DataMember(Name = "smsAccountSid")]
        public string SmsAccountSid { get; set; }

        [DataMember(Name = "smsAuthToken")]
        public string SmsAuthToken { get; set; }

        [DataMember(Name = "smsFrom")]
        public string SmsFrom { get; set; }

        [DataMember(Name = "reminderLeadHours")]
        public int ReminderLeadHours { get; set; } = 24;

        [DataMember(Name = "payerTimeoutSeconds")]
        public int PayerTimeoutSeconds { get; set; } = 20;

        public static StepSettings Parse(string json)
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                return new StepSettings();
            }

            var serializer = new DataContractJsonSerializer(typeof(StepSettings));
            using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(json)))
            {
                return (StepSettings)serializer.ReadObject(stream);
            }
        }
    }
}
