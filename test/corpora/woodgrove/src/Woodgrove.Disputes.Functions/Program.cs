using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.PowerPlatform.Dataverse.Client;

var host = new HostBuilder()
    .ConfigureFunctionsWorkerDefaults()
    .ConfigureServices((context, services) =>
    {
        var settings = context.Configuration;

        // In Azure the client secret setting is an App Service Key Vault reference.
        services.AddSingleton(_ => new ServiceClient(
            new Uri(settings["Dataverse:Url"]!),
            settings["Dataverse:ClientId"],
            settings["Dataverse:ClientSecret"],
            useUniqueInstance: false));

        services.AddSingleton(_ => new SecretClient(new Uri(settings["KeyVault:Uri"]!), new DefaultAzureCredential()));
    })
    .Build();

host.Run();
