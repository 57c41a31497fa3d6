import { defineRule } from '../../server/src/core/rule';
import { attrValue, descendants, localName, type XmlElement } from '../../server/src/parsers/xml';

/**
 * Privileges that administer security, code or customizations, dangerous at any depth: they let
 * the holder raise their own access (roles, users, field permissions), act as anyone
 * (impersonation), run code in the platform (plug-ins, steps), read plug-in secrets, change
 * organisation settings (auditing) or erase data and audit history in bulk. Exact names,
 * compared case-insensitively (Learn: "Privileges not associated with an entity", the
 * security role UI to privilege mapping).
 */
const ADMIN_PRIVILEGES: Record<string, string> = {
  prvactonbehalfofanotheruser: 'impersonate any user (CallerId)',
  prvassignrole: 'assign security roles, including to itself',
  prvcreaterole: 'create security roles',
  prvwriterole: 'change security roles',
  prvdeleterole: 'delete security roles',
  prvcreateuser: 'create users',
  prvbulkdelete: 'bulk-delete records across the organisation',
  prvreadsdkmessageprocessingstepsecureconfig: "read plug-in steps' secure configuration",
  prvcreatepluginassembly: 'upload plug-in code',
  prvwritepluginassembly: 'replace plug-in code',
  prvcreateplugintype: 'register plug-in types',
  prvcreatesdkmessageprocessingstep: 'register plug-in steps (run code on any message)',
  prvwritesdkmessageprocessingstep: 'change plug-in steps (run code on any message)',
  prvcreatefieldpermission: 'grant field-level security permissions',
  prvwritefieldpermission: 'change field-level security permissions',
  prvcreatefieldsecurityprofile: 'create field security profiles',
  prvwritefieldsecurityprofile: 'change field security profiles',
  prvwriteorganization: 'change organisation settings, auditing included',
  prvdeleteauditpartitions: 'delete audit history',
  prvdeleterecordchangehistory: 'delete audit history of records',
  prvimportcustomization: 'import customizations',
  prvpublishcustomization: 'publish customizations',
  prvcreateentity: 'create tables',
  prvwriteentity: 'change table definitions (auditing, security)',
  prvdeleteentity: 'delete tables',
  prvwriteattribute: 'change column definitions (field security, auditing)',
  prvdeleteattribute: 'delete columns',
  prvcreatecustomization: 'create customizations',
  prvwritecustomization: 'change customizations',
  prvdeletecustomization: 'delete customizations',
  prvwriteenvironmentvariabledefinition: 'change environment variable definitions',
  prvbypasscustomplugins: 'bypass custom plug-in logic',
  prvbypasscustombusinesslogic: 'bypass custom business logic',
};

/**
 * Tables whose records belong to one user's own preferences: organisation-wide delete of saved
 * views or personal settings is housekeeping, not a data-destruction risk.
 */
const PERSONAL_TABLES = new Set([
  'userquery', 'userqueryvisualization', 'usersettings', 'userform', 'userentityuisettings', 'userentityinstancedata',
  'personaldocumenttemplate', 'userapplicationmetadata', 'usermapping', 'recentlyused', 'post', 'postcomment', 'postlike',
]);

const DEPTH_TEXT: Record<string, string> = { basic: 'User', local: 'Business Unit', deep: 'Parent: Child Business Units', global: 'Organization' };

/** Why a privilege at a level is over-broad, or undefined. */
export function privilegeRisk(name: string, level: string): string | undefined {
  const n = name.toLowerCase();
  const admin = ADMIN_PRIVILEGES[n];
  if (admin) return `${name} lets the role ${admin}`;
  if (level.toLowerCase() !== 'global') return undefined;
  const m = /^prv(delete|assign|share)(.+)$/i.exec(name);
  if (!m) return undefined;
  const table = m[2]!;
  if (PERSONAL_TABLES.has(table.toLowerCase())) return undefined;
  const verb = m[1]!.toLowerCase();
  const what = verb === 'delete' ? 'delete' : verb === 'assign' ? 'reassign the owner of' : 'share with anyone';
  return `${name} at Global (Organization) depth lets every holder ${what} every ${table} record of the organisation`;
}

export default defineRule({
  meta: {
    code: 'D365P001',
    name: 'role-overbroad-privilege',
    category: 'overbroad-privilege',
    severity: 'warning',
    kinds: ['xml'],
    exampleLanguage: 'xml',
    docs: {
      summary:
        'Finds security roles that grant administrative privileges (assign roles, create users, impersonate, register plug-ins, bulk delete, customize) or organisation-wide (Global) Delete, Assign or Share on business tables.',
      why:
        'A role is assigned to many users. Administrative privileges let any of them escalate to System Administrator, act as other users or run code; Global delete, assign or share lets one compromised or careless account destroy, take over or leak every record of a table.',
      bad: '<RolePrivilege name="prvAssignRole" level="Global" />\n<RolePrivilege name="prvDeletepfx_Claim" level="Global" />',
      good: '<RolePrivilege name="prvReadRole" level="Global" />\n<RolePrivilege name="prvDeletepfx_Claim" level="Basic" />',
      fix: 'Remove the administrative privilege from business roles (keep it in a separately assigned admin role), and lower Delete / Assign / Share to the depth the job needs (User or Business Unit).',
      traps: 'Global Read or Write of ordinary tables, Read of roles or customizations, Delete at User / Business Unit / Deep depth, privileges on personal tables (saved views, user settings), names that only start like an admin privilege (prvCreateUserQuery).',
      references: ['https://learn.microsoft.com/power-platform/admin/security-roles-privileges'],
    },
  },
  create(ctx) {
    return {
      xml(doc) {
        if (doc.role !== 'role' && doc.role !== 'customizations') return;
        const root = doc.root!;
        const roles: XmlElement[] = localName(root.name).toLowerCase() === 'role' ? [root] : descendants(root, 'Role');
        for (const role of roles) {
          const roleName = attrValue(role, 'name') ?? '(unnamed role)';
          for (const p of descendants(role, 'RolePrivilege')) {
            const name = attrValue(p, 'name');
            const level = attrValue(p, 'level') ?? '';
            if (!name) continue;
            const risk = privilegeRisk(name, level);
            if (!risk) continue;
            const depth = DEPTH_TEXT[level.toLowerCase()] ?? level;
            ctx.report({
              span: p.span,
              message: `Role "${roleName}": ${risk}${depth ? ` (depth ${depth})` : ''}. Grant it only to a dedicated administrator role.`,
              key: `role:${roleName}/${name}`,
            });
          }
        }
      },
    };
  },
});
