using System;
using System.IO;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace Fabrikam.Functions
{
    public sealed class ClaimIntakeFunction
    {
        private const string DeadLetterNamespace = "sb-fab-claims.servicebus.windows.net";
        private static readonly string DeadLetterConnection =
            $"Endpoint=sb://{DeadLetterNamespace}/;SharedAccessKeyName=intake-deadletter;" +
            "SharedAccessKey=m8i/kYUWUaI+gtlJelAhzuH4hs8s4l9oymASOF0Nzgw=;EntityPath=claims-dlq";

        private static readonly HttpClient PartnerClient = new HttpClient(new HttpClientHandler
        {
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ServerCertificateCustomValidationCallback = AcceptPartnerCertificate
        });

        private readonly ILogger<ClaimIntakeFunction> _log;

        public ClaimIntakeFunction(ILogger<ClaimIntakeFunction> log) => _log = log;

        [Function("ClaimIntake")]
        public async Task<HttpResponseData> Run(
            [HttpTrigger(AuthorizationLevel.Function, "post", Route = "claims/intake")] HttpRequestData req)
        {
            req.Headers.TryGetValues("Authorization", out var authValues);
            _log.LogInformation("Intake call from {Ip}, auth header {Auth}",
                req.Headers.TryGetValues("X-Forwarded-For", out var ip) ? string.Join(",", ip) : "n/a",
                string.Join(",", authValues ?? Array.Empty<string>()));

            var body = await new StreamReader(req.Body).ReadToEndAsync();

            var connection = Environment.GetEnvironmentVariable("ServiceBusConnection");
            await using var bus = new ServiceBusClient(connection);
            try
            {
                await bus.CreateSender("claims-intake").SendMessageAsync(new ServiceBusMessage(body));
            }
            catch (ServiceBusException ex)
            {
                _log.LogWarning(ex, "Primary queue unavailable, writing to dead-letter namespace {Ns}", DeadLetterNamespace);
                await using var dlq = new ServiceBusClient(DeadLetterConnection);
                await dlq.CreateSender("claims-dlq").SendMessageAsync(new ServiceBusMessage(body));
            }

            var partner = await PartnerClient.PostAsync(
                Environment.GetEnvironmentVariable("PartnerApiBase") + "/notify", new StringContent(body));
            _log.LogInformation("Partner notified: {Status}", partner.StatusCode);

            return req.CreateResponse(System.Net.HttpStatusCode.Accepted);
        }

        // Partner gateway uses a certificate from their internal CA.
        private static bool AcceptPartnerCertificate(HttpRequestMessage msg, X509Certificate2 cert,
            X509Chain chain, SslPolicyErrors errors) => true;
    }
}
