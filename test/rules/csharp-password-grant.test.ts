import rule from '../../rules/legacy-auth/csharp-password-grant';
import { testRule } from '../rule-tester';

const m = (body: string): string => ['using Microsoft.Identity.Client;', 'static class Auth', '{', '    static async Task<string> Get(IPublicClientApplication app, IConfidentialClientApplication cca, string[] scopes, string user, SecureString pwd)', '    {', body, '    }', '}'].join('\n');

testRule(rule, {
  valid: [{ name: 'client credentials', path: 'src/Auth.cs', code: m('        var r = await cca.AcquireTokenForClient(scopes).ExecuteAsync();\n        return r.AccessToken;') }],
  traps: [
    { name: 'trap: silent token from the cache', path: 'src/Auth.cs', code: m('        var r = await app.AcquireTokenSilent(scopes, account).ExecuteAsync();\n        return r.AccessToken;') },
    {
      name: 'trap: client_credentials form body',
      path: 'src/Auth.cs',
      code: m('        var body = new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("grant_type", "client_credentials"), new KeyValuePair<string, string>("client_id", id) });\n        return null;'),
    },
    { name: 'trap: ADAL integrated Windows auth', path: 'src/Auth.cs', code: m('        var r = await ctx.AcquireTokenAsync(resource, clientId, new UserCredential(user));\n        return r.AccessToken;') },
    { name: 'trap: commented-out ROPC call', path: 'src/Auth.cs', code: m('        // var r = await app.AcquireTokenByUsernamePassword(scopes, user, pwd).ExecuteAsync();\n        return null;') },
  ],
  invalid: [
    { name: 'MSAL username/password', path: 'src/Auth.cs', code: m('        var r = await app.AcquireTokenByUsernamePassword(scopes, user, pwd).ExecuteAsync();\n        return r.AccessToken;'), errors: [{ line: 6 }] },
    { name: 'ADAL UserPasswordCredential', path: 'src/Auth.cs', code: m('        var r = await ctx.AcquireTokenAsync(resource, clientId, new UserPasswordCredential(user, password));\n        return r.AccessToken;'), errors: [{ line: 6 }] },
    { name: 'Azure.Identity UsernamePasswordCredential', path: 'src/Auth.cs', code: m('        var cred = new UsernamePasswordCredential(user, password, tenant, clientId);\n        return null;'), errors: [{ line: 6 }] },
    {
      name: 'grant_type=password in a dictionary body',
      path: 'src/Auth.cs',
      code: m('        var form = new Dictionary<string, string>\n        {\n            { "grant_type", "password" },\n            { "username", user },\n        };\n        return null;'),
      errors: [{ line: 8 }],
    },
    { name: 'grant_type=password in a string body', path: 'src/Auth.cs', code: m('        var content = new StringContent("grant_type=password&username=" + user + "&password=" + p, Encoding.UTF8, "application/x-www-form-urlencoded");\n        return null;'), errors: [{ line: 6 }] },
  ],
});
