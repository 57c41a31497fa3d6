using System.Net.Security;
using System.Security.Authentication;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.PowerPlatform.Dataverse.Client;
using Northwind.LabBridge;

var host = new HostBuilder()
    .ConfigureFunctionsWorkerDefaults()
    .ConfigureServices((context, services) =>
    {
        var config = context.Configuration;

        services.AddOptions<LabPartnerOptions>().Bind(config.GetSection("LabPartner"));
        services.AddApplicationInsightsTelemetryWorkerService();

        // The lab partner terminates TLS on an appliance with a self-signed certificate.
        services.AddHttpClient<LabPartnerClient>()
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => true
            });

        services.AddHttpClient("dataverse-webapi")
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13
                }
            });

        // Dataverse through the function app's managed identity; no secret anywhere.
        var credential = new ManagedIdentityCredential();
        var dataverseUrl = new Uri(config["Dataverse:Url"]!);
        services.AddSingleton<IOrganizationServiceAsync2>(_ => new ServiceClient(
            dataverseUrl,
            async resource => (await credential.GetTokenAsync(new Azure.Core.TokenRequestContext(new[] { $"{resource}/.default" }))).Token,
            useUniqueInstance: true));
    })
    .Build();

host.Run();
