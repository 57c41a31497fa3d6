import rule from '../../rules/hardcoded-secret/envvar-plaintext-secret';
import { testRule } from '../rule-tester';

const manifest = '<ImportExportXml><SolutionManifest><UniqueName>Core</UniqueName></SolutionManifest></ImportExportXml>';
const def = (schema: string, display: string, type: number, value?: string): string =>
  [
    `<environmentvariabledefinition schemaname="${schema}">`,
    ...(value !== undefined ? [`  <defaultvalue>${value}</defaultvalue>`] : []),
    `  <displayname default="${display}">`,
    `    <label description="${display}" languagecode="1033" />`,
    '  </displayname>',
    '  <secretstore>0</secretstore>',
    `  <type>${type}</type>`,
    '</environmentvariabledefinition>',
  ].join('\r\n');
const at = (schema: string, code: string, values?: string) => ({
  files: {
    [`sol/environmentvariabledefinitions/${schema}/environmentvariabledefinition.xml`]: code,
    ...(values ? { [`sol/environmentvariabledefinitions/${schema}/environmentvariablevalues.json`]: values } : {}),
    'sol/Other/Solution.xml': manifest,
  },
});
const KEY = 'VpHgaqI6WUzgyF279zEAsAoUut8DOpvGwRySvxfQ';
const TOKEN = 'wiPwB2oDx5v23qudsUNtvU154b9AnewLPV8hSGe7q0aJ7PXQ';
const values = (schema: string, v: string) =>
  `{\n  "environmentvariablevalues": {\n    "environmentvariablevalue": {\n      "schemaname": "${schema}",\n      "value": "${v}"\n    }\n  }\n}`;

testRule(rule, {
  valid: [
    { name: 'string variable with a URL', ...at('cnt_ErpBaseUrl', def('cnt_ErpBaseUrl', 'ERP Base URL', 100000000, 'https://erp.contoso.example/api/')) },
    { name: 'credential variable without a value', ...at('cnt_SmsToken', def('cnt_SmsToken', 'SMS Token', 100000000)) },
  ],
  traps: [
    {
      name: 'trap: secret-type variable with a Key Vault reference',
      ...at('cnt_ErpClientSecret', def('cnt_ErpClientSecret', 'ERP Client Secret', 100000005, '/subscriptions/c702e4af-3587-486f-9036-8024c9f2d7a5/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv/secrets/erp-client-secret')),
    },
    { name: 'trap: secret-type definition without a value', ...at('cnt_ErpPassword', def('cnt_ErpPassword', 'ERP Password', 100000005)) },
    { name: 'trap: client id GUID in a credential-named variable', ...at('cnt_ApiClientId', def('cnt_ApiKey', 'API Key', 100000000, '02956bb3-3cac-4643-a8a9-b8d9466eeca1')) },
    { name: 'trap: placeholder value', ...at('cnt_ApiKey', def('cnt_ApiKey', 'API Key', 100000000, '&lt;your-api-key&gt;')) },
    { name: 'trap: key name, not a key', ...at('cnt_ApiKeyName', def('cnt_ApiKeyName', 'API Key Name', 100000000, 'erp-gateway-key-prod')) },
  ],
  invalid: [
    { name: 'string variable holding an API key', ...at('cnt_ErpApiKey', def('cnt_ErpApiKey', 'ERP API Key', 100000000, KEY)), errors: [{ line: 2 }], secrets: [KEY] },
    {
      name: 'current value exported in environmentvariablevalues.json',
      ...at('cnt_SmsGatewayToken', def('cnt_SmsGatewayToken', 'SMS Gateway Token', 100000000), values('cnt_SmsGatewayToken', TOKEN)),
      errors: [{ line: 5, path: 'sol/environmentvariabledefinitions/cnt_SmsGatewayToken/environmentvariablevalues.json' }],
      secrets: [TOKEN],
    },
    {
      name: 'secret-type variable bypassing Key Vault',
      ...at('cnt_ErpPassword', def('cnt_ErpPassword', 'ERP Password', 100000005, 'Winter2024!Erp#svc')),
      errors: [{ line: 2, message: 'Key Vault' }],
      secrets: ['Winter2024!Erp#svc'],
    },
  ],
});
