import rule from '../../rules/legacy-auth/csharp-user-password-connection';
import { testRule } from '../rule-tester';

const m = (body: string): string => ['using System.Net;', 'using Microsoft.Xrm.Tooling.Connector;', 'static class Connect', '{', '    static object Open(Settings s, string user, SecureString password, X509Certificate2 cert)', '    {', body, '    }', '}'].join('\n');

testRule(rule, {
  valid: [{ name: 'client secret constructor', path: 'src/Connect.cs', code: m('        return new ServiceClient(new Uri(s.Url), s.ClientId, s.ClientSecret, true);') }],
  traps: [
    { name: 'trap: connection string constructor', path: 'src/Connect.cs', code: m('        return new ServiceClient(s.ConnectionString);') },
    { name: 'trap: certificate constructor', path: 'src/Connect.cs', code: m('        return new CrmServiceClient(cert, StoreName.My, s.Thumbprint, new Uri(s.Url), true, null, s.ClientId, null, null);') },
    { name: 'trap: NetworkCredential for another HTTP client', path: 'src/Connect.cs', code: m('        return new HttpClientHandler { Credentials = new NetworkCredential(user, "x") };') },
    { name: 'trap: commented-out Office365 constructor', path: 'src/Connect.cs', code: m('        // return new CrmServiceClient(user, password, "EMEA", "contoso", false, true, null, true);\n        return null;') },
  ],
  invalid: [
    { name: 'CrmServiceClient with user and SecureString', path: 'src/Connect.cs', code: m('        return new CrmServiceClient(user, password, "EMEA", "contoso", false, true, null, true);'), errors: [{ line: 7 }] },
    { name: 'CrmServiceClient with a NetworkCredential local', path: 'src/Connect.cs', code: m('        var cred = new NetworkCredential(user, s.Password, "CONTOSO");\n        return new CrmServiceClient(cred, AuthenticationType.AD, "crm.contoso.local", "443", "contoso", true, true, null);'), errors: [{ line: 8 }] },
    { name: 'ServiceClient with user, password and host', path: 'src/Connect.cs', code: m('        return new ServiceClient(s.User, s.ServicePassword.ToSecureString(), new Uri(s.Url), true);'), errors: [{ line: 7 }] },
    { name: 'OrganizationServiceProxy user name credentials', path: 'src/Connect.cs', code: m('        var creds = new ClientCredentials();\n        creds.UserName.UserName = user;\n        creds.UserName.Password = s.Password;\n        return new OrganizationServiceProxy(uri, null, creds, null);'), errors: [{ line: 9 }] },
  ],
});
