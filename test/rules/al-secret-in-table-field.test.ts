import rule from '../../rules/unprotected-secret/al-secret-in-table-field';
import { testRule } from '../rule-tester';

const P = 'app/src/ErpSetup.Table.al';
const table = (fields: string, props = ''): string => `table 61100 "FAB Erp Setup"\n{\n${props}    fields\n    {\n${fields}\n    }\n}`;

testRule(rule, {
  valid: [{ name: 'setup without credentials', path: P, code: table('        field(1; "Primary Key"; Code[10]) { }\n        field(2; "Base URL"; Text[250]) { }') }],
  traps: [
    { name: 'trap: Guid key of isolated storage', path: P, code: table('        field(3; "Client Secret Key"; Guid) { }\n        field(4; "API Key Id"; Guid) { }') },
    { name: 'trap: date and flag about a password', path: P, code: table('        field(5; "Password Expiry Date"; Date) { }\n        field(6; "Has Password"; Boolean) { }') },
    { name: 'trap: text about a token', path: P, code: table('        field(11; "Token Endpoint URL"; Text[250]) { }\n        field(12; "Password Policy Hint"; Text[100]) { }') },
    { name: 'trap: temporary table', path: P, code: table('        field(7; Password; Text[100]) { }', '    TableType = Temporary;\n') },
    { name: 'trap: key vault secret name', path: P, code: table("        field(8; \"Client Secret Name\"; Text[100]) { Caption = 'Client Secret Name'; }") },
  ],
  invalid: [
    { name: 'masked password field', path: P, code: table('        field(9; "Service Password"; Text[100])\n        {\n            ExtendedDatatype = Masked;\n        }'), errors: [{ line: 5, message: 'Masked only hides it' }] },
    { name: 'API key by caption, in a table extension', path: 'app/src/Vendor.TableExt.al', code: "tableextension 61101 \"FAB Vendor\" extends Vendor\n{\n    fields\n    {\n        field(61100; \"FAB Portal Key\"; Text[80]) { Caption = 'Portal API Key'; }\n    }\n}", errors: [{ line: 5 }] },
    { name: 'token in a blob', path: P, code: table('        field(10; "Refresh Token"; Blob) { }'), errors: [{ line: 5 }] },
  ],
});
