import rule from '../../rules/legacy-auth/csharp-basic-auth-header';
import { testRule } from '../rule-tester';

const m = (body: string): string => ['using System;', 'using System.Net.Http.Headers;', 'using System.Text;', 'sealed class WarehouseApi', '{', '    void Configure(HttpClient http, string user, string pass, string token)', '    {', body, '    }', '}'].join('\n');

testRule(rule, {
  valid: [{ name: 'bearer token', path: 'src/WarehouseApi.cs', code: m('        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);') }],
  traps: [
    { name: 'trap: Bearer built by concatenation', path: 'src/WarehouseApi.cs', code: m('        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + token);') },
    { name: 'trap: comparing the scheme', path: 'src/WarehouseApi.cs', code: m('        if (http.DefaultRequestHeaders.Authorization?.Scheme == "Basic") throw new InvalidOperationException("Basic is not allowed");') },
    { name: 'trap: text starting with Basic', path: 'src/WarehouseApi.cs', code: m('        var label = "Basic " + planName;') },
    { name: 'trap: commented-out Basic header', path: 'src/WarehouseApi.cs', code: m('        // http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes(user + ":" + pass)));') },
  ],
  invalid: [
    {
      name: 'AuthenticationHeaderValue with the Basic scheme',
      path: 'src/WarehouseApi.cs',
      code: m('        var raw = Encoding.ASCII.GetBytes($"{user}:{pass}");\n        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));'),
      errors: [{ line: 9 }],
    },
    { name: 'header value concatenated with base64', path: 'src/WarehouseApi.cs', code: m('        http.DefaultRequestHeaders.Add("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + pass)));'), errors: [{ line: 8 }] },
    {
      name: 'header added with an enum name, encoded on the line above',
      path: 'src/WarehouseApi.cs',
      code: m('        var encoded = Convert.ToBase64String(Encoding.ASCII.GetBytes(user + ":" + pass));\n        webClient.Headers.Add(HttpRequestHeader.Authorization, "Basic " + encoded);'),
      errors: [{ line: 9 }],
    },
    {
      name: 'literal Basic credential in a constant',
      path: 'src/WarehouseApi.cs',
      code: 'sealed class Legacy\n{\n    private const string AuthHeader = "Basic c3ZjLXdoOlN1bW1lcjIwMjQh";\n    void Send(HttpRequestMessage r) { r.Headers.TryAddWithoutValidation("Authorization", AuthHeader); }\n}',
      errors: [{ line: 3 }],
      secrets: ['c3ZjLXdoOlN1bW1lcjIwMjQh'],
    },
  ],
});
