import rule from '../../rules/legacy-auth/flow-http-basic-auth';
import { testRule } from '../rule-tester';

const manifest = '<ImportExportXml><SolutionManifest><UniqueName>Ops</UniqueName></SolutionManifest></ImportExportXml>';
const FLOW = 'src/Ops/Workflows/NotifyPartner-5E0B1C1A-1111-4E4E-9A9A-00AA00BB00CC.json';
const http = (authentication?: Record<string, unknown>, headers: Record<string, string> = {}) => ({
  type: 'Http',
  inputs: { method: 'POST', uri: 'https://partner.fabrikam.test/orders', headers, ...(authentication ? { authentication } : {}) },
});
const flow = (actions: Record<string, unknown>): string => JSON.stringify({ properties: { definition: { triggers: {}, actions } } }, null, 2);
const at = (code: string) => ({ files: { [FLOW]: code, 'src/Ops/Other/Solution.xml': manifest } });

testRule(rule, {
  valid: [
    { name: 'no authentication', ...at(flow({ Call: http() })) },
    { name: 'managed identity', ...at(flow({ Call: http({ type: 'ManagedServiceIdentity', audience: 'api://x' }) })) },
  ],
  traps: [
    { name: 'trap: client credentials', ...at(flow({ Call: http({ type: 'ActiveDirectoryOAuth', tenant: 't', clientId: 'c', secret: "@parameters('s')" }) })) },
    {
      name: 'trap: connector Raw $ConnectionKey boilerplate',
      ...at(flow({ Get: { type: 'OpenApiConnection', inputs: { authentication: { type: 'Raw', value: "@json(decodeBase64(triggerOutputs().headers['X-MS-APIM-Tokens']))['$ConnectionKey']" } } } })),
    },
    { name: 'trap: Bearer token header', ...at(flow({ Call: http(undefined, { Authorization: "Bearer @{parameters('Token')}" }) })) },
    { name: 'trap: Basic in a JSON file that is not a workflow', path: 'config/partners.json', code: '{ "authentication": { "type": "Basic" } }' },
  ],
  invalid: [
    {
      name: 'Basic with user name and password inside a scope',
      ...at(flow({ Scope: { type: 'Scope', actions: { Post: http({ type: 'Basic', username: 'svc-ops', password: "@body('Get_pw')?['value']" }) } } })),
      errors: [{ line: 16, message: 'Basic' }],
    },
    { name: 'Raw Basic credential', ...at(flow({ Call: http({ type: 'Raw', value: "Basic @{base64(concat('svc:', parameters('pw')))}" }) })), errors: [{ line: 14 }] },
    { name: 'Authorization header with Basic', ...at(flow({ Call: http(undefined, { Authorization: 'Basic c3ZjOnNlY3JldDEyMw==' }) })), errors: [{ line: 12, message: 'header' }] },
    {
      name: 'Logic App definition file outside a solution',
      path: 'logicapps/notify/workflow.json',
      code: JSON.stringify({ definition: { $schema: 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#', actions: { Call: http({ type: 'basic', username: 'u', password: 'p' }) } } }, null, 2),
      errors: [{ line: 12 }],
    },
  ],
});
