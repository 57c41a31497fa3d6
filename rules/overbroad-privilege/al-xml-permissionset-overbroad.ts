import { defineRule } from '../../server/src/core/rule';
import { attrValue, childText, descendants, localName } from '../../server/src/parsers/xml';

/**
 * Base-application ledger and posted-document tables by id (the XML format names objects by id):
 * G/L Entry, Cust./Vendor/Item/Bank Account Ledger Entry, G/L Register, VAT Entry, detailed ledger
 * entries, Value Entry, posted sales and purchase invoices and credit memos.
 */
const LEDGER_IDS = new Map([
  ['17', 'G/L Entry'], ['21', 'Cust. Ledger Entry'], ['25', 'Vendor Ledger Entry'], ['32', 'Item Ledger Entry'], ['45', 'G/L Register'],
  ['112', 'Sales Invoice Header'], ['114', 'Sales Cr.Memo Header'], ['122', 'Purch. Inv. Header'], ['124', 'Purch. Cr. Memo Hdr.'],
  ['254', 'VAT Entry'], ['271', 'Bank Account Ledger Entry'], ['379', 'Detailed Cust. Ledg. Entry'], ['380', 'Detailed Vendor Ledg. Entry'], ['5802', 'Value Entry'],
]);

/** 1 (or Yes) is a direct permission; 2 (Indirect) only through code that has it. */
const direct = (v: string | undefined): boolean => v !== undefined && /^(1|yes)$/i.test(v.trim());

export default defineRule({
  meta: {
    code: 'D365P023',
    name: 'al-xml-permissionset-overbroad',
    category: 'overbroad-privilege',
    severity: 'warning',
    kinds: ['xml'],
    exampleLanguage: 'xml',
    docs: {
      summary:
        'Finds legacy XML permission sets of a Business Central extension (`<PermissionSets><PermissionSet RoleID=...>`) that grant direct insert, modify or delete on all table data (ObjectType 0 / TableData with ObjectID 0) or direct modify / delete on ledger and posted-document tables.',
      why:
        'XML permission sets are assignable like AL ones. Object ID 0 means every table: a user holding the set can change or delete any record of the company. Modify or delete on ledger entries lets users rewrite the books outside posting. The XML format is also deprecated (AppSourceCop AS0094).',
      bad: '<Permission><ObjectType>0</ObjectType><ObjectID>0</ObjectID><ReadPermission>1</ReadPermission><InsertPermission>1</InsertPermission><ModifyPermission>1</ModifyPermission><DeletePermission>1</DeletePermission></Permission>',
      good: 'permissionset 50100 "PFX CLERK"\n{\n    Assignable = true;\n    Permissions = tabledata "PFX Claim" = RIMD;\n}',
      fix: 'Convert the XML permission set to an AL permissionset object and list the tables the job needs; grant ledgers read-only (or indirect for posting code).',
      traps: 'Read-only or indirect (2) permissions on all tables, RIMD on the extension\'s own tables, execute permissions on objects, and XML files that are not permission sets.',
      references: ['https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/analyzers/appsourcecop-as0094'],
    },
  },
  create(ctx) {
    return {
      xml(doc) {
        const root = doc.root;
        if (!root || localName(root.name).toLowerCase() !== 'permissionsets') return;
        for (const set of descendants(root, 'PermissionSet')) {
          const role = attrValue(set, 'RoleID') ?? '(unnamed)';
          for (const p of descendants(set, 'Permission')) {
            const type = (childText(p, 'ObjectType') ?? '').toLowerCase();
            if (type !== '0' && type !== 'tabledata') continue;
            const id = (childText(p, 'ObjectID') ?? '').trim();
            const [ins, mod, del] = ['InsertPermission', 'ModifyPermission', 'DeletePermission'].map((n) => direct(childText(p, n)));
            let why: string | undefined;
            if (id === '0' && (ins || mod || del)) why = 'direct write permissions on all table data (ObjectID 0)';
            else if (LEDGER_IDS.has(id) && (mod || del)) why = `direct ${mod && del ? 'modify and delete' : mod ? 'modify' : 'delete'} on ${LEDGER_IDS.get(id)} (table ${id})`;
            if (!why) continue;
            ctx.report({ span: p.openSpan, message: `XML permission set ${role} grants ${why}: every holder can change or delete those records. List the tables the job needs in an AL permission set.`, key: `${role}|${id}` });
          }
        }
      },
    };
  },
});
