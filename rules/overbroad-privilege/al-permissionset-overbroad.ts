import { defineRule } from '../../server/src/core/rule';
import { tableIsSensitive } from '../../server/src/model/al';
import { parsePermissionEntries, prop, type AlPermissionEntry } from '../../server/src/parsers/al';
import { LEDGER_TABLE } from './al-elevated-object-permissions';

/**
 * Permission sets that hold every right in the tenant (formats.md §15.3): SUPER ("This role has all
 * permissions"), SUPER (DATA), SECURITY (manage users and permissions) and D365 FULL ACCESS (which
 * includes SECURITY). Compared without case and spaces.
 */
const SUPERUSER_SETS = new Map([
  ['super', 'SUPER grants every permission on every object'],
  ['superdata', 'SUPER (DATA) grants every right on all table data'],
  ['security', 'SECURITY lets the holder assign permission sets and manage users, including itself'],
  ['d365fullaccess', 'D365 FULL ACCESS includes SECURITY and full data access'],
]);

const compact = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export default defineRule({
  meta: {
    code: 'D365P020',
    name: 'al-permissionset-overbroad',
    category: 'overbroad-privilege',
    severity: 'warning',
    kinds: ['al'],
    exampleLanguage: 'al',
    docs: {
      summary:
        'Finds assignable AL permission sets (and permission set extensions) that grant direct insert, modify or delete on all table data (`tabledata * = RIMD`), direct modify or delete on posted and ledger tables, or include a superuser set (SUPER, SUPER (DATA), SECURITY, D365 FULL ACCESS); and permission set extensions of a set every user holds (D365 BASIC, D365 READ, LOGIN) that add direct modify or delete on a table of sensitive data.',
      why:
        'A permission set is assigned to many users. `tabledata *` with write rights lets every holder change or delete any record in the company, posted ledgers and setup included; including SUPER or SECURITY lets them grant themselves anything. One compromised or careless account then reaches everything.',
      bad: 'permissionset 50100 "PFX CLERK"\n{\n    Assignable = true;\n    Permissions = tabledata * = RIMD;\n}',
      good: 'permissionset 50100 "PFX CLERK"\n{\n    Assignable = true;\n    IncludedPermissionSets = "D365 BASIC";\n    Permissions = tabledata "PFX Claim" = RIMD,\n                  tabledata "PFX Setup" = R;\n}',
      fix: 'List the extension\'s own tables with the rights each job needs and include the standard D365 sets for base-application data. Keep SUPER and SECURITY in separately assigned administrator sets.',
      traps:
        'Non-assignable sets (`Assignable = false`) that code includes for its own objects, read-only `tabledata * = R` (the pattern of D365 READ), indirect lower-case `rimd` on `*` (usable only through code that has the permission), execute-only `codeunit * = X`, RIMD on the extension\'s own tables, and read or indirect rights on ledgers.',
      references: ['https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/devenv-permissionset-object'],
    },
  },
  create(ctx) {
    return {
      al(doc) {
        for (const o of doc.objects) {
          if (o.type !== 'permissionset' && o.type !== 'permissionsetextension') continue;
          // An extension adds to a set that users are assigned, so it counts as assignable.
          if (o.type === 'permissionset' && /^false$/i.test(prop(o.properties, 'Assignable')?.value ?? '')) continue;
          const inc = prop(o.properties, 'IncludedPermissionSets');
          if (inc) {
            const names = inc.value.split(',').map((s) => s.trim().replace(/^"(.*)"$/s, '$1'));
            const hit = names.find((n) => SUPERUSER_SETS.has(compact(n)));
            // A non-assignable set of the project that grants all table data reaches users through this include.
            const viaInternal = hit
              ? undefined
              : ctx.model.al.permissionSets.find(
                  (ps) => !ps.assignable && names.some((n) => compact(n) === compact(ps.name)) && ps.entries.some((e) => e.objectType === 'tabledata' && e.objectName === '*' && /[IMD]/.test(e.rights)),
                );
            if (hit) {
              ctx.report({
                span: inc.span,
                message: `Permission set "${o.name}" includes ${hit}: ${SUPERUSER_SETS.get(compact(hit))}. Every user assigned "${o.name}" gets it.`,
                key: `${o.name}|include|${compact(hit)}`,
              });
            } else if (viaInternal) {
              ctx.report({
                span: inc.span,
                message: `Permission set "${o.name}" includes the non-assignable set "${viaInternal.name}", which grants write rights on all table data (tabledata *): every user assigned "${o.name}" gets them.`,
                key: `${o.name}|include|${compact(viaInternal.name)}`,
                related: [{ path: viaInternal.path, span: viaInternal.span, message: `${viaInternal.name} grants tabledata *` }],
              });
            }
          }
          const perms = prop(o.properties, 'Permissions');
          if (!perms) continue;
          // One finding per property, at the first over-broad grant: all table data, or direct
          // modify / delete on posted and ledger tables (standard sets grant those read-only).
          let why: string | undefined;
          const hit = parsePermissionEntries(perms).find((e: AlPermissionEntry) => {
            if (e.objectType !== 'tabledata') return false;
            if (e.objectName === '*' && /[IMD]/.test(e.rights)) {
              why = `grants ${e.rights.replace(/[^RIMD]/g, '')} on all table data (tabledata * = ${e.rights}): every holder can change or delete any record, ledgers and setup included. List the tables the job needs.`;
              return true;
            }
            if (e.objectName !== '*' && LEDGER_TABLE.test(e.objectName) && /[MD]/.test(e.rights)) {
              why = `grants direct ${e.rights.replace(/[^MD]/g, '')} on the posted / ledger table "${e.objectName}": every holder can rewrite or delete entries outside posting. Grant R (or indirect rimd for posting code).`;
              return true;
            }
            return false;
          });
          if (hit && why) {
            ctx.report({ span: hit.span, message: `Permission set "${o.name}" ${why}`, key: `${o.name}|${hit.objectName}|${hit.rights}` });
            continue;
          }
          // An extension of a set that every user holds (D365 BASIC, D365 READ, LOGIN) hands its
          // grants to the whole tenant: direct write on a table of sensitive data is for everyone.
          if (o.type === 'permissionsetextension' && o.extends && EVERYONE_SETS.has(compact(o.extends))) {
            const wide = parsePermissionEntries(perms).find((e: AlPermissionEntry) => e.objectType === 'tabledata' && e.objectName !== '*' && /[MD]/.test(e.rights) && tableIsSensitive(ctx.model.al, e.objectName) === true);
            if (wide) {
              ctx.report({
                span: wide.span,
                message: `Permission set extension "${o.name}" adds direct ${wide.rights.replace(/[^RIMD]/g, '')} on "${wide.objectName}", a table of sensitive data, to ${o.extends}, which every user holds: anyone in the tenant can change or delete those records. Grant it in an assignable set of the roles that need it.`,
                key: `${o.name}|everyone|${wide.objectName}`,
              });
            }
          }
        }
      },
    };
  },
});

/** Standard sets every licensed user gets: what extends them, everyone has. */
const EVERYONE_SETS = new Set(['d365basic', 'd365basicisv', 'd365read', 'login']);
