import rule from '../../rules/insecure-transport/csharp-weak-tls-protocol';
import { testRule } from '../rule-tester';

const main = (body: string): string => ['using System.Net;', 'using System.Security.Authentication;', 'static class Boot', '{', '    static void Start()', '    {', body, '    }', '}'].join('\n');

testRule(rule, {
  valid: [{ name: 'TLS 1.2 only', path: 'src/Boot.cs', code: main('        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;') }],
  traps: [
    { name: 'trap: TLS 1.2 and 1.3', path: 'src/Boot.cs', code: main('        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;') },
    { name: 'trap: system default', path: 'src/Boot.cs', code: main('        ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;') },
    { name: 'trap: comparison only', path: 'src/Boot.cs', code: main('        if (ServicePointManager.SecurityProtocol == SecurityProtocolType.Tls) Warn();') },
    { name: 'trap: removing weak protocols', path: 'src/Boot.cs', code: main('        ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls11);') },
    { name: 'trap: HasFlag check', path: 'src/Boot.cs', code: main('        var old = ServicePointManager.SecurityProtocol.HasFlag(SecurityProtocolType.Tls11);') },
    { name: 'trap: commented out', path: 'src/Boot.cs', code: main('        // ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;') },
    { name: 'trap: 3072 is TLS 1.2', path: 'src/Boot.cs', code: main('        ServicePointManager.SecurityProtocol = (SecurityProtocolType)3072;') },
  ],
  invalid: [
    { name: 'TLS 1.0 and 1.1 enabled', path: 'src/Boot.cs', code: main('        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12;'), errors: [{ line: 7, message: 'SecurityProtocolType.Tls, SecurityProtocolType.Tls11' }] },
    { name: 'SSL 3 added with |=', path: 'src/Boot.cs', code: main('        ServicePointManager.SecurityProtocol |= SecurityProtocolType.Ssl3;'), errors: [{ line: 7 }] },
    { name: 'numeric cast for TLS 1.0', path: 'src/Boot.cs', code: main('        ServicePointManager.SecurityProtocol = (SecurityProtocolType)192;'), errors: [{ line: 7 }] },
    { name: 'SslStream asks for TLS 1.1', path: 'src/Boot.cs', code: main('        ssl.AuthenticateAsClient(host, null, SslProtocols.Tls11, true);'), errors: [{ line: 7 }] },
    { name: 'handler initializer', path: 'src/Boot.cs', code: main('        var h = new HttpClientHandler\n        {\n            SslProtocols = SslProtocols.Tls\n        };'), errors: [{ line: 9 }] },
  ],
});
