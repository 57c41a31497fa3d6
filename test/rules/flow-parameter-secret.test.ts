import rule from '../../rules/hardcoded-secret/flow-parameter-secret';
import { testRule } from '../rule-tester';

const manifest = '<ImportExportXml><SolutionManifest><UniqueName>Core</UniqueName></SolutionManifest></ImportExportXml>';
const FLOW = 'sol/Workflows/SyncClaims-03369B78-ED12-EF11-A81C-000D3AB4E7F0.json';
const flow = (params: Record<string, unknown>): string =>
  JSON.stringify(
    {
      properties: {
        definition: {
          parameters: { $connections: { defaultValue: {}, type: 'Object' }, $authentication: { defaultValue: {}, type: 'SecureObject' }, ...params },
          triggers: {},
          actions: {},
        },
      },
    },
    null,
    2,
  );
const param = (value: string, schema: string) => ({ defaultValue: value, type: 'String', metadata: { schemaName: schema } });
const KEY = 'VpHgaqI6WUzgyF279zEAsAoUut8DOpvGwRySvxfQ';
const envDef = (schema: string, display: string, value: string) =>
  `<environmentvariabledefinition schemaname="${schema}">\n  <defaultvalue>${value}</defaultvalue>\n  <displayname default="${display}" />\n  <type>100000000</type>\n</environmentvariabledefinition>`;

testRule(rule, {
  valid: [{ name: 'URL parameter', files: { [FLOW]: flow({ 'ERP Base URL (cnt_ErpBaseUrl)': param('https://erp.contoso.example/api/', 'cnt_ErpBaseUrl') }), 'sol/Other/Solution.xml': manifest } }],
  traps: [
    { name: 'trap: empty token default', files: { [FLOW]: flow({ 'SMS Gateway Token (cnt_SmsGatewayToken)': param('', 'cnt_SmsGatewayToken') }), 'sol/Other/Solution.xml': manifest } },
    { name: 'trap: tenant id parameter', files: { [FLOW]: flow({ 'Tenant ID (cnt_TenantId)': param('0473e6e1-a657-49ea-9bd9-b35f0fcbaeac', 'cnt_TenantId') }), 'sol/Other/Solution.xml': manifest } },
    { name: 'trap: boilerplate only', files: { [FLOW]: flow({}), 'sol/Other/Solution.xml': manifest } },
  ],
  invalid: [
    {
      name: 'credential-named parameter with a literal default',
      files: { [FLOW]: flow({ 'ERP API Key (cnt_ErpApiKey)': param(KEY, 'cnt_ErpApiKey') }), 'sol/Other/Solution.xml': manifest },
      errors: [{ line: 14, message: 'ERP API Key' }],
      secrets: [KEY],
    },
    {
      name: 'bland parameter name repeating a credential variable value',
      files: {
        [FLOW]: flow({ 'Gateway setting (cnt_GatewaySetting)': param(KEY, 'cnt_GatewaySetting') }),
        'sol/environmentvariabledefinitions/cnt_ErpApiKey/environmentvariabledefinition.xml': envDef('cnt_ErpApiKey', 'ERP API Key', KEY),
        'sol/Other/Solution.xml': manifest,
      },
      errors: [{ line: 14, message: 'cnt_ErpApiKey' }],
      secrets: [KEY],
    },
  ],
});
