/**
 * The string-fact rules (credential-literal, plain-http-endpoint, password-connection-string) over
 * AL: they see labels, text constants, assignments, setter and procedure arguments through the AL
 * parser's string facts.
 */
import credential from '../../rules/hardcoded-secret/credential-literal';
import plainHttp from '../../rules/insecure-transport/plain-http-endpoint';
import { testRule } from '../rule-tester';

const P = 'app/src/Erp.Codeunit.al';
const cu = (vars: string, body = '        exit;'): string => `codeunit 61000 "FAB Erp"\n{\n    var\n${vars}\n\n    procedure Run()\n    begin\n${body}\n    end;\n}`;
// planted test values, not real credentials
const KEY = 'fbk_Q2nL8vTxR4mW9sZp1Yc7Hd3Ke6Ub0Ja';
const PWD = 'Wq7#rT2!mZ9pLx4';

testRule(credential, {
  valid: [{ name: 'AL: reads the key from isolated storage', path: P, code: cu("        ApiKeyTok: Label 'FAB-ERP-KEY', Locked = true;", '        IsolatedStorage.Get(ApiKeyTok, DataScope::Company, Secret);') }],
  traps: [
    { name: 'trap: AL caption and tooltip of a password field', path: 'app/src/Setup.Page.al', code: "page 61003 \"FAB Setup\"\n{\n    layout\n    {\n        area(Content)\n        {\n            field(Password; PasswordValue)\n            {\n                Caption = 'Service password';\n                ToolTip = 'Specifies the password of the service account.';\n                ExtendedDatatype = Masked;\n            }\n        }\n    }\n}" },
    { name: 'trap: AL UI label mentioning a password', path: P, code: cu("        PasswordMissingErr: Label 'The password for %1 is missing.';") },
    { name: 'trap: AL isolated-storage key name in upper case', path: P, code: cu("        ServicePasswordKeyTok: Label 'FAB-SVC-PASSWORD', Locked = true;") },
    { name: 'trap: AL Key Vault secret name', path: P, code: cu("        ClientSecretNameTok: Label 'erp-client-secret', Locked = true;") },
    { name: 'trap: AL placeholder in a setup default', path: P, code: cu('        Pwd: Text;', "        Setup.Password := '<your-password>';") },
    { name: 'trap: AL request template with a placeholder', path: P, code: cu("        TokenBodyTok: Label 'grant_type=client_credentials&client_secret=%1', Locked = true;") },
  ],
  invalid: [
    { name: 'AL: locked label holding an API key', path: P, code: cu(`        ErpApiKeyTok: Label '${KEY}', Locked = true;`), errors: [{ line: 4 }], secrets: [KEY] },
    {
      name: 'AL: concatenated literals passed to a Set...Password call',
      path: P,
      code: cu('        Setup: Record "FAB Setup";', `        Setup.SetServicePassword('${PWD.slice(0, 6)}' +\n            '${PWD.slice(6)}');`),
      errors: [{ line: 8 }],
      secrets: [PWD],
    },
    { name: 'AL: assignment to a password field', path: P, code: cu('        Setup: Record "FAB Setup";', `        Setup."Service Password" := '${PWD}';`), errors: [{ line: 8 }], secrets: [PWD] },
    {
      name: 'AL: argument bound to a password parameter of a local procedure',
      path: P,
      code: `codeunit 61001 "FAB Erp"\n{\n    procedure Run()\n    begin\n        Connect('svc-erp', '${PWD}');\n    end;\n\n    local procedure Connect(UserName: Text; Password: Text)\n    begin\n    end;\n}`,
      errors: [{ line: 5 }],
      secrets: [PWD],
    },
    {
      name: 'AL: client secret literal passed to the OAuth2 codeunit',
      path: P,
      code: cu('        OAuth2: Codeunit OAuth2;', `        OAuth2.AcquireTokenWithClientCredentials('3f1c9a2e-7b4d-4e8a-9c1f-2d6b8e0a4c7f', '${KEY}', AuthorityUrl, '', Scopes, Token);`),
      errors: [{ line: 8 }],
      secrets: [KEY],
    },
    {
      name: 'AL: default value of a password field',
      path: 'app/src/Setup.Table.al',
      code: `table 61002 "FAB Setup"\n{\n    fields\n    {\n        field(1; "Service Password"; Text[50])\n        {\n            InitValue = '${PWD}';\n        }\n    }\n}`,
      errors: [{ line: 7 }],
      secrets: [PWD],
    },
    { name: 'AL: Windows authentication password literal', path: P, code: cu('        Client: HttpClient;', `        Client.UseWindowsAuthentication('svc-erp', '${PWD}', 'FABRIKAM');`), errors: [{ line: 8 }], secrets: [PWD] },
  ],
});

testRule(plainHttp, {
  valid: [{ name: 'AL: https endpoint in a label', path: P, code: cu("        BaseUrlTok: Label 'https://erp.fabrikam.com/api/', Locked = true;") }],
  traps: [
    { name: 'trap: AL SOAP namespace label', path: P, code: cu("        SoapNsTok: Label 'http://schemas.xmlsoap.org/soap/envelope/', Locked = true;") },
    { name: 'trap: AL XML namespace of an element', path: P, code: cu('        Envelope: XmlElement;', "        Envelope := XmlElement.Create('ImportPayout', 'http://fabrikam.com/payouts/v1');\n        Envelope.SetAttribute('xmlns', 'http://fabrikam.com/payouts/v1');") },
    { name: 'trap: AL loopback address', path: P, code: cu('        Client: HttpClient;', "        Client.Get('http://localhost:7048/health', Response);") },
    { name: 'trap: AL commented-out endpoint', path: P, code: cu("        // OldUrlTok: Label 'http://erp.fabrikam.com/api/', Locked = true;\n        X: Integer;") },
  ],
  invalid: [
    { name: 'AL: plain http label', path: P, code: cu("        ImportUrlTok: Label 'http://erp.fabrikam.local/import', Locked = true;"), errors: [{ line: 4 }] },
    { name: 'AL: plain http text constant', path: P, code: cu("        ServiceUrl: TextConst ENU = 'http://erp.fabrikam.local/soap', DEU = 'http://erp.fabrikam.local/soap';"), errors: [{ line: 4 }] },
    { name: 'AL: plain http literal in a call', path: P, code: cu('        Client: HttpClient;\n        Response: HttpResponseMessage;', "        Client.Get('http://erp.fabrikam.com/api/items', Response);"), errors: [{ line: 9 }] },
    { name: 'AL: plain http assigned to a setup field', path: P, code: cu('        Setup: Record "FAB Setup";', "        Setup.\"Service URL\" := 'http://erp.fabrikam.com/';"), errors: [{ line: 8 }] },
  ],
});
