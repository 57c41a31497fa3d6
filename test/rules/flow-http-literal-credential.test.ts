import rule from '../../rules/hardcoded-secret/flow-http-literal-credential';
import { testRule } from '../rule-tester';

const manifest = '<ImportExportXml><SolutionManifest><UniqueName>Billing</UniqueName></SolutionManifest></ImportExportXml>';
const FLOW = 'pkg/Billing/Workflows/PushInvoices-7A1B2C3D-0000-4E4E-8F8F-112233445566.json';
const http = (inputs: Record<string, unknown>) => ({ type: 'Http', inputs: { method: 'POST', uri: 'https://billing.fabrikam.test/v1/push', ...inputs } });
const flow = (actions: Record<string, unknown>): string => JSON.stringify({ properties: { definition: { triggers: {}, actions } } }, null, 2);
const at = (code: string) => ({ files: { [FLOW]: code, 'pkg/Billing/Other/Solution.xml': manifest } });

testRule(rule, {
  valid: [
    { name: 'key from an environment variable parameter', ...at(flow({ Push: http({ headers: { 'x-api-key': "@parameters('Billing key (fab_BillingKey)')", 'Content-Type': 'application/json' } }) })) },
    { name: 'managed identity', ...at(flow({ Push: http({ authentication: { type: 'ManagedServiceIdentity', audience: 'api://billing' } }) })) },
  ],
  traps: [
    { name: 'trap: bearer token from an expression', ...at(flow({ Push: http({ headers: { Authorization: "Bearer @{body('Get_token')?['access_token']}" } }) })) },
    { name: 'trap: connector Raw boilerplate', ...at(flow({ Get: { type: 'OpenApiConnection', inputs: { authentication: { type: 'Raw', value: "@json(decodeBase64(triggerOutputs().headers['X-MS-APIM-Tokens']))['$ConnectionKey']" } } } })) },
    { name: 'trap: client and tenant ids of client credentials', ...at(flow({ Push: http({ authentication: { type: 'ActiveDirectoryOAuth', tenant: '3f2b6c1e-9a4d-4b8e-a1c2-7d6e5f4a3b2c', clientId: '8e7d6c5b-4a39-4827-b615-a4b3c2d1e0f9', secret: "@parameters('s')" } }) })) },
    { name: 'trap: key in the address from a parameter', ...at(flow({ Push: http({ uri: "https://billing.fabrikam.test/v1/push?code=@{parameters('Fn key (fab_FnKey)')}" }) })) },
    { name: 'trap: placeholder key in a template flow', ...at(flow({ Push: http({ headers: { 'Ocp-Apim-Subscription-Key': '<subscription-key>' } }) })) },
  ],
  invalid: [
    {
      name: 'literal subscription key and client-certificate password',
      ...at(flow({ Push: http({ headers: { 'Ocp-Apim-Subscription-Key': '9c1e4b7a2d8f4e6b9a0c3d5e7f1a2b4c' }, authentication: { type: 'ClientCertificate', pfx: 'MIIKWQIBAzCCCh8GCSqGSIb3DQEHAaCCChAEggoMMIIKCDCC', password: 'Cert#Pass2025' } }) })),
      errors: [{ line: 12, message: 'Ocp-Apim-Subscription-Key' }, { line: 16, message: 'pfx' }, { line: 17, message: 'password' }],
      secrets: ['9c1e4b7a2d8f4e6b9a0c3d5e7f1a2b4c', 'Cert#Pass2025'],
    },
    {
      name: 'literal bearer token in Raw authentication',
      ...at(flow({ Push: http({ authentication: { type: 'Raw', value: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdmMifQ.c2lnbmF0dXJl' } }) })),
      errors: [{ line: 13, message: 'authentication.value' }],
    },
    {
      name: 'literal key in the address and in queries',
      ...at(flow({ Push: http({ uri: 'https://billing.fabrikam.test/v1/push?api_key=Qm7vX2pL9sK4wR8t&format=json', queries: { token: 'Zr5tY8uI1oP3aS6d' } }) })),
      errors: [{ line: 10, message: 'api_key' }, { line: 12, message: 'token' }],
      secrets: ['Qm7vX2pL9sK4wR8t', 'Zr5tY8uI1oP3aS6d'],
    },
  ],
});
