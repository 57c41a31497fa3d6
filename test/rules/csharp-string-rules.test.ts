import plainHttp from '../../rules/insecure-transport/plain-http-endpoint';
import passwordConnection from '../../rules/legacy-auth/password-connection-string';
import { testRule } from '../rule-tester';

/** The generic string-fact rules over C# facts: the C# parser must give them the values and names. */
const cls = (members: string): string => ['namespace Fabrikam.Tools', '{', '    internal static class Endpoints', '    {', members, '    }', '}'].join('\n');

testRule(plainHttp, {
  valid: [{ name: 'https endpoint', path: 'src/Endpoints.cs', code: cls('        internal const string Erp = "https://erp.fabrikam.com/api/";') }],
  traps: [
    { name: 'trap: XML namespace', path: 'src/Endpoints.cs', code: cls('        internal static readonly XNamespace Ns = "http://schemas.microsoft.com/xrm/2011/Contracts";') },
    { name: 'trap: loopback for local testing', path: 'src/Endpoints.cs', code: cls('        internal const string Local = "http://localhost:7071/api/";') },
    { name: 'trap: commented-out http endpoint', path: 'src/Endpoints.cs', code: cls('        // internal const string Old = "http://erp.fabrikam.com/api/";') },
    { name: 'trap: check that rejects http', path: 'src/Endpoints.cs', code: cls('        internal static bool Insecure(string u) => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase);') },
  ],
  invalid: [
    { name: 'http base address constant', path: 'src/Endpoints.cs', code: cls('        internal const string Erp = "http://erp.fabrikam.com/api/";'), errors: [{ line: 5 }] },
    { name: 'http URL built by concatenation over lines', path: 'src/Endpoints.cs', code: cls('        internal static Uri Token() => new Uri(\n            "http://sso.fabrikam.com" +\n            "/adfs/oauth2/token");'), errors: [{ line: 6 }] },
    { name: 'constant used in another statement is reported once where written', path: 'src/Endpoints.cs', code: cls('        private const string Base = "http://erp.fabrikam.com";\n        internal static Uri Orders() => new Uri(Base + "/orders");'), errors: [{ line: 5 }] },
  ],
});

testRule(passwordConnection, {
  valid: [{ name: 'client secret connection from configuration', path: 'src/Conn.cs', code: cls('        internal static string Conn(string s) => $"AuthType=ClientSecret;Url=https://fab.crm.dynamics.com;ClientId={id};ClientSecret={s}";') }],
  traps: [
    { name: 'trap: certificate connection string', path: 'src/Conn.cs', code: cls('        internal const string Conn = "AuthType=Certificate;Url=https://fab.crm.dynamics.com;ClientId=5c1f9a3e-2b7d-4e8a-9f60-1d2c3b4a5e6f;Thumbprint=3F2A9C4D5E6F708192A3B4C5D6E7F8091A2B3C4D";') },
    { name: 'trap: commented-out Office365 string', path: 'src/Conn.cs', code: cls('        // internal const string Conn = "AuthType=Office365;Url=https://fab.crm.dynamics.com;Username=a@fab.com;Password=x";') },
  ],
  invalid: [
    {
      name: 'Office365 connection string concatenated over lines',
      path: 'src/Conn.cs',
      code: cls('        internal static string Conn(string user, string pwd) =>\n            "AuthType=Office365;Url=https://fab.crm.dynamics.com;" +\n            "Username=" + user + ";Password=" + pwd;'),
      errors: [{ line: 6 }],
    },
    {
      name: 'constant connection string reported once where written',
      path: 'src/Conn.cs',
      code: cls('        private const string Crm = "AuthType=Office365;Url=https://fab.crm.dynamics.com;Username=svc@fab.com;Password=" + "x";\n        internal static object Open() => new CrmServiceClient(Crm);'),
      errors: [{ line: 5 }],
    },
    { name: 'AD connection string with a password', path: 'src/Conn.cs', code: cls('        internal const string OnPrem = @"AuthType=AD;Url=https://crm.fabrikam.local/fab;Domain=FAB;Username=svc;Password=" + "x";'), errors: [{ line: 5 }] },
  ],
});
