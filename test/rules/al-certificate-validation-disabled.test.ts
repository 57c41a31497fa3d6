import rule from '../../rules/insecure-transport/al-certificate-validation-disabled';
import { testRule } from '../rule-tester';

const P = 'app/src/Sync.Codeunit.al';
const cu = (body: string, vars = '        Client: HttpClient;'): string =>
  `codeunit 60400 "FAB Sync"\n{\n    procedure Run()\n    var\n${vars}\n    begin\n${body}\n    end;\n}`;

testRule(rule, {
  valid: [{ name: 'no call at all', path: P, code: cu("        Client.Get('https://api.fabrikam.com/v2/items', Response);", '        Client: HttpClient;\n        Response: HttpResponseMessage;') }],
  traps: [
    { name: 'trap: validation explicitly on', path: P, code: cu('        Client.UseServerCertificateValidation(true);') },
    { name: 'trap: the call in a comment', path: P, code: cu('        // Client.UseServerCertificateValidation(false);\n        Client.Clear();') },
  ],
  invalid: [
    { name: 'HttpClient validation off', path: P, code: cu('        Client.UseServerCertificateValidation(false);'), errors: [{ line: 7, message: 'switched off' }] },
    { name: 'RestClient wrapper, any case', path: P, code: cu('        if true then\n            RestClient.SETUSESERVERCERTIFICATEVALIDATION(False);', '        RestClient: Codeunit "Rest Client";'), errors: [{ line: 8 }] },
  ],
});
