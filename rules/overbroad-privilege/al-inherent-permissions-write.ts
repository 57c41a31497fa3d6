import { defineRule } from '../../server/src/core/rule';
import { prop } from '../../server/src/parsers/al';

const WRITE = /[IMD]/;

export default defineRule({
  meta: {
    code: 'D365P022',
    name: 'al-inherent-permissions-write',
    category: 'overbroad-privilege',
    severity: 'warning',
    kinds: ['al'],
    exampleLanguage: 'al',
    docs: {
      summary:
        'Finds AL tables (and other objects) whose `InherentPermissions` or `InherentEntitlements` grant direct insert, modify or delete (`InherentPermissions = RIMD`), and `[InherentPermissions]` attributes that do the same on table data.',
      why:
        'Inherent permissions are granted to every user without any permission set (runtime 10.0+). `RIMD` on a table makes its data writable and deletable by everyone in the tenant who can reach it through any page, API or code path: the permission sets of the extension no longer decide who may change it.',
      bad: 'table 50100 "PFX Partner"\n{\n    InherentPermissions = RIMD;\n}',
      good: 'table 50100 "PFX Partner"\n{\n    // granted by the "PFX PARTNER EDIT" permission set instead\n    InherentPermissions = X;\n}',
      fix: 'Keep InherentPermissions to execute (X) or, for data every user must read, R; grant insert, modify and delete through an assignable permission set for the roles that need them.',
      traps: 'Execute-only inherent permissions (`InherentPermissions = X`), read-only `R` / `RX`, indirect lower-case letters (`rimdX`) that only code with the permission can use, and execute-only InherentEntitlements.',
      references: ['https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/properties/devenv-inherentpermissions-property'],
    },
  },
  create(ctx) {
    return {
      al(doc) {
        for (const o of doc.objects) {
          // InherentPermissions grant the rights; InherentEntitlements grant them license-wide (formats.md §15.4).
          for (const ip of [prop(o.properties, 'InherentPermissions'), prop(o.properties, 'InherentEntitlements')]) {
            if (!ip || !WRITE.test(ip.value.replace(/[^A-Za-z]/g, ''))) continue;
            ctx.report({
              span: ip.span,
              message: `${o.type} "${o.name}" grants ${ip.name} = ${ip.value.trim()}: every user can ${o.type === 'table' ? 'insert, change and delete its records' : 'use these rights'} without any permission set. Grant write rights through a permission set.`,
              key: `${o.name}|${ip.lower}|${ip.value}`,
            });
          }
          // [InherentPermissions(PermissionObjectType::TableData, Database::"X", 'RIMD')] on procedures
          for (const r of [...o.procedures, ...o.triggers]) {
            for (const a of r.attributes) {
              if (a.lower !== 'inherentpermissions') continue;
              const m = /tabledata\s*,\s*database\s*::\s*("[^"]*"|\w+)\s*,\s*'([A-Za-z]+)'/i.exec(a.args);
              if (!m || !WRITE.test(m[2]!)) continue;
              ctx.report({
                span: a.span,
                message: `Procedure ${r.name} grants '${m[2]}' on ${m[1]} inherently to every caller. Grant write rights through a permission set.`,
                key: `${o.name}|${r.name}|${m[1]}|${m[2]}`,
              });
            }
          }
        }
      },
    };
  },
});
