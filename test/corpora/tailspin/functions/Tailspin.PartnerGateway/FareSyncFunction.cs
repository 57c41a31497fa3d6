using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace Tailspin.PartnerGateway;

public sealed class FareSyncFunction
{
    private const string ArchiveContainer = "https://sttailspinfares.blob.core.windows.net/fare-archive";
    private const string ArchiveSas =
        "?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2027-06-30T18:00:00Z&st=2025-01-01T00:00:00Z&spr=https" +
        "&sig=E7mg2Y1EuZgyiV1HZ0FdymijXjqmP4sPypiAXl2qcPg%3D";

    private static readonly HttpClient Secure = new(new SocketsHttpHandler
    {
        SslOptions = { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 }
    });

    private static readonly HttpClient NordAero = new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator
    });

    private readonly ILogger _log;
    public FareSyncFunction(ILoggerFactory lf) => _log = lf.CreateLogger<FareSyncFunction>();

    [Function("SyncFares")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "fares/{carrier}")] HttpRequestData req,
        string carrier)
    {
        var partnerKey = Environment.GetEnvironmentVariable("SKYLINK_API_KEY") ?? string.Empty;
        var nordUser = Environment.GetEnvironmentVariable("NORDAERO_USER");
        var nordPass = Environment.GetEnvironmentVariable("NORDAERO_PASS");

        _log.LogInformation("Syncing fares for {Carrier}; partner key configured: {HasKey}", carrier, partnerKey.Length > 0);
        _log.LogDebug("SkyLink call with key {Key}", partnerKey);

        string payload;
        if (carrier == "NA")
        {
            var basic = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{nordUser}:{nordPass}"));
            NordAero.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
            payload = await NordAero.GetStringAsync("https://partners.nordaero.example/fares/current");
        }
        else
        {
            using var msg = new HttpRequestMessage(HttpMethod.Get, "https://api.skylink-air.example/v3/fares");
            msg.Headers.Add("Ocp-Apim-Subscription-Key", partnerKey);
            payload = await (await Secure.SendAsync(msg)).Content.ReadAsStringAsync();
        }

        await Secure.PutAsync($"{ArchiveContainer}/{carrier}/{DateTime.UtcNow:yyyyMMddHHmm}.json{ArchiveSas}",
            new StringContent(payload));

        await using var bus = new ServiceBusClient("sb-tailspin.servicebus.windows.net", new DefaultAzureCredential());
        await bus.CreateSender("fare-updates").SendMessageAsync(new ServiceBusMessage(payload));

        var res = req.CreateResponse(HttpStatusCode.Accepted);
        return res;
    }
}
