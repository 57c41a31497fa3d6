import rule from '../../rules/overbroad-privilege/al-xml-permissionset-overbroad';
import { testRule } from '../rule-tester';

const P = 'app/permissions/Fab.xml';
const perm = (type: string, id: string, r: number, i: number, m: number, d: number): string =>
  `    <Permission>\n      <ObjectType>${type}</ObjectType>\n      <ObjectID>${id}</ObjectID>\n      <ReadPermission>${r}</ReadPermission>\n      <InsertPermission>${i}</InsertPermission>\n      <ModifyPermission>${m}</ModifyPermission>\n      <DeletePermission>${d}</DeletePermission>\n    </Permission>`;
const sets = (...perms: string[]): string => `<?xml version="1.0" encoding="utf-8"?>\n<PermissionSets>\n  <PermissionSet RoleID="FAB CLERK" RoleName="Clerk">\n${perms.join('\n')}\n  </PermissionSet>\n</PermissionSets>`;

testRule(rule, {
  valid: [{ name: 'own table RIMD', path: P, code: sets(perm('0', '50100', 1, 1, 1, 1)) }],
  traps: [
    { name: 'trap: read all tables', path: P, code: sets(perm('0', '0', 1, 0, 0, 0)) },
    { name: 'trap: indirect on all tables', path: P, code: sets(perm('0', '0', 2, 2, 2, 2)) },
    { name: 'trap: ledger read and insert', path: P, code: sets(perm('0', '17', 1, 1, 0, 0)) },
    { name: 'trap: not a permission set', path: 'app/data/Fab.xml', code: '<Root><Permission><ObjectType>0</ObjectType><ObjectID>0</ObjectID><ModifyPermission>1</ModifyPermission></Permission></Root>' },
  ],
  invalid: [
    { name: 'all table data writable', path: P, code: sets(perm('1', '50100', 0, 0, 0, 0), perm('0', '0', 1, 1, 1, 1)), errors: [{ line: 12, message: 'all table data' }] },
    { name: 'delete on customer ledger entries, TableData spelled out', path: P, code: sets(perm('TableData', '21', 1, 0, 0, 1)), errors: [{ line: 4, message: 'Cust. Ledger Entry' }] },
  ],
});
