import rule from '../../rules/audit-disabled/al-change-log-disabled';
import { testRule } from '../rule-tester';

const P = 'app/src/Setup.Codeunit.al';
const TABLE = 'table 60600 "FAB Payee"\n{\n    fields\n    {\n        field(1; "No."; Code[20]) { }\n        field(2; "Routing Number"; Text[20]) { }\n    }\n}';
const BUFFER = 'table 60601 "FAB Import Buffer"\n{\n    fields\n    {\n        field(1; "Line No."; Integer) { }\n        field(2; Payload; Blob) { }\n    }\n}';
const cu = (body: string): string =>
  `codeunit 60602 "FAB Setup"\n{\n    Subtype = Install;\n\n    trigger OnInstallAppPerCompany()\n    var\n        CLS: Record "Change Log Setup";\n        CLT: Record "Change Log Setup (Table)";\n    begin\n${body}\n    end;\n}`;
const files = (body: string): Record<string, string> => ({ [P]: cu(body), 'app/src/Payee.Table.al': TABLE, 'app/src/Buffer.Table.al': BUFFER });

testRule(rule, {
  valid: [{ name: 'reads the setup only', files: files('        if CLS.Get() then\n            exit;') }],
  traps: [
    {
      name: 'trap: one routine sets up a sensitive table, then turns logging off for a reference table',
      files: files('        CLT."Table No." := Database::"FAB Payee";\n        CLT."Log Modification" := CLT."Log Modification"::"All Fields";\n        CLT.Insert();\n        CLT."Table No." := Database::"FAB Import Buffer";\n        CLT."Log Modification" := CLT."Log Modification"::" ";\n        CLT.Insert();'),
    },
    { name: 'trap: deleting the log setup of a buffer table', files: files('        if CLT.Get(Database::"FAB Import Buffer") then\n            CLT.Delete();') },
    { name: 'trap: switches the log on', files: files('        CLS."Change Log Activated" := true;\n        CLS.Modify();') },
    {
      name: 'trap: logs all fields of a sensitive table',
      files: files('        CLT."Table No." := Database::"FAB Payee";\n        CLT."Log Modification" := CLT."Log Modification"::"All Fields";\n        CLT.Insert();'),
    },
    {
      name: 'trap: no logging for an import buffer',
      files: files('        CLT.Get(Database::"FAB Import Buffer");\n        CLT."Log Insertion" := CLT."Log Insertion"::" ";\n        CLT.Modify();'),
    },
  ],
  invalid: [
    {
      name: 'a reference table first, then logging off for the sensitive one: judged by the nearest table',
      files: files('        CLT."Table No." := Database::"FAB Import Buffer";\n        CLT.Insert();\n        CLT."Table No." := Database::"FAB Payee";\n        CLT."Log Modification" := CLT."Log Modification"::" ";\n        CLT.Insert();'),
      errors: [{ line: 13, message: 'FAB Payee' }],
    },
    { name: 'change log switched off', files: files('        CLS.Get();\n        CLS."Change Log Activated" := false;\n        CLS.Modify();'), errors: [{ line: 11, message: 'switches the change log off' }] },
    { name: 'no table logs modifications any more (ModifyAll)', files: files('        CLT.ModifyAll("Log Modification", CLT."Log Modification"::" ");'), errors: [{ line: 10 }] },
    {
      name: 'change log entries deleted',
      path: 'app/src/Cleanup.Codeunit.al',
      code: 'codeunit 60603 "FAB Cleanup"\n{\n    procedure Run()\n    var\n        Entry: Record "Change Log Entry";\n    begin\n        Entry.SetRange("Table No.", Database::"FAB Payee");\n        Entry.DeleteAll();\n    end;\n}',
      errors: [{ line: 8, message: 'deletes change log entries' }],
    },
    { name: 'log setup of a sensitive table deleted', files: files('        if CLT.Get(Database::"FAB Payee") then\n            CLT.Delete();'), errors: [{ line: 11 }] },
    { name: 'change log off through Validate', files: files('        CLS.Validate("Change Log Activated", False);'), errors: [{ line: 10 }] },
    {
      name: 'deletions of a sensitive table no longer logged',
      files: files('        CLT.Init();\n        CLT."Table No." := Database::"FAB Payee";\n        CLT."Log Deletion" := CLT."Log Deletion"::" ";\n        CLT.Insert();'),
      errors: [{ line: 12, message: 'FAB Payee' }],
    },
    {
      name: 'base-application vendor table, modifications off',
      files: files('        CLT.SetRange("Table No.", Database::Vendor);\n        if CLT.FindFirst() then begin\n            CLT."Log Modification" := CLT."Log Modification"::" ";\n            CLT.Modify();\n        end;'),
      errors: [{ line: 12 }],
    },
  ],
});
