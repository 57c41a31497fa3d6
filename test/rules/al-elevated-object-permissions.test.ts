import rule from '../../rules/overbroad-privilege/al-elevated-object-permissions';
import { testRule } from '../rule-tester';

const P = 'app/src/Posting/Fees.Codeunit.al';

testRule(rule, {
  valid: [
    { name: 'RIMD on its own document table', path: P, code: 'codeunit 60100 "FAB Fee Mgt"\n{\n    Permissions = tabledata "FAB Fee Header" = RIMD, tabledata "FAB Fee Line" = RIMD;\n}' },
    { name: 'no Permissions property', path: P, code: 'codeunit 60101 "FAB Fee Calc"\n{\n    procedure Calc(): Decimal\n    begin\n        exit(0);\n    end;\n}' },
  ],
  traps: [
    { name: 'trap: read of the G/L entries', path: P, code: 'codeunit 60102 "FAB Fee Stats"\n{\n    Permissions = tabledata "G/L Entry" = R, tabledata "Cust. Ledger Entry" = r;\n}' },
    { name: 'trap: insert into a ledger during posting', path: P, code: 'codeunit 60103 "FAB Fee Post"\n{\n    Permissions = tabledata "FAB Fee Ledger Entry" = ri;\n}' },
    { name: 'trap: execute rights only', path: P, code: 'codeunit 60104 "FAB Fee Run"\n{\n    Permissions = codeunit "Gen. Jnl.-Post Line" = X;\n}' },
    { name: 'trap: a permission set is another rule', path: 'app/src/Perm.PermissionSet.al', code: 'permissionset 60105 "FAB FEES"\n{\n    Permissions = tabledata "G/L Entry" = RIMD;\n}' },
  ],
  invalid: [
    {
      name: 'codeunit modifies and deletes ledger entries, one finding for the property',
      path: P,
      code: 'codeunit 60110 "FAB Fee Correction"\n{\n    Access = Public;\n    Permissions = tabledata "Cust. Ledger Entry" = RIMD,\n                  tabledata "Detailed Cust. Ledg. Entry" = RIMD,\n                  TableData "Value Entry" = M;\n}',
      errors: [{ line: 4, message: 'Cust. Ledger Entry' }],
    },
    {
      name: 'page deletes posted invoices, lower-case letters count too',
      path: 'app/src/Fees.Page.al',
      code: 'page 60111 "FAB Posted Fees"\n{\n    PageType = List;\n    Permissions = tabledata "Sales Invoice Header" = rd;\n}',
      errors: [{ line: 4, message: 'delete' }],
    },
    {
      name: 'report writes every table',
      path: 'app/src/Cleanup.Report.al',
      code: 'report 60112 "FAB Cleanup"\n{\n    Permissions = tabledata * = RIMD;\n}',
      errors: [{ line: 3, message: 'every table' }],
    },
    {
      name: 'posted document table by prefix',
      path: P,
      code: 'codeunit 60113 "FAB Fix Shipments"\n{\n    permissions = tabledata "Posted Whse. Shipment Header" = m;\n}',
      errors: [{ line: 3 }],
    },
  ],
});
