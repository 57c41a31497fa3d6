import rule from '../../rules/audit-disabled/script-disables-auditing';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    { name: 'updates an unrelated column', path: 'web/admin.ts', code: 'await Xrm.WebApi.updateRecord("organization", id, { maxuploadfilesize: 10485760 });' },
    { name: 'no audit change at all', path: 'web/a.js', code: 'Xrm.WebApi.updateRecord("account", id, { name: "Contoso" });' },
  ],
  traps: [
    { name: 'trap: switches auditing on', path: 'web/admin.ts', code: 'await Xrm.WebApi.updateRecord("organization", orgId(), { isauditenabled: true });' },
    { name: 'trap: displays the flag', path: 'web/admin.ts', code: 'const org = await Xrm.WebApi.retrieveRecord("organization", id, "?$select=isauditenabled");\nconst audit = org.isauditenabled ? "on" : "off";' },
    { name: 'trap: compares the flag', path: 'web/admin.js', code: 'if (org.isauditenabled === false) { warn(); }' },
    { name: 'trap: metadata audit off on a non-sensitive column', path: 'tools/meta.js', code: 'fetch(base + "/api/data/v9.2/EntityDefinitions(LogicalName=\'account\')/Attributes(LogicalName=\'pfx_searchname\')", {\n  method: "PUT",\n  body: JSON.stringify({ IsAuditEnabled: { Value: false } })\n});' },
  ],
  invalid: [
    { name: 'organization auditing off through Xrm.WebApi', path: 'web/admin.ts', code: 'export async function load(): Promise<void> {\n  await Xrm.WebApi.updateRecord("organization", orgId(), { isauditenabled: false });\n}', errors: [{ line: 2 }] },
    { name: 'the same PATCH through fetch', path: 'web/admin.js', code: 'fetch(url + "/api/data/v9.2/organizations(" + id + ")", {\n  method: "PATCH",\n  body: JSON.stringify({\n    isauditenabled: false\n  })\n});', errors: [{ line: 4 }] },
    { name: 'flag set on an entity object', path: 'web/admin.js', code: 'var org = {};\norg["isauditenabled"] = false;\nXrm.WebApi.updateRecord("organization", id, org);', errors: [{ line: 2 }] },
    { name: 'metadata audit off on a sensitive column', path: 'tools/meta.js', code: 'fetch(base + "/api/data/v9.2/EntityDefinitions(LogicalName=\'contact\')/Attributes(LogicalName=\'pfx_medicalnotes\')", {\n  method: "PUT",\n  body: JSON.stringify({ IsAuditEnabled: { Value: false } })\n});', errors: [{ line: 3 }] },
  ],
});
