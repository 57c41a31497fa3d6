import rule from '../../rules/hidden-sensitive-field/al-page-hidden-sensitive-field';
import { testRule } from '../rule-tester';

const TABLE = [
  'table 60300 "FAB Agent"',
  '{',
  '    DataClassification = CustomerContent;',
  '    fields',
  '    {',
  '        field(1; "No."; Code[20]) { }',
  '        field(2; Nickname; Text[50]) { }',
  '        field(3; "Social Security No."; Text[20]) { DataClassification = EndUserIdentifiableInformation; }',
  '        field(4; "Payout IBAN"; Text[34]) { Caption = \'Payout IBAN\'; }',
  '        field(5; "Discount Pct"; Decimal) { }',
  '        field(6; "Vault Secret Key Id"; Guid) { }',
  '        field(7; Salary; Decimal) { }',
  '        field(8; "Token Expires At"; DateTime) { }',
  '    }',
  '}',
].join('\n');

const page = (body: string, extra = ''): string =>
  ['page 60301 "FAB Agent Card"', '{', '    PageType = Card;', '    SourceTable = "FAB Agent";', extra, '    layout', '    {', '        area(Content)', '        {', body, '        }', '    }', '}'].join('\n');

const API = [
  'page 60302 "FAB Agent API"',
  '{',
  "    PageType = API;",
  "    APIPublisher = 'fabrikam';",
  '    SourceTable = "FAB Agent";',
  '    layout',
  '    {',
  '        area(Content)',
  '        {',
  '            repeater(Rows)',
  '            {',
  '                field(ssn; Rec."Social Security No.") { }',
  '                field(discount; Rec."Discount Pct") { }',
  '                field(id; Rec.SystemId) { Editable = false; }',
  '            }',
  '        }',
  '    }',
  '}',
].join('\n');

const CARD = 'app/src/AgentCard.Page.al';
const files = (card: string, withApi = true): Record<string, string> => ({ [CARD]: card, 'app/src/Agent.Table.al': TABLE, ...(withApi ? { 'app/src/AgentApi.Page.al': API } : {}) });

testRule(rule, {
  valid: [
    { name: 'sensitive field shown and editable', files: files(page('            field("Social Security No."; Rec."Social Security No.") { }')) },
    { name: 'API page with a read-only system id', files: files(page('            field(Nickname; Rec.Nickname) { }')) },
  ],
  traps: [
    { name: 'trap: visibility bound to a permission check, and no API page returns the field', files: files(page('            field(Salary; Rec.Salary) { Visible = ShowPay; }', '    var\n        ShowPay: Boolean;'), false) },
    { name: 'trap: hidden non-sensitive field', files: files(page('            field(Nickname; Rec.Nickname) { Visible = false; }')) },
    { name: 'trap: temporary source table', files: files(page('            field(Salary; Rec.Salary) { Visible = false; }', '    SourceTableTemporary = true;')) },
    { name: 'trap: hidden expiry of a token', files: files(page('            field("Token Expires At"; Rec."Token Expires At") { Visible = false; }')) },
    { name: 'trap: hidden isolated-storage key id', files: files(page('            field("Vault Secret Key Id"; Rec."Vault Secret Key Id") { Visible = false; }')) },
    {
      name: 'trap: visibility bound to a permission check',
      files: files(page('            field("Payout IBAN"; Rec."Payout IBAN") { Visible = CanSeeBank; }', '    var\n        CanSeeBank: Boolean;')),
    },
    { name: 'trap: guarded by AccessByPermission', files: files(page('            group(Bank)\n            {\n                Visible = false;\n                AccessByPermission = tabledata "FAB Agent Bank" = R;\n                field("Payout IBAN"; Rec."Payout IBAN") { }\n            }')) },
    { name: 'trap: read-only non-sensitive field', files: files(page('            field(Nickname; Rec.Nickname) { Editable = false; }'), false) },
    {
      name: 'trap: hidden page variable, not a table field',
      files: files(page('            field(TempPassword; TempPassword) { Visible = false; }', '    var\n        [NonDebuggable]\n        TempPassword: Text;')),
    },
  ],
  invalid: [
    {
      name: 'visibility bound to an expression while an API page returns the field',
      files: files(page('            field("Social Security No."; Rec."Social Security No.") { Visible = ShowIdentity; }', '    var\n        ShowIdentity: Boolean;')),
      errors: [{ path: CARD, line: 11, message: 'shown only when ShowIdentity holds' }],
    },
    {
      name: 'personal data read-only on a page, no permission guards it',
      files: files(page('            field(Salary; Rec.Salary) { Editable = false; }'), false),
      errors: [{ line: 10, message: 'read-only' }],
    },
    {
      name: 'personal data read-only on the card, writable through the API page',
      files: files(page('            field("Social Security No."; Rec."Social Security No.") { Editable = false; }')),
      errors: [{ line: 10, message: 'lets callers change it' }],
    },
    {
      name: 'field hidden on its own, returned by an API page',
      files: files(page('            group(General)\n            {\n                field("Social Security No."; Rec."Social Security No.")\n                {\n                    Visible = false;\n                }\n            }')),
      errors: [{ line: 12, message: 'API page "FAB Agent API"' }],
    },
    {
      name: 'group hidden: one finding for its sensitive fields',
      files: files(page('            group(Payroll)\n            {\n                visible = FALSE;\n                field(Salary; Rec.Salary) { }\n                field("Payout IBAN"; Rec."Payout IBAN") { }\n                field(Nickname; Rec.Nickname) { }\n            }'), false),
      errors: [{ line: 13, message: 'with its group Payroll' }],
    },
    {
      name: 'pricing control read-only on the card',
      files: files(page('            field("Discount Pct"; Rec."Discount Pct") { Enabled = false; }')),
      errors: [{ line: 10, message: 'read-only' }],
    },
    {
      name: 'page extension hides a base field by modify',
      path: 'app/src/CustomerCard.PageExt.al',
      code: 'pageextension 60303 "FAB Customer Card" extends "Customer Card"\n{\n    layout\n    {\n        modify("Bank Account No.")\n        {\n            Visible = false;\n        }\n    }\n}',
      errors: [{ line: 5 }],
    },
  ],
});
