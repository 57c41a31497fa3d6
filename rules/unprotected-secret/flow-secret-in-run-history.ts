import { defineRule } from '../../server/src/core/rule';
import { nodeAt, propNode, type JsonNode } from '../../server/src/parsers/json';
import { flowActions, secretReadOf } from '../../server/src/model/solution';

/** The secureData properties of an action (`["inputs","outputs"]`), lower case. */
function securedParts(action: JsonNode): Set<string> {
  const props = nodeAt(action, ['runtimeConfiguration', 'secureData', 'properties']);
  const out = new Set<string>();
  for (const c of props?.type === 'array' ? (props.children ?? []) : []) if (c.type === 'string') out.add(String(c.value).toLowerCase());
  return out;
}

export default defineRule({
  meta: {
    code: 'D365U001',
    name: 'flow-secret-in-run-history',
    category: 'unprotected-secret',
    severity: 'error',
    kinds: ['json'],
    exampleLanguage: 'json',
    docs: {
      summary:
        'Finds cloud flow actions that read a secret (RetrieveEnvironmentVariableSecretValue, Key Vault Get secret) without secure outputs, so the secret is stored in the run history.',
      why:
        'Flow run history shows every action\'s inputs and outputs to anyone who can see the flow\'s runs (owners, co-owners, admins, and run-only users for their runs). Without runtimeConfiguration.secureData on outputs, the secret value sits there in clear text for the retention period.',
      bad: '"Get_password": { "type": "OpenApiConnection", "inputs": { "parameters": { "actionName": "RetrieveEnvironmentVariableSecretValue", "item/EnvironmentVariableName": "pfx_Password" } } }',
      good: '"Get_password": { "type": "OpenApiConnection", "inputs": { ... }, "runtimeConfiguration": { "secureData": { "properties": ["inputs", "outputs"] } } }',
      fix: 'Turn on Secure inputs and Secure outputs in the action settings (runtimeConfiguration.secureData.properties = ["inputs","outputs"]); also secure the inputs of the actions that use the value.',
      traps: 'Actions that read a secret with secure outputs, and actions that read ordinary (non-secret) environment variables.',
      references: ['https://learn.microsoft.com/azure/logic-apps/logic-apps-securing-a-logic-app#secure-data-in-run-history-by-using-obfuscation'],
    },
  },
  create(ctx) {
    return {
      json(doc) {
        if (doc.role !== 'cloud-flow' || !doc.root) return;
        const definition = nodeAt(doc.root, ['properties', 'definition']) ?? propNode(doc.root, 'definition');
        for (const a of flowActions(definition)) {
          const secret = secretReadOf(a.node);
          if (!secret) continue;
          if (securedParts(a.node).has('outputs')) continue;
          const what = secret.startsWith('keyvault:') ? `Key Vault secret ${secret.slice(9)}` : `secret environment variable ${secret}`;
          ctx.report({
            span: { start: a.keyNode.offset, end: a.node.offset + a.node.length },
            message: `Action "${a.name}" reads the ${what} without secure outputs: the value is shown in the flow's run history. Enable secureData on inputs and outputs.`,
            key: `${a.name}|${secret}`,
            fixData: { kind: 'secure-data', action: a.name },
          });
        }
      },
    };
  },
});
