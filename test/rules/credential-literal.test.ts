import rule from '../../rules/hardcoded-secret/credential-literal';
import { testRule } from '../rule-tester';

const entra = 'mZy4Q~Fa7p9IWvjM2Uk6wRmsi2vPQbFRUKTz7_ch'.replace('mZy4', 'Xk79');
const password = 'r9-Vq2kLw7Xz';

testRule(rule, {
  valid: [
    { name: 'key vault reference in app settings', path: 'appsettings.json', code: '{ "ClientSecret": "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/s/)" }' },
    { name: 'non-credential setting', path: 'appsettings.json', code: '{ "BatchSize": "250", "Region": "westeurope" }' },
  ],
  traps: [
    { name: 'trap: keys that index data, not credentials', path: 'web/cfg.js', code: 'var c = { cacheKey: "user-profile-v2", partitionKey: "Zq8RkV2pLmW4nXt7Yb3H", sortKey: "createdon desc" };' },
    { name: 'trap: the user name of a credentials section', path: 'appsettings.json', code: '{ "Credentials": { "Username": "integration@northwindhealth.org", "Tenant": "contoso.onmicrosoft.com" } }' },
    { name: "trap: a vendor's documented sample key", path: 'docs.js', code: 'var id = "AKIAIOSFODNN7EXAMPLE";' },
    { name: 'trap: a dictionary of endpoints or tokens of a lexer', path: 'src/Endpoints.cs', code: 'class E {\n  static readonly Dictionary<string, string> SemanticTokens = new Dictionary<string, string> { ["full"] = "textDocument/semanticTokens/full" };\n  static readonly Dictionary<string, string> Endpoints = new Dictionary<string, string> { ["visa"] = "https://visa.example.net/v1" };\n}' },
    { name: 'trap: key vault secret name', path: 'appsettings.json', code: '{ "ClientSecretName": "dataverse-tools-client-secret" }' },
    { name: 'trap: tenant id guid', path: 'appsettings.json', code: '{ "TenantId": "0473e6e1-a657-49ea-9bd9-b35f0fcbaeac" }' },
    { name: 'trap: certificate thumbprint', path: 'appsettings.json', code: '{ "CertificateThumbprint": "9EF4404E8C42CB28102C587E6F82E3E53F4F9199" }' },
    { name: 'trap: documentation placeholder', path: 'appsettings.json', code: '{ "ClientSecret": "<your-client-secret>" }' },
    { name: 'trap: pipeline token password', path: 'appsettings.json', code: '{ "Cs": "AuthType=AD;Url=https://crm.local/org;Username=svc;Password=#{CrmPassword}#" }' },
    { name: 'trap: test placeholder', path: 'appsettings.json', code: '{ "Password": "not-a-real-password" }' },
    {
      name: 'trap: connection string template with {Name} placeholders',
      path: 'App.config',
      code: '<configuration><connectionStrings><add name="Tpl" connectionString="AuthType=ClientSecret;Url=https://{org}.crm.dynamics.com;ClientId={AppId};ClientSecret={ClientSecret}" /></connectionStrings></configuration>',
    },
    { name: 'trap: storage emulator key', path: 'appsettings.json', code: '{ "Storage": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IfsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" }' },
    { name: 'trap: app insights connection string', path: 'appsettings.json', code: '{ "ConnectionString": "InstrumentationKey=5d348b97-870d-477b-bb10-c3b19b5c2356;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/" }' },
    { name: 'trap: flow expression', path: 'flow.json', code: '{ "headers": { "x-api-key": "@parameters(\'ApiKey\')" } }' },
    { name: 'trap: guid role id in a script', path: 'web/roles.js', code: 'var BACK_OFFICE_ROLE_ID = "c05d8a74-e361-f011-8544-000d3a2b7c91";' },
    { name: 'trap: file paths and module specifiers under credential-like names', path: 'package.json', code: '{ "bin": { "secretlint": "bin/secretlint.js" }, "exports": { "./tokenize": "./lib/tokenize" }, "CertificateKeyPath": "certs/signing.pfx" }' },
    { name: 'trap: documentation file', path: 'README.md', code: `ClientSecret=${entra}` },
    { name: 'trap: host names under credential-like names', path: 'appsettings.json', code: '{ "TokenHost": "login.partner-idp.com", "ApiKeyServer": "10.20.30.40" }' },
    { name: 'trap: an AL label holding the token path', path: 'src/Client.Codeunit.al', code: "codeunit 50100 Client\n{\n    var\n        TokenPathTok: Label 'oauth2/token', Locked = true;\n        ScorePathTok: Label 'v3/scores/%1', Locked = true;\n}\n" },
    { name: 'trap: embedded JSON without credentials', path: 'flow.json', code: '{ "defaultValue": "{\\"tokenUrl\\":\\"https://id.example.net/token\\",\\"clientId\\":\\"portal\\"}" }' },
    { name: 'trap: a flow trigger URL without its signature', path: 'web/r.js', code: 'var U = "https://prod-27.westus.logic.azure.com:443/workflows/8c41d0f7a2b94e6d9f13c5a07e2b8d64/triggers/manual/paths/invoke?api-version=2016-06-01";' },
  ],
  invalid: [
    { name: 'an entry of a dictionary of signing secrets', path: 'src/Webhook.cs', code: 'class W {\n  static readonly IReadOnlyDictionary<string, string> SchemeSigningSecrets = new Dictionary<string, string>\n  {\n    ["visa-uat"] = "jTYgp93JUKq9bzPOy0gDZLmA5GNe3V8DyRO1kQJEAxg=",\n  };\n}', errors: [{ line: 4, message: 'SchemeSigningSecrets' }] },
    { name: 'a key of a service in a settings object, random beyond doubt', path: 'web/common.js', code: 'var settings = {\n  addressLookupUrl: "https://api.addresses.example.net/v2/lookup",\n  addressLookupKey: "bbdde1e4e0a879ceca9416609f1443f1"\n};', errors: [{ line: 3, message: 'addressLookupKey' }] },
    { name: 'SendGrid key whose dotted shape looks like a host name', path: 'Mail.cs', code: 'class M {\n  const string MailApiKey = "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";\n}', errors: [{ line: 2 }], secrets: ['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'] },
    { name: 'GitHub token by shape, whatever its name', path: 'deploy.js', code: 'var t = "ghp_' + 'Zq8RkV2pLmW4nXt7Yb3HcJ6dFs9Gu1AeQw12";', errors: [{ line: 1, message: 'GitHub' }] },
    { name: 'a base64url flow signature split over concatenated literals', path: 'web/r.js', code: 'var U = "https://prod-27.westus.logic.azure.com:443/workflows/8c41d0f7a2b94e6d9f13c5a07e2b8d64/triggers/manual/paths/invoke" +\n  "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0" +\n  "&sig=2LPFUqeJb9iFjpPzmCR-Yu0i4U6VoiLRMB_3SvfYCU8";', errors: [{ line: 1, message: 'SAS' }] },
    { name: 'ASP.NET machineKey keys', path: 'Web.config', code: '<configuration><system.web>\n<machineKey validation="HMACSHA256"\n validationKey="6F3A9D2C51B84E07A1C6F29D3B85E40C7A19D6F2B83E51C0D47A9F26E18B3C5D"\n decryptionKey="B2E47D19A6C35F08E1D94A7B2C60F35D8E19A4C7B03F62D5A8E1C94B7D02F36A" />\n</system.web></configuration>', errors: [{ line: 3 }, { line: 4 }] },
    { name: 'a password inside JSON kept as a string (JSON environment variable)', path: 'solution/environmentvariabledefinitions/x_Settings/environmentvariabledefinition.xml', code: '<environmentvariabledefinition schemaname="x_Settings">\n  <defaultvalue>{"username":"svc@contoso.com","password":"l!JDVaPdHWqv6%nabk"}</defaultvalue>\n</environmentvariabledefinition>', errors: [{ line: 2, message: 'embedded JSON' }], secrets: ['l!JDVaPdHWqv6%nabk'] },
    { name: 'an AL label that holds an API key', path: 'src/Client.Codeunit.al', code: "codeunit 50100 Client\n{\n    var\n        ApiKeyTok: Label 'q8RkV2pLmW4nXt7Yb3HcJ6dF', Locked = true;\n}\n", errors: [{ line: 4 }] },
    {
      name: 'a token constant joined to a Bearer prefix is reported once, where the token is written',
      path: 'web/a.js',
      code: 'var TOK = "eyJhbGciOiJIUzI1NiJ9." +\n  "eyJzdWIiOiJ0c3AtcmliYm9uIiwiZXhwIjoxODkzNDU2MDAwfQ." +\n  "Zx8Qw2Lp0Rt5Vb7Nc1Hd3Fs9Gu1Ae4Km6Pq";\nfunction h() { return { Authorization: "Bearer " + TOK }; }',
      errors: [{ line: 1 }],
    },
    { name: 'entra client secret by shape', path: 'appsettings.json', code: `{\n  "Value": "${entra}"\n}`, errors: [{ line: 2, message: 'Entra' }], secrets: [entra] },
    { name: 'credential-named setting', path: 'appsettings.json', code: `{ "Dataverse": {\n "ServicePassword": "${password}" } }`, errors: [{ line: 2 }], secrets: [password] },
    { name: 'password inside a connection string', path: 'appsettings.json', code: `{ "Cs": "AuthType=OAuth;Url=https://x.crm.dynamics.com;Username=a@b.com;Password=${password}" }`, errors: [{ line: 1, message: 'connection string' }], secrets: [password] },
    {
      name: 'multi-line connection string attribute in App.config',
      path: 'App.config',
      code: `<configuration>\n  <connectionStrings>\n    <add name="Crm"\n         connectionString="AuthType=Office365;\n           Username=svc@contoso.com;\n           Password=${password};" />\n  </connectionStrings>\n</configuration>`,
      errors: [{ line: 4 }],
      secrets: [password],
    },
    { name: 'password constant in a web resource', path: 'web/erp.js', code: `var RATING_USER = "svc-rating";\nvar RATING_PASSWORD = "${password}";\nfetch(u, { headers: { Authorization: "Basic " + btoa(RATING_USER + ":" + RATING_PASSWORD) } });`, errors: [{ line: 2 }], secrets: [password] },
    { name: 'api management key in a flow header', path: 'flow.json', code: '{ "headers": {\n "Ocp-Apim-Subscription-Key": "e377abe605fc920626c88bb5ac500d1cc1787899" } }', errors: [{ line: 2 }], secrets: ['e377abe605fc920626c88bb5ac500d1cc1787899'] },
    { name: 'basic header with user and password', path: 'a.json', code: '{ "auth": "Basic c3ZjLXVzZXI6U3VwM3JTZWNyZXQh" }', errors: [{ line: 1, message: 'Basic' }], secrets: ['c3ZjLXVzZXI6U3VwM3JTZWNyZXQh'] },
  ],
});
