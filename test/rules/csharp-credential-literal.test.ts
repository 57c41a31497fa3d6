import rule from '../../rules/hardcoded-secret/credential-literal';
import { testRule } from '../rule-tester';

/** credential-literal (D365S001) over C# string facts: the C# parser gives names, callees and constants. */
const cls = (members: string): string => ['using System;', 'namespace Fabrikam.Integration', '{', '    internal sealed class Gateway', '    {', members, '    }', '}'].join('\n');

testRule(rule, {
  valid: [
    { name: 'secret from Key Vault', path: 'src/Gateway.cs', code: cls('        async Task<string> Get(SecretClient kv) => (await kv.GetSecretAsync("gateway-client-secret")).Value.Value;') },
  ],
  traps: [
    { name: 'trap: Key Vault secret name and vault URI', path: 'src/Gateway.cs', code: cls('        private const string VaultUri = "https://kv-fab-prod.vault.azure.net/";\n        private const string ClientSecretName = "gateway-client-secret";') },
    { name: 'trap: environment variable name', path: 'src/Gateway.cs', code: cls('        private readonly string _secret = Environment.GetEnvironmentVariable("GATEWAY_CLIENT_SECRET");') },
    { name: 'trap: placeholder password', path: 'src/Gateway.cs', code: cls('        private const string Password = "<your-password>";') },
    { name: 'trap: client id GUID', path: 'src/Gateway.cs', code: cls('        private const string ClientId = "5c1f9a3e-2b7d-4e8a-9f60-1d2c3b4a5e6f";') },
    { name: 'trap: XML doc comment mentioning a password parameter', path: 'src/Gateway.cs', code: cls('        /// <param name="password">The password, e.g. "Pa55w0rd!Example"</param>\n        void Login(string password) { }') },
    { name: 'trap: thumbprint', path: 'src/Gateway.cs', code: cls('        private const string SigningCertThumbprint = "3F2A9C4D5E6F708192A3B4C5D6E7F8091A2B3C4D";') },
    { name: 'trap: secret interpolated from a lookup', path: 'src/Gateway.cs', code: cls('        string Conn(KeyVaultSecret s) => $"AuthType=ClientSecret;Url={url};ClientId={id};ClientSecret={s.Value}";') },
    { name: 'trap: configuration key of the secret', path: 'src/Gateway.cs', code: cls('        private const string ClientSecretKey = "Gateway:ClientSecret";') },
    { name: 'trap: environment variable name under a credential name', path: 'src/Gateway.cs', code: cls('        private const string ClientSecretVariable = "GATEWAY_CLIENT_SECRET";') },
    { name: 'trap: column schema name', path: 'src/Gateway.cs', code: cls('        private const string PasswordColumn = "fab_GatewayPassword";') },
    { name: 'trap: header name under a credential name', path: 'src/Gateway.cs', code: cls('        private const string ApiKeyHeaderValue = "X-Partner-Key";') },
    { name: 'trap: passport and bypass are not passwords', path: 'src/Gateway.cs', code: cls('        private const string PassportNumberFormat = "A1b2C3d4E5";\n        private const string BypassCode = "Xy7#kLm2Qr9z";') },
    { name: 'trap: identifier naming the secret', path: 'src/Gateway.cs', code: cls('        private const string ApiKeySetting = "GatewayApiKey";') },
    { name: 'trap: jwt.io sample token in a test', path: 'tests/TokenTests.cs', code: cls('        private const string SampleToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";') },
    { name: 'trap: non-credential header from constants', path: 'src/Gateway.cs', code: cls('        private const string TypeHeader = "x-ms-blob-type";\n        private const string TypeValue = "BlockBlob";\n        void H(HttpRequestMessage r) => r.Headers.Add(TypeHeader, TypeValue);') },
    { name: 'trap: correlation key header with a GUID', path: 'src/Gateway.cs', code: cls('        void H(HttpRequestMessage r) => r.Headers.Add("X-Correlation-Key", "5c1f9a3e-2b7d-4e8a-9f60-1d2c3b4a5e6f");') },
    { name: 'trap: commented-out password without a provider shape', path: 'src/Gateway.cs', code: cls('        // private const string Password = "Winter2024!x";') },
  ],
  invalid: [
    { name: 'credential-named constant', path: 'src/Gateway.cs', code: cls('        internal const string PartnerApiKey = "q8Zr2LmXw9Tb4Nc7Vd1Kf6Hs3Jp0Gy5E";'), errors: [{ line: 6 }], secrets: ['q8Zr2LmXw9Tb4Nc7Vd1Kf6Hs3Jp0Gy5E'] },
    { name: 'Entra client secret shape in a property', path: 'src/Gateway.cs', code: cls('        public static string Secret { get; } = "aB3" + "8Q~" + "xYz1234567890abcdefghijklmnopqrstuv";'), errors: [{ line: 6 }] },
    { name: 'client secret in an object initializer', path: 'src/Gateway.cs', code: cls('        Options Make() => new Options\n        {\n            TenantId = tenant,\n            ClientSecret = "Zt7~pQ2.rW9-xK4_mN8sL1vB6cJ3hF0d",\n        };'), errors: [{ line: 9 }] },
    { name: 'literal secret argument of ClientSecretCredential', path: 'src/Gateway.cs', code: cls('        TokenCredential Cred() => new ClientSecretCredential(tenantId, clientId, "Zt7~pQ2.rW9-xK4_mN8sL1vB6cJ3hF0d");'), errors: [{ line: 6 }] },
    { name: 'literal password argument of NetworkCredential', path: 'src/Gateway.cs', code: cls('        ICredentials Cred() => new NetworkCredential("svc-import", "Imp0rt!Summer#24");'), errors: [{ line: 6 }] },
    {
      name: 'SAS URL split over two lines',
      path: 'src/Gateway.cs',
      code: cls('        private const string Drop = "https://stfab.blob.core.windows.net/drop?sv=2022-11-02&sp=racw&se=2026-01-01T00:00:00Z" +\n            "&sig=Q2hhbmdlZEZvclRoZVRlc3RTdWl0ZU9ubHkxMjM0NTY3ODk%3D";'),
      errors: [{ line: 6 }],
    },
    {
      name: 'multi-line concatenated connection string',
      path: 'src/Gateway.cs',
      code: cls('        static string Conn() =>\n            "AuthType=ClientSecret;Url=https://fab.crm.dynamics.com;" +\n            "ClientId=5c1f9a3e-2b7d-4e8a-9f60-1d2c3b4a5e6f;" +\n            "ClientSecret=Zt7pQ2rW9xK4mN8sL1vB6cJ3hF0dA5eG";'),
      errors: [{ line: 7 }],
    },
    {
      name: 'bearer token literal',
      path: 'src/Gateway.cs',
      code: cls('        void Auth(HttpClient h) => h.DefaultRequestHeaders.Add("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhcGk6Ly9mYWIiLCJleHAiOjE3OTk5OTk5OTl9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1mb3ItdGVzdHM");'),
      errors: [{ line: 6 }],
    },
    {
      name: 'SAS signature in the literal part of a URL built on a constant',
      path: 'src/Gateway.cs',
      code: cls('        private const string Container = "https://stfab.blob.core.windows.net/drop";\n        Uri Blob(string n) => new Uri($"{Container}/{n}?sv=2022-11-02&sp=rw" +\n            "&sig=Q2hhbmdlZEZvclRoZVRlc3RTdWl0ZU9ubHkxMjM0NTY3ODk%3D");'),
      errors: [{ line: 7 }],
    },
    {
      name: 'constant holding the key is reported once, where written',
      path: 'src/Gateway.cs',
      code: cls('        private const string Sas = "?sv=2022-11-02&sp=rw&sig=Q2hhbmdlZEZvclRoZVRlc3RTdWl0ZU9ubHkxMjM0NTY3ODk%3D";\n        Uri Blob(string n) => new Uri("https://stfab.blob.core.windows.net/drop/" + n + Sas);'),
      errors: [{ line: 6 }],
    },
    {
      name: 'constant sent as a key header is reported where written',
      path: 'src/Gateway.cs',
      code: cls('        private const string PartnerHeader = "X-Partner-Key";\n        private const string PartnerValue = "7f3c9a1e5b2d4c6a8e0f1b3d5c7a9e2f";\n        void Auth(HttpClient h) => h.DefaultRequestHeaders.Add(PartnerHeader, PartnerValue);'),
      errors: [{ line: 7 }],
    },
    {
      name: 'constant passed as the secret of ClientSecretCredential',
      path: 'src/Gateway.cs',
      code: cls('        private const string Value2 = "Zt7~pQ2.rW9-xK4_mN8sL1vB6cJ3hF0d";\n        TokenCredential Cred() => new ClientSecretCredential(tenantId, clientId, Value2);'),
      errors: [{ line: 6 }],
    },
    { name: 'password named by the word pass', path: 'src/Gateway.cs', code: cls('        private const string SMTP_PASS = "Qx7!pLm2#Rv9sWc4";'), errors: [{ line: 6 }] },
    { name: 'functions key by name', path: 'src/Gateway.cs', code: cls('        private static readonly string RenewFunctionKey = "IVMfo/YNziLjA0Xfn+fEWjbGi0GdFRymz2FxSCAdXDzgzW==";'), errors: [{ line: 6 }] },
    { name: 'credential-named named argument', path: 'src/Gateway.cs', code: cls('        void Go() => Connect(host: "fab.example.net", password: "Imp0rt!Summer#24");'), errors: [{ line: 6 }] },
  ],
});
