import rule from '../../rules/hidden-sensitive-field/script-hides-sensitive-column';
import { testRule } from '../rule-tester';

/** A minimal unpacked solution: the manifest makes the layout see a solution, Entity.xml defines the column. */
function entity(table: string, column: string, secured: 0 | 1, display = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<Entity>
  <Name LocalizedName="${table}">${table}</Name>
  <EntityInfo>
    <entity Name="${table}">
      <attributes>
        <attribute PhysicalName="${column}">
          <Type>nvarchar</Type>
          <Name>${column}</Name>
          <LogicalName>${column}</LogicalName>
          <IsSecured>${secured}</IsSecured>
          <displaynames><displayname description="${display}" languagecode="1033" /></displaynames>
        </attribute>
      </attributes>
    </entity>
  </EntityInfo>
</Entity>`;
}
const MANIFEST = '<ImportExportXml><SolutionManifest><UniqueName>Core</UniqueName></SolutionManifest></ImportExportXml>';

testRule(rule, {
  valid: [
    {
      name: 'shows the column',
      path: 'web/contact.js',
      code: 'function onLoad(ctx) {\n  var fc = ctx.getFormContext();\n  fc.getControl("pfx_iban").setVisible(true);\n}',
    },
    {
      name: 'unlocks a pricing column',
      path: 'web/policy.js',
      code: 'function onLoad(ctx) {\n  ctx.getFormContext().getControl("pfx_discount").setDisabled(false);\n}',
    },
  ],
  traps: [
    { name: 'trap: hides a non-sensitive column for layout', path: 'web/contact.js', code: 'function onLoad(ctx) {\n  ctx.getFormContext().getControl("address1_line3").setVisible(false);\n}' },
    { name: 'trap: locks an autonumber column', path: 'web/policy.js', code: 'function onLoad(ctx) {\n  ctx.getFormContext().getControl("pfx_policynumber").setDisabled(true);\n}' },
    { name: 'trap: hides an isolated key id, not the key', path: 'web/setup.js', code: 'function onLoad(ctx) {\n  ctx.getFormContext().getControl("pfx_apikeyid").setVisible(false);\n}' },
    {
      name: 'trap: hides a column the solution secures',
      files: {
        'web/setting.ts': 'export function onLoad(ctx: Xrm.Events.EventContext): void {\n  ctx.getFormContext().getControl<Xrm.Controls.StringControl>("pfx_apikey")?.setVisible(false);\n}',
        'solution/Other/Solution.xml': MANIFEST,
        'solution/Entities/pfx_Setting/Entity.xml': entity('pfx_setting', 'pfx_apikey', 1),
      },
    },
    { name: 'trap: hides a tab (its columns come from the form XML)', path: 'web/contact.js', code: 'function onLoad(ctx) {\n  ctx.getFormContext().ui.tabs.get("finance").setVisible(false);\n}' },
    { name: 'trap: commented-out hide', path: 'web/contact.js', code: 'function onLoad(ctx) {\n  // ctx.getFormContext().getControl("pfx_iban").setVisible(false);\n}' },
  ],
  invalid: [
    {
      name: 'hides an IBAN after a role check',
      path: 'web/contact.js',
      code: 'function onLoad(ctx) {\n  var fc = ctx.getFormContext();\n  if (!Shared.userHasRole("Back Office")) {\n    fc.getControl("pfx_iban").setVisible(false);\n  }\n}',
      errors: [{ line: 4, message: 'role check' }],
    },
    {
      name: 'role-dependent visibility in TypeScript',
      path: 'web/claim.ts',
      code: 'export function onLoad(ctx: Xrm.Events.EventContext): void {\n  const fc = ctx.getFormContext();\n  const isAdjuster = userHasRole("Claims Adjuster");\n  fc.getControl<Xrm.Controls.StringControl>("pfx_medicalnotes")?.setVisible(isAdjuster);\n}\nfunction userHasRole(n: string): boolean {\n  return Xrm.Utility.getGlobalContext().userSettings.roles.get().some((r) => r.name === n);\n}',
      errors: [{ line: 4, message: 'for some users' }],
    },
    {
      name: 'legacy Xrm.Page with a column the solution leaves unsecured',
      files: {
        'solution/WebResources/pfx_/scripts/contact.js': 'function Contact_OnLoad() {\n  if (!Contact_HasRole("c05d8a74-e361-f011-8544-000d3a2b7c91")) {\n    Xrm.Page.getControl("pfx_taxref").setVisible(false);\n  }\n}',
        'solution/Other/Solution.xml': MANIFEST,
        'solution/Entities/Contact/Entity.xml': entity('contact', 'pfx_taxref', 0, 'Tax ID'),
      },
      errors: [{ line: 3 }],
    },
    {
      name: 'every control of the attribute, through forEach',
      path: 'web/contact.js',
      code: 'function onLoad(ctx) {\n  var fc = ctx.getFormContext();\n  fc.getAttribute("pfx_bankaccountnumber").controls.forEach(function (c) {\n    c.setVisible(false);\n  });\n}',
      errors: [{ line: 4 }],
    },
    {
      name: 'control kept in a variable, header copy',
      path: 'web/contact.js',
      code: 'function onLoad(ctx) {\n  var ctl = ctx.getFormContext().getControl("header_pfx_salary");\n  ctl.setVisible(false);\n}',
      errors: [{ line: 3 }],
    },
    {
      name: 'locks a premium in the form only',
      path: 'web/policy.js',
      code: 'function onLoad(ctx) {\n  if (!Shared.userHasRole("Underwriting Manager")) {\n    ctx.getFormContext().getControl("pfx_premium").setDisabled(true);\n  }\n}',
      errors: [{ line: 3, message: 'read-only' }],
    },
    {
      name: 'locks personal data in the form only (optional call, TS generics)',
      path: 'web/claim.ts',
      code: 'export function onLoad(ctx: Xrm.Events.EventContext): void {\n  const fc = ctx.getFormContext();\n  fc.getControl<Xrm.Controls.StandardControl>("pfx_nationalid")?.setDisabled(true);\n}',
      errors: [{ line: 3, message: 'read-only' }],
    },
    {
      name: 'a wrapper reported where it names the column',
      path: 'web/helpers.js',
      code: 'function hide(fc, name) {\n  fc.getControl(name).setVisible(false);\n}\nfunction onLoad(ctx) {\n  hide(ctx.getFormContext(), "pfx_passportnumber");\n}',
      errors: [{ line: 5 }],
    },
    {
      name: 'an array of columns',
      path: 'web/contact.js',
      code: 'var FINANCE = ["pfx_iban", "pfx_city"];\nfunction onLoad(ctx) {\n  var fc = ctx.getFormContext();\n  FINANCE.forEach(function (n) { fc.getControl(n).setVisible(false); });\n}',
      errors: [{ line: 4 }],
    },
  ],
});
