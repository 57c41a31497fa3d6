import rule from '../../rules/audit-disabled/entity-audit-disabled';
import { testRule } from '../rule-tester';

const manifest = '<ImportExportXml><SolutionManifest><UniqueName>Core</UniqueName></SolutionManifest></ImportExportXml>';
const attribute = (name: string, display: string, audit: number, opts: { secured?: boolean; custom?: boolean } = {}): string =>
  [
    '        <attribute',
    `          PhysicalName="${name}">`,
    '          <Type>nvarchar</Type>',
    `          <LogicalName>${name.toLowerCase()}</LogicalName>`,
    `          <IsCustomField>${opts.custom === false ? 0 : 1}</IsCustomField>`,
    `          <IsAuditEnabled>${audit}</IsAuditEnabled>`,
    `          <IsSecured>${opts.secured ? 1 : 0}</IsSecured>`,
    `          <displaynames><displayname description="${display}" languagecode="1033" /></displaynames>`,
    '        </attribute>',
  ].join('\r\n');
const entity = (table: string, attrs: string[], tableAudit = 1, retrieveAudit = 0): string =>
  [
    '<Entity>',
    `  <Name LocalizedName="${table}">${table}</Name>`,
    '  <EntityInfo>',
    `    <entity Name="${table}">`,
    '      <attributes>',
    ...attrs,
    '      </attributes>',
    `      <IsAuditEnabled>${tableAudit}</IsAuditEnabled>`,
    `      <IsRetrieveAuditEnabled>${retrieveAudit}</IsRetrieveAuditEnabled>`,
    '    </entity>',
    '  </EntityInfo>',
    '</Entity>',
  ].join('\r\n');
const at = (table: string, code: string) => ({ files: { [`sol/Entities/${table}/Entity.xml`]: code, 'sol/Other/Solution.xml': manifest } });

testRule(rule, {
  valid: [{ name: 'sensitive column audited', ...at('cnt_Policy', entity('cnt_Policy', [attribute('cnt_BankAccountNumber', 'Bank Account Number', 1)])) }],
  traps: [
    { name: 'trap: ordinary column not audited', ...at('cnt_Policy', entity('cnt_Policy', [attribute('cnt_LegacySystemId', 'Legacy System ID', 0)])) },
    { name: 'trap: system row version not audited', ...at('cnt_Policy', entity('cnt_Policy', [attribute('versionnumber', 'Version Number', 0, { custom: false })])) },
    { name: 'trap: reference table without auditing', ...at('cnt_Country', entity('cnt_Country', [attribute('cnt_IsoCode', 'ISO Code', 0)], 0)) },
    { name: 'trap: read auditing off is the default', ...at('cnt_Policy', entity('cnt_Policy', [attribute('cnt_Iban', 'IBAN', 1)], 1, 0)) },
  ],
  invalid: [
    {
      name: 'bank account and discount not audited',
      ...at('cnt_Policy', entity('cnt_Policy', [attribute('cnt_BankAccountNumber', 'Bank Account Number', 0), attribute('cnt_DiscountPercent', 'Discount (%)', 0)])),
      errors: [{ line: 11, message: 'cnt_bankaccountnumber' }, { line: 20, message: 'pricing' }],
    },
    {
      name: 'secured column with a bland name',
      ...at('cnt_Claim', entity('cnt_Claim', [attribute('cnt_Notes2', 'Notes 2', 0, { secured: true })])),
      errors: [{ line: 11, message: 'secured' }],
    },
    {
      name: 'table with sensitive columns not audited',
      ...at('cnt_Claim', entity('cnt_Claim', [attribute('cnt_MedicalNotes', 'Medical Notes', 1)], 0)),
      errors: [{ line: 16, message: /table cnt_claim.*cnt_medicalnotes/ }],
    },
  ],
});
