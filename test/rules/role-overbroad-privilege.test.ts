import rule from '../../rules/overbroad-privilege/role-overbroad-privilege';
import { testRule } from '../rule-tester';

const manifest = '<ImportExportXml><SolutionManifest><UniqueName>Core</UniqueName></SolutionManifest></ImportExportXml>';
const role = (privs: [string, string][]): string =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Role',
    '  id="{171c4f46-0338-ef11-a81c-000d3ab4e7f0}"',
    '  name="Claims Clerk">',
    '  <IsCustomizable>1</IsCustomizable>',
    '  <RolePrivileges>',
    ...privs.map(([n, l]) => `    <RolePrivilege\r\n      name="${n}"\r\n      level="${l}" />`),
    '  </RolePrivileges>',
    '</Role>',
  ].join('\r\n');
const at = (code: string) => ({ files: { 'sol/Roles/Claims Clerk.xml': code, 'sol/Other/Solution.xml': manifest } });

testRule(rule, {
  valid: [{ name: 'ordinary clerk role', ...at(role([['prvReadcnt_Claim', 'Deep'], ['prvWritecnt_Claim', 'Local'], ['prvCreatecnt_Claim', 'Basic']])) }],
  traps: [
    { name: 'trap: Global read of roles and accounts', ...at(role([['prvReadRole', 'Global'], ['prvReadAccount', 'Global'], ['prvReadCustomization', 'Global']])) },
    { name: 'trap: Global write of business table', ...at(role([['prvWritecnt_Claim', 'Global']])) },
    { name: 'trap: delete at Basic, Local and Deep', ...at(role([['prvDeleteContact', 'Basic'], ['prvDeletecnt_Policy', 'Local'], ['prvDeleteAccount', 'Deep']])) },
    { name: 'trap: saved views are personal', ...at(role([['prvCreateUserQuery', 'Basic'], ['prvDeleteUserQuery', 'Global']])) },
  ],
  invalid: [
    {
      name: 'assign role and global delete',
      ...at(role([['prvAppendContact', 'Basic'], ['prvAssignRole', 'Global'], ['prvDeletecnt_Claim', 'Global']])),
      errors: [{ line: 10, message: 'prvAssignRole' }, { line: 13, message: /Global.*delete/ }],
    },
    {
      name: 'impersonation, user creation and global share',
      ...at(role([['prvActOnBehalfOfAnotherUser', 'Global'], ['prvcreateuser', 'Global'], ['prvShareAccount', 'Global']])),
      errors: [{ line: 7 }, { line: 10 }, { line: 13 }],
    },
    {
      name: 'roles inline in Customizations.xml',
      files: {
        'sol/Other/Customizations.xml': '<ImportExportXml>\n<Roles>\n<Role name="Ops">\n<RolePrivileges>\n<RolePrivilege name="prvBulkDelete" level="Global" />\n</RolePrivileges>\n</Role>\n</Roles>\n</ImportExportXml>',
        'sol/Other/Solution.xml': manifest,
      },
      errors: [{ line: 5 }],
    },
  ],
});
