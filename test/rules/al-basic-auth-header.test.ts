import rule from '../../rules/legacy-auth/al-basic-auth-header';
import { testRule } from '../rule-tester';

const P = 'app/src/Erp.Codeunit.al';
const cu = (body: string): string =>
  `codeunit 60500 "FAB Erp"\n{\n    [NonDebuggable]\n    procedure Auth(var Headers: HttpHeaders; UserName: Text; Pwd: SecretText)\n    var\n        B64: Codeunit "Base64 Convert";\n    begin\n${body}\n    end;\n}`;

testRule(rule, {
  valid: [{ name: 'bearer token from OAuth', path: P, code: cu("        Headers.Add('Authorization', SecretStrSubstNo('Bearer %1', Token()));") }],
  traps: [
    { name: 'trap: bearer with StrSubstNo', path: P, code: cu("        Headers.Add('Authorization', StrSubstNo('Bearer %1', AccessToken));") },
    { name: 'trap: an api key header', path: P, code: cu("        Headers.Add('x-api-key', Pwd);") },
    { name: 'trap: the word basic in a message', path: P, code: cu("        Message('Basic ' + 'setup is complete.');") },
    { name: 'trap: Initialize of another codeunit', path: P, code: 'codeunit 60502 "FAB Rest"\n{\n    procedure Init(User: Text)\n    var\n        OAuth: Codeunit "Http Authentication OAuth2";\n    begin\n        OAuth.Initialize(User);\n    end;\n}' },
  ],
  invalid: [
    {
      name: 'Basic header from user and password, one finding for the chain',
      path: P,
      code: cu("        Headers.Add('Authorization', 'Basic ' + B64.ToBase64(UserName + ':' + Pwd.Unwrap()));"),
      errors: [{ line: 8, message: 'Basic authorization' }],
    },
    { name: 'Basic through SecretStrSubstNo', path: P, code: cu("        Headers.Add('Authorization', SecretStrSubstNo('Basic %1', B64.ToBase64(UserName + ':' + Pwd)));"), errors: [{ line: 8 }] },
    { name: 'returned Basic value', path: P, code: cu("        exit('BASIC ' + B64.ToBase64(StrSubstNo('%1:%2', UserName, Pwd.Unwrap())));"), errors: [{ line: 8 }] },
    {
      name: 'Rest Client basic authentication codeunit',
      path: P,
      code: 'codeunit 60501 "FAB Rest"\n{\n    procedure Init(User: Text; Pwd: SecretText)\n    var\n        BasicAuth: Codeunit "Http Authentication Basic";\n    begin\n        BasicAuth.Initialize(User, Pwd);\n    end;\n}',
      errors: [{ line: 7, message: 'Http Authentication Basic' }],
    },
    {
      name: 'Basic template in a locked label',
      path: P,
      code: "codeunit 60503 \"FAB Erp\"\n{\n    var\n        BasicAuthTok: Label 'Basic %1', Locked = true;\n\n    procedure Auth(var Headers: HttpHeaders; Encoded: Text)\n    begin\n        Headers.Add('Authorization', StrSubstNo(BasicAuthTok, Encoded));\n    end;\n}",
      errors: [{ line: 8 }],
    },
    { name: 'Windows authentication with a password', path: P, code: cu("        Client.UseWindowsAuthentication(UserName, Pwd, 'CONTOSO');"), errors: [{ line: 8, message: 'NTLM' }] },
  ],
});
