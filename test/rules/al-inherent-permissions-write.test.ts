import rule from '../../rules/overbroad-privilege/al-inherent-permissions-write';
import { testRule } from '../rule-tester';

const T = 'app/src/Agent.Table.al';

testRule(rule, {
  valid: [
    { name: 'no inherent permissions', path: T, code: 'table 60200 "FAB Agent"\n{\n    fields\n    {\n        field(1; "No."; Code[20]) { }\n    }\n}' },
  ],
  traps: [
    { name: 'trap: execute only', path: 'app/src/Svc.Codeunit.al', code: 'codeunit 60201 "FAB Svc"\n{\n    InherentPermissions = X;\n    InherentEntitlements = X;\n}' },
    { name: 'trap: read for everyone', path: T, code: 'table 60202 "FAB Region"\n{\n    InherentPermissions = RX;\n}' },
    { name: 'trap: indirect letters', path: T, code: 'table 60203 "FAB Buffer"\n{\n    InherentPermissions = rimdX;\n}' },
    {
      name: 'trap: read attribute on a procedure',
      path: 'app/src/Svc.Codeunit.al',
      code: "codeunit 60204 \"FAB Reader\"\n{\n    [InherentPermissions(PermissionObjectType::TableData, Database::\"FAB Agent\", 'r')]\n    procedure Read()\n    begin\n    end;\n}",
    },
  ],
  invalid: [
    { name: 'table writable by everyone', path: T, code: 'table 60210 "FAB Agent"\n{\n    Caption = \'Agent\';\n    InherentPermissions = RIMD;\n}', errors: [{ line: 4, message: 'without any permission set' }] },
    { name: 'inherent entitlements RIMDX', path: T, code: 'table 60213 "FAB Agent Notes"\n{\n    InherentEntitlements = RIMDX;\n}', errors: [{ line: 3, message: 'InherentEntitlements' }] },
    { name: 'both inherent properties', path: T, code: 'table 60214 "FAB Agent Docs"\n{\n    InherentEntitlements = RIMDX;\n    InherentPermissions = RIMDX;\n}', errors: [{ line: 3, message: 'InherentEntitlements' }, { line: 4, message: 'InherentPermissions' }] },
    { name: 'lower-case property name, RIMDX', path: T, code: 'table 60211 "FAB Agent Bank"\n{\n    inherentpermissions = RIMDX;\n}', errors: [{ line: 3 }] },
    {
      name: 'attribute grants modify on table data',
      path: 'app/src/Svc.Codeunit.al',
      code: "codeunit 60212 \"FAB Writer\"\n{\n    [InherentPermissions(PermissionObjectType::TableData, Database::\"FAB Agent\", 'RM')]\n    procedure Write()\n    begin\n    end;\n}",
      errors: [{ line: 3 }],
    },
  ],
});
