import rule from '../../rules/overbroad-privilege/al-permissionset-overbroad';
import { testRule } from '../rule-tester';

const P = 'app/src/perm/Claims.PermissionSet.al';

testRule(rule, {
  valid: [
    {
      name: 'named tables with the rights the job needs',
      path: P,
      code: 'permissionset 60000 "FAB CLAIMS"\n{\n    Assignable = true;\n    IncludedPermissionSets = "D365 BASIC";\n    Permissions = tabledata "FAB Claim" = RIMD,\n        tabledata "FAB Claim Setup" = R;\n}',
    },
    { name: 'not a permission set', path: 'app/src/X.Codeunit.al', code: 'codeunit 60001 "FAB X"\n{\n    Permissions = tabledata "FAB Claim" = RIMD;\n}' },
  ],
  traps: [
    {
      name: 'trap: an extension of D365 BASIC with write on a reference table, read on a sensitive one',
      files: {
        'src/Branch.Table.al': "table 70101 \"PFX Branch\"\n{\n    fields\n    {\n        field(1; Code; Code[10]) { }\n        field(2; City; Text[30]) { }\n    }\n}",
        'src/Borrower.Table.al': "table 70100 \"PFX Borrower\"\n{\n    fields\n    {\n        field(1; \"No.\"; Code[20]) { }\n        field(2; IBAN; Code[50]) { }\n    }\n}",
        'src/BasicExt.PermissionSetExt.al': 'permissionsetextension 70200 "PFX Basic Ext" extends "D365 BASIC"\n{\n    Permissions = tabledata "PFX Branch" = RIMD,\n                  tabledata "PFX Borrower" = R;\n}',
      },
    },
    {
      name: 'trap: non-assignable set used by code only',
      path: P,
      code: 'permissionset 60002 "FAB ENGINE"\n{\n    Access = Internal;\n    Assignable = false;\n    Permissions = tabledata * = RIMD;\n}',
    },
    { name: 'trap: read-only on all tables', path: P, code: 'permissionset 60003 "FAB VIEW ALL"\n{\n    Permissions = tabledata * = R;\n}' },
    { name: 'trap: indirect rights on all tables', path: P, code: 'permissionset 60004 "FAB INDIRECT"\n{\n    Permissions = TableData * = Rimd;\n}' },
    { name: 'trap: execute on every codeunit', path: P, code: 'permissionset 60005 "FAB RUN"\n{\n    Permissions = codeunit * = X, page * = X;\n}' },
    { name: 'trap: read and indirect rights on ledgers', path: P, code: 'permissionset 60007 "FAB POSTING"\n{\n    Permissions = tabledata "G/L Entry" = Rimd, tabledata "Cust. Ledger Entry" = R;\n}' },
    { name: 'trap: includes a set whose name only contains super', path: P, code: 'permissionset 60006 "FAB LEAD"\n{\n    IncludedPermissionSets = "FAB SUPERVISOR";\n}' },
  ],
  invalid: [
    {
      name: 'an extension of D365 BASIC that lets every user change a table of sensitive data',
      files: {
        'src/Borrower.Table.al': "table 70100 \"PFX Borrower\"\n{\n    fields\n    {\n        field(1; \"No.\"; Code[20]) { }\n        field(2; IBAN; Code[50]) { }\n    }\n}",
        'src/BasicExt.PermissionSetExt.al': 'permissionsetextension 70200 "PFX Basic Ext" extends "D365 BASIC"\n{\n    Permissions = tabledata "PFX Branch" = R,\n                  tabledata "PFX Borrower" = RIMD;\n}',
      },
      errors: [{ path: 'src/BasicExt.PermissionSetExt.al', line: 4, message: 'every user holds' }],
    },
    {
      name: 'assignable set with tabledata * = RIMD',
      path: P,
      code: 'permissionset 60010 "FAB AGENT"\n{\n    Assignable = true;\n    Permissions = page "FAB Claim Card" = X,\n        tabledata * = RIMD;\n}',
      errors: [{ line: 5, message: 'all table data' }],
    },
    {
      name: 'default-assignable set including SUPER (DATA), keywords in another case',
      path: P,
      code: 'PermissionSet 60011 "FAB ADMIN"\n{\n    Caption = \'Admin\';\n    includedPermissionSets = "D365 BASIC", "SUPER (DATA)";\n}',
      errors: [{ line: 4, message: 'SUPER (DATA)' }],
    },
    {
      name: 'permission set extension including SECURITY and granting IMD on everything',
      path: 'app/src/perm/Basic.PermissionSetExt.al',
      code: 'permissionsetextension 60012 "FAB BASIC EXT" extends "D365 BASIC"\n{\n    IncludedPermissionSets = SECURITY;\n    Permissions = tabledata * = IMD;\n}',
      errors: [{ line: 3 }, { line: 4 }],
    },
    {
      name: 'direct delete on a ledger table',
      path: P,
      code: 'permissionset 60014 "FAB CLEANUP"\n{\n    Permissions = tabledata "FAB Claim" = RIMD,\n        tabledata "Vendor Ledger Entry" = RMD;\n}',
      errors: [{ line: 4, message: 'Vendor Ledger Entry' }],
    },
    {
      name: 'assignable set including an internal set that writes all table data',
      files: {
        [P]: 'permissionset 60015 "FAB CLERK"\n{\n    Assignable = true;\n    IncludedPermissionSets = "FAB ENGINE ALL";\n}',
        'app/src/perm/Engine.PermissionSet.al': 'permissionset 60016 "FAB ENGINE ALL"\n{\n    Assignable = false;\n    Permissions = tabledata * = RIMD;\n}',
      },
      errors: [{ line: 4, message: 'non-assignable set "FAB ENGINE ALL"' }],
    },
    {
      name: 'superuser set included without quotes',
      path: P,
      code: 'permissionset 60013 "FAB OPS"\n{\n    Assignable = true;\n    IncludedPermissionSets = SUPER;\n}',
      errors: [{ line: 4, message: 'SUPER' }],
    },
  ],
});
