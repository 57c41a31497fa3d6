import rule from '../../rules/hardcoded-secret/al-literal-secret-argument';
import { testRule } from '../rule-tester';

// planted test values, not real credentials
const PWD = 'Vx4!pQ8#nR2zLm7';
const TABLE = `table 61200 "FAB Gateway Setup"\n{\n    fields\n    {\n        field(1; "Primary Key"; Code[10]) { }\n    }\n\n    procedure SetGatewayKey(NewKey: SecretText)\n    begin\n    end;\n\n    procedure StoreCredential(UserName: Text; Pwd: Text; KeyName: Text)\n    begin\n    end;\n}`;
const INSTALL = 'app/src/Install.Codeunit.al';
const cu = (body: string, vars: string): string => `codeunit 61201 "FAB Install"\n{\n    procedure Init()\n    var\n        Setup: Record "FAB Gateway Setup";${vars}\n    begin\n${body}\n    end;\n}`;
const files = (body: string, vars = ''): Record<string, string> => ({ [INSTALL]: cu(body, vars), 'app/src/GatewaySetup.Table.al': TABLE });

testRule(rule, {
  valid: [{ name: 'value from the setup page', files: files('        Setup.SetGatewayKey(KeyFromPage);') }],
  traps: [
    { name: 'trap: user name and key name are not secrets', files: files(`        Setup.StoreCredential('svc-gateway', PwdFromPage, 'FAB-GATEWAY-PWD');`) },
    { name: 'trap: empty value clears the key', files: files("        Setup.SetGatewayKey('');") },
    { name: 'trap: a Text holding a URL passed on', files: files("        Setup.SetGatewayKey(KeyFromPage);\n        Url := 'https://api.fabrikam.example/v2/';", '\n        Url: Text;') },
    { name: 'trap: a placeholder', files: files("        Setup.SetGatewayKey('<your-key>');") },
  ],
  invalid: [
    {
      name: 'literal to a SecretText parameter declared in another file',
      files: files(`        Setup.SetGatewayKey('${PWD}');`),
      errors: [{ line: 7, message: 'SecretText parameter NewKey' }],
      secrets: [PWD],
    },
    {
      name: 'literal laundered through a Text into a SecretText',
      files: files(`        KeyText := '${PWD.slice(0, 5)}' +\n            '${PWD.slice(5)}';\n        KeySecret := KeyText;\n        Setup.SetGatewayKey(KeySecret);`, '\n        KeyText: Text;\n        KeySecret: SecretText;'),
      errors: [{ line: 9 }],
      secrets: [PWD],
    },
    {
      name: 'Text holding a literal passed to a SecretText parameter',
      files: files(`        KeyText := '${PWD}';\n        Setup.SetGatewayKey(KeyText);`, '\n        KeyText: Text;'),
      errors: [{ line: 8 }],
      secrets: [PWD],
    },
    {
      name: 'concatenated literal to a password parameter',
      files: files(`        Setup.StoreCredential('svc-gateway', '${PWD.slice(0, 5)}' + '${PWD.slice(5)}', 'FAB-GATEWAY-PWD');`),
      errors: [{ line: 7, message: 'parameter Pwd' }],
      secrets: [PWD],
    },
  ],
});
