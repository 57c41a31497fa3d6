using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Xrm.Tooling.Connector;

namespace Woodgrove.LoanMigration;

/// <summary>Connection to the on-premises CRM 2016 farm (claims-based, IFD).</summary>
internal static class LegacySource
{
    public static CrmServiceClient Connect(IConfiguration config)
    {
        var user = config["Source:User"];
        var password = Environment.GetEnvironmentVariable("WGBMIG_SOURCE_PASSWORD");
        var connection = $"AuthType=IFD;Url={config["Source:Url"]};HomeRealmUri=https://sts.woodgrove.local/adfs/services/trust/mex;" +
                         $"Domain=WOODGROVE;Username={user};Password={password};RequireNewInstance=true";
        return new CrmServiceClient(connection);
    }

    /// <summary>Loan files archived 2014-2017 were signed with this certificate; needed to verify them.</summary>
    public static X509Certificate2 LoadArchiveCertificate(string path) =>
        new X509Certificate2(File.ReadAllBytes(path), "jLzMxvh87#Y0GiWUc8", X509KeyStorageFlags.EphemeralKeySet);
}
