import rule from '../../rules/insecure-transport/csharp-tls-validation-disabled';
import { testRule } from '../rule-tester';

const cls = (body: string): string => ['using System.Net;', 'using System.Net.Http;', 'using System.Net.Security;', 'internal static class PartnerHttp', '{', body, '}'].join('\n');

testRule(rule, {
  valid: [
    { name: 'default validation', path: 'src/PartnerHttp.cs', code: cls('    public static HttpClient Create() => new HttpClient(new HttpClientHandler());') },
  ],
  traps: [
    {
      name: 'trap: pinning callback that keeps chain validation',
      path: 'src/PartnerHttp.cs',
      code: cls('    static HttpClientHandler Pinned() => new HttpClientHandler\n    {\n        ServerCertificateCustomValidationCallback = (m, cert, chain, errors) =>\n            errors == SslPolicyErrors.None && cert.Thumbprint == Pin\n    };'),
    },
    { name: 'trap: commented-out accept-all line', path: 'src/PartnerHttp.cs', code: cls('    static void Init()\n    {\n        // ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => true;\n    }') },
    {
      name: 'trap: callback that rejects on errors',
      path: 'src/PartnerHttp.cs',
      code: cls('    static void Init()\n    {\n        ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) =>\n        {\n            if (e != SslPolicyErrors.None) return false;\n            return true;\n        };\n    }'),
    },
    { name: 'trap: method group that checks the errors', path: 'src/PartnerHttp.cs', code: cls('    static bool Check(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) { return e == SslPolicyErrors.None; }\n    static void Init() { ServicePointManager.ServerCertificateValidationCallback = Check; }') },
    { name: 'trap: callback that throws on errors', path: 'src/PartnerHttp.cs', code: cls('    static void Init()\n    {\n        ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) =>\n        {\n            if (e != SslPolicyErrors.None) throw new AuthenticationException("bad cert");\n            return true;\n        };\n    }') },
  ],
  invalid: [
    { name: 'process-wide lambda returning true', path: 'src/PartnerHttp.cs', code: cls('    static void Init()\n    {\n        ServicePointManager.ServerCertificateValidationCallback += (sender, cert, chain, errors) => true;\n    }'), errors: [{ line: 8 }] },
    {
      name: 'DangerousAcceptAnyServerCertificateValidator in an initializer',
      path: 'src/PartnerHttp.cs',
      code: cls('    static HttpClient Create()\n    {\n        var h = new HttpClientHandler\n        {\n            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator\n        };\n        return new HttpClient(h);\n    }'),
      errors: [{ line: 10 }],
    },
    { name: 'block body that only returns true', path: 'src/PartnerHttp.cs', code: cls('    static void Init()\n    {\n        handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => { Log(e); return true; };\n    }'), errors: [{ line: 8 }] },
    { name: 'anonymous delegate', path: 'src/PartnerHttp.cs', code: cls('    static void Init()\n    {\n        ServicePointManager.ServerCertificateValidationCallback = delegate { return true; };\n    }'), errors: [{ line: 8 }] },
    {
      name: 'method group wrapped in a RemoteCertificateValidationCallback',
      path: 'src/PartnerHttp.cs',
      code: cls('    private static bool AcceptAll(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e)\n    {\n        return true;\n    }\n    static void Init()\n    {\n        ServicePointManager.ServerCertificateValidationCallback = new RemoteCertificateValidationCallback(AcceptAll);\n    }'),
      errors: [{ line: 12 }],
    },
    {
      name: 'expression-bodied method group',
      path: 'src/PartnerHttp.cs',
      code: cls('    private static bool Trust(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) => true;\n    static void Init() { ServicePointManager.ServerCertificateValidationCallback = Trust; }'),
      errors: [{ line: 7 }],
    },
    {
      name: 'parenthesized lambda with discards',
      path: 'src/PartnerHttp.cs',
      code: cls('    static void Init() { System.Net.ServicePointManager.ServerCertificateValidationCallback = ((_, _, _, _) => true); }'),
      errors: [{ line: 6 }],
    },
    { name: 'SslStream with an accept-all callback', path: 'src/PartnerHttp.cs', code: cls('    static SslStream Wrap(Stream s)\n    {\n        return new SslStream(s, false, (a, b, c, d) => true);\n    }'), errors: [{ line: 8 }] },
  ],
});
