import rule from '../../rules/hidden-sensitive-field/form-hidden-sensitive-column';
import { testRule } from '../rule-tester';

const manifest = '<ImportExportXml><SolutionManifest><UniqueName>Core</UniqueName></SolutionManifest></ImportExportXml>';

const entity = (cols: { name: string; display: string; secured?: boolean }[]): string =>
  [
    '<Entity>',
    '  <Name LocalizedName="Contact">Contact</Name>',
    '  <EntityInfo>',
    '    <entity Name="Contact">',
    '      <attributes>',
    ...cols.map(
      (c) =>
        `        <attribute PhysicalName="${c.name}">\n          <LogicalName>${c.name.toLowerCase()}</LogicalName>\n          <IsSecured>${c.secured ? 1 : 0}</IsSecured>\n          <displaynames><displayname description="${c.display}" languagecode="1033" /></displaynames>\n        </attribute>`,
    ),
    '      </attributes>',
    '    </entity>',
    '  </EntityInfo>',
    '</Entity>',
  ].join('\n');

const FORM = 'sol/Entities/Contact/FormXml/main/{98303135-26ac-f011-8544-000d3a2b7c91}.xml';
const ENTITY = 'sol/Entities/Contact/Entity.xml';
const cell = (column: string, opts: { visible?: string; disabled?: string } = {}): string =>
  [
    '<row>',
    '  <cell',
    '    id="{b4fe287c-4a9d-475c-99fc-705069baf8ae}"',
    '    showlabel="true"' + (opts.visible ? `\n    visible="${opts.visible}"` : '') + '>',
    `    <labels><label description="${column}" languagecode="1033" /></labels>`,
    '    <control',
    `      id="${column}"`,
    '      classid="{4273EDBD-AC1D-40d3-9FB2-095C621B552D}"',
    `      datafieldname="${column}"`,
    `      disabled="${opts.disabled ?? 'false'}" />`,
    '  </cell>',
    '</row>',
  ].join('\r\n');
const form = (rows: string, sectionVisible?: string): string =>
  [
    '<forms><systemform><form><tabs><tab name="general"><columns><column><sections>',
    `<section name="s1"${sectionVisible ? ` visible="${sectionVisible}"` : ''}>`,
    '<rows>',
    rows,
    '</rows></section></sections></column></columns></tab></tabs></form></systemform></forms>',
  ].join('\r\n');

const cols = [
  { name: 'cnt_NationalId', display: 'National ID' },
  { name: 'cnt_PreferredName', display: 'Preferred Name' },
  { name: 'cnt_CreditScore', display: 'Credit Score', secured: true },
  { name: 'cnt_DiscountPercent', display: 'Discount (%)' },
  { name: 'cnt_Iban', display: 'IBAN' },
];
const files = (f: string) => ({ 'sol/Other/Solution.xml': manifest, [ENTITY]: entity(cols), [FORM]: f });
const formFirst = (f: string) => ({ [FORM]: f, 'sol/Other/Solution.xml': manifest, [ENTITY]: entity(cols) });

testRule(rule, {
  valid: [
    { name: 'sensitive column shown and editable', files: files(form(cell('cnt_nationalid'))) },
    { name: 'hidden form outside an unpacked solution is not a form', path: 'docs/form.xml', code: form(cell('cnt_nationalid', { visible: 'false' })) },
  ],
  traps: [
    { name: 'trap: hidden non-sensitive column is layout', files: files(form(cell('cnt_preferredname', { visible: 'false' }))) },
    { name: 'trap: hidden secured column', files: files(form(cell('cnt_creditscore', { visible: 'false' }))) },
    {
      name: 'trap: hidden column secured by a field security profile only',
      files: {
        ...files(form(cell('cnt_iban', { visible: 'false' }))),
        'sol/Other/FieldSecurityProfiles.xml':
          '<FieldSecurityProfiles><FieldSecurityProfile name="Finance"><FieldPermissions><FieldPermission><EntityName>contact</EntityName><AttributeName>cnt_iban</AttributeName><CanRead>4</CanRead></FieldPermission></FieldPermissions></FieldSecurityProfile></FieldSecurityProfiles>',
      },
    },
    { name: 'trap: visible="true" is shown', files: files(form(cell('cnt_nationalid', { visible: 'true' }))) },
  ],
  invalid: [
    {
      name: 'hidden cell with an unsecured national id',
      files: formFirst(form(cell('cnt_nationalid', { visible: 'false' }))),
      errors: [{ line: 5, message: /cnt_nationalid.*Web API/ }],
    },
    {
      name: 'pricing control locked on the form only',
      files: formFirst(form(cell('cnt_discountpercent', { disabled: 'true' }))),
      errors: [{ line: 13, message: 'writable' }],
    },
    {
      name: 'personal data read-only on the form only',
      files: formFirst(form(cell('cnt_nationalid', { disabled: 'true' }))),
      errors: [{ line: 13, message: 'read-only' }],
    },
    {
      name: 'hidden section reports once at the section for all its sensitive columns',
      files: formFirst(form([cell('cnt_nationalid'), cell('cnt_iban'), cell('cnt_preferredname')].join('\r\n'), 'false')),
      errors: [{ line: 2 }],
    },
  ],
});
