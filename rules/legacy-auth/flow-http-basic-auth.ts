import { defineRule } from '../../server/src/core/rule';
import { nodeAt, propNode, type JsonNode } from '../../server/src/parsers/json';
import { flowActions } from '../../server/src/model/solution';

/** The workflow definition of a cloud flow export, or of a Logic App definition file. */
function definitionOf(root: JsonNode): JsonNode | undefined {
  const d = nodeAt(root, ['properties', 'definition']) ?? propNode(root, 'definition');
  if (d) return d;
  const schema = propNode(root, '$schema');
  return schema?.type === 'string' && /workflowdefinition/i.test(String(schema.value)) ? root : undefined;
}

const str = (n: JsonNode | undefined): string | undefined => (n?.type === 'string' ? String(n.value) : undefined);

/** `Basic xyz`, `Basic @{base64(...)}`: a Basic credential, literal or computed. Not the connector's `$ConnectionKey` expression. */
const BASIC = /^\s*@?\{?\s*(concat\(\s*')?basic\s/i;

export default defineRule({
  meta: {
    code: 'D365L061',
    name: 'flow-http-basic-auth',
    category: 'legacy-auth',
    severity: 'warning',
    kinds: ['json'],
    exampleLanguage: 'json',
    docs: {
      summary:
        'Finds cloud flow (and Logic App) HTTP actions that authenticate with Basic authentication: authentication.type "Basic" (username and password), "Raw" with a Basic value, or an Authorization header that starts with "Basic ".',
      why:
        'Basic authentication sends a reusable user name and password with every call. The account behind it cannot use multi-factor authentication or Conditional Access, is usually a shared service account that never expires, and the password has to be stored somewhere the flow can read it. Anyone who sees one request, or the run history without secure inputs, can replay it.',
      bad: '"authentication": { "type": "Basic", "username": "svc-integration", "password": "@parameters(\'Integration password\')" }',
      good: '"authentication": { "type": "ManagedServiceIdentity", "audience": "api://partner-gateway" }',
      fix:
        'Call the API with Entra ID: authentication type ActiveDirectoryOAuth (client credentials with a certificate, or a secret read from a Secret environment variable with secure inputs) or ManagedServiceIdentity where the flow runs in a Logic App. If the partner only supports Basic, put API Management in front of it and keep the credential there.',
      traps:
        'ActiveDirectoryOAuth, ManagedServiceIdentity and ClientCertificate authentication; the connector boilerplate "Raw" authentication whose value is the X-MS-APIM-Tokens $ConnectionKey expression; Bearer tokens in Raw authentication or in the Authorization header. A Basic-auth HTTP action is reported whatever its address: a cloud flow runs in Microsoft\'s cloud, so even an "internal" address is reached over the network. Note: the Logic Apps documentation verifies the ActiveDirectoryOAuth and ManagedServiceIdentity objects; the exact fields of Basic and Raw (username, password, value) follow it too but were not re-checked against exported flows (formats.md §11 marks them unverified).',
      references: [
        'https://learn.microsoft.com/azure/logic-apps/logic-apps-securing-a-logic-app#add-authentication-outbound',
        'https://cwe.mitre.org/data/definitions/522.html',
      ],
    },
  },
  create(ctx) {
    return {
      json(doc) {
        if (!doc.root || (doc.role !== 'cloud-flow' && doc.role !== 'other')) return;
        const def = definitionOf(doc.root);
        if (!def) return;
        const triggers = propNode(def, 'triggers');
        const all = [
          ...flowActions(def),
          ...(triggers?.type === 'object' ? (triggers.children ?? []) : []).map((p) => ({ name: String(p.children?.[0]?.value), node: p.children?.[1]! })),
        ];
        for (const a of all) {
          if (a.node?.type !== 'object') continue;
          const inputs = propNode(a.node, 'inputs');
          const auth = propNode(inputs, 'authentication');
          const type = propNode(auth, 'type', true);
          const t = str(type)?.toLowerCase();
          let at: JsonNode | undefined;
          let how = '';
          if (t === 'basic') {
            at = type;
            how = 'authentication type Basic';
          } else if (t === 'raw' && BASIC.test(str(propNode(auth, 'value', true)) ?? '')) {
            at = propNode(auth, 'value', true);
            how = 'Raw authentication with a Basic credential';
          } else {
            const headers = propNode(inputs, 'headers');
            const authz = propNode(headers, 'Authorization', true);
            if (BASIC.test(str(authz) ?? '')) {
              at = authz;
              how = 'a Basic Authorization header';
            }
          }
          if (!at) continue;
          ctx.report({
            span: { start: at.offset, end: at.offset + at.length },
            message: `HTTP action "${a.name}" uses ${how}: a reusable user name and password that MFA and Conditional Access cannot protect. Use ActiveDirectoryOAuth or a managed identity.`,
            key: `${a.name}|${how}`,
          });
        }
      },
    };
  },
});
