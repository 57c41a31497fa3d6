import rule from '../../rules/unprotected-secret/flow-secret-in-run-history';
import { testRule } from '../rule-tester';

const manifest = '<ImportExportXml><SolutionManifest><UniqueName>Core</UniqueName></SolutionManifest></ImportExportXml>';
const FLOW = 'sol/Workflows/SyncClaims-03369B78-ED12-EF11-A81C-000D3AB4E7F0.json';
const retrieve = (name: string, secure?: string[]) => ({
  runAfter: {},
  type: 'OpenApiConnection',
  inputs: {
    host: { connectionName: 'shared_commondataserviceforapps', operationId: 'PerformUnboundAction', apiId: '/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps' },
    parameters: { actionName: 'RetrieveEnvironmentVariableSecretValue', 'item/EnvironmentVariableName': name },
  },
  ...(secure ? { runtimeConfiguration: { secureData: { properties: secure } } } : {}),
});
const flow = (actions: Record<string, unknown>): string =>
  JSON.stringify({ properties: { definition: { parameters: {}, triggers: {}, actions } } }, null, 2);
const at = (code: string) => ({ files: { [FLOW]: code, 'sol/Other/Solution.xml': manifest } });

testRule(rule, {
  valid: [{ name: 'no secret read', ...at(flow({ Compose: { type: 'Compose', inputs: 'hello' } })) }],
  traps: [
    { name: 'trap: secret read with secure inputs and outputs', ...at(flow({ Get_secret: retrieve('cnt_ErpClientSecret', ['inputs', 'outputs']) })) },
    {
      name: 'trap: ordinary unbound action',
      ...at(flow({ Run: { type: 'OpenApiConnection', inputs: { parameters: { actionName: 'cnt_RecalculatePremium' } } } })),
    },
  ],
  invalid: [
    { name: 'secret read without secureData', ...at(flow({ Get_ERP_password: retrieve('cnt_ErpPassword') })), errors: [{ line: 7, message: 'cnt_ErpPassword' }] },
    { name: 'secure inputs only', ...at(flow({ Get_ERP_password: retrieve('cnt_ErpPassword', ['inputs']) })), errors: [{ line: 7 }] },
    {
      name: 'Key Vault secret inside a scope',
      ...at(
        flow({
          Scope: {
            type: 'Scope',
            actions: {
              Get_secret: { type: 'OpenApiConnection', inputs: { host: { apiId: '/providers/Microsoft.PowerApps/apis/shared_keyvault', operationId: 'GetSecret' }, parameters: { secretName: 'erp-pw' } } },
            },
          },
        }),
      ),
      errors: [{ line: 10, message: 'Key Vault' }],
    },
  ],
});
