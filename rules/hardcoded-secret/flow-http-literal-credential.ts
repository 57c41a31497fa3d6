import { defineRule } from '../../server/src/core/rule';
import { nodeAt, propNode, type JsonNode } from '../../server/src/parsers/json';
import { flowActions } from '../../server/src/model/solution';

/** Authentication fields of Logic Apps / cloud flow HTTP actions that hold a credential (formats.md §11). */
const AUTH_SECRET_FIELDS = ['password', 'secret', 'pfx', 'value'];
/** Request headers whose value is a credential. */
const SECRET_HEADER = /^(authorization|proxy-authorization|x-api-key|api-key|apikey|x-functions-key|ocp-apim-subscription-key|x-apikey|x-auth-token|x-access-token|subscription-key)$/i;

/** A value the flow computes at run time (expression) rather than one written into it. */
function isExpression(v: string): boolean {
  return /^\s*@/.test(v) || v.includes('@{');
}

/** Query parameters that carry a credential (`?api_key=...`, `queries: { "code": ... }`). */
const SECRET_QUERY = /^(api[-_]?key|apikey|key|code|token|access[-_]?token|client[-_]?secret|password|pwd|secret|sig|subscription[-_]?key)$/i;

const PLACEHOLDER = /^(<.*>|\{.*\}|\*+|x{3,}|\.{3,}|changeme|password|secret|your[-_ a-z]*|todo|tbd|dummy\w*|placeholder\w*|example\w*)$/i;

/** The credential part of a header or Raw value: `Bearer abc` -> `abc`, `Basic abc` -> `abc`. */
function credentialPart(v: string): string {
  return v.replace(/^\s*(bearer|basic|key|token|apikey|sharedaccesssignature)\s+/i, '').trim();
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v.replace(/\+/g, ' '));
  } catch {
    return v;
  }
}

function literalSecret(v: string): string | undefined {
  if (isExpression(v)) return undefined;
  const c = credentialPart(v);
  if (c.length < 8 || /\s/.test(c) || PLACEHOLDER.test(c)) return undefined;
  return c;
}

export default defineRule({
  meta: {
    code: 'D365S061',
    name: 'flow-http-literal-credential',
    category: 'hardcoded-secret',
    severity: 'error',
    kinds: ['json'],
    exampleLanguage: 'json',
    docs: {
      summary:
        'Finds credentials written into cloud flow (and Logic App) HTTP actions: a literal password, client secret or PFX in the action\'s authentication, a literal token in Raw authentication, and literal keys or tokens in the Authorization, x-api-key, Ocp-Apim-Subscription-Key or x-functions-key headers and in key, code, token or password query parameters.',
      why:
        'A flow definition is exported into the solution, committed to source control and imported into every environment; its run history shows the inputs too. A credential typed into the action travels with it to everyone who can read the repository, the solution file or the runs.',
      bad: '"headers": { "Ocp-Apim-Subscription-Key": "4f0c…e91a" }, "authentication": { "type": "ClientCertificate", "pfx": "MIIKWQIBAzCC…", "password": "…" }',
      good: '"headers": { "Ocp-Apim-Subscription-Key": "@parameters(\'Partner API key (fab_PartnerApiKey)\')" }, "authentication": { "type": "ManagedServiceIdentity" }',
      fix:
        'Rotate the credential, store it in a Dataverse environment variable of type Secret (backed by Key Vault) or read it with the Key Vault connector, and reference it with an expression; turn on secure inputs for the action. Prefer ManagedServiceIdentity or certificate-based ActiveDirectoryOAuth where the API accepts Entra ID.',
      traps:
        'Expressions (@parameters(...), @body(...), @{...}), the connector boilerplate Raw $ConnectionKey expression, placeholders, non-secret headers such as Content-Type, and client IDs and tenant IDs (GUIDs) in ActiveDirectoryOAuth. The field names of ClientCertificate (pfx, password) and Raw (value) authentication come from the Logic Apps documentation and are marked unverified against exported flows in formats.md §11.',
      references: ['https://learn.microsoft.com/azure/logic-apps/logic-apps-securing-a-logic-app#secure-action-parameters-and-inputs', 'https://cwe.mitre.org/data/definitions/798.html'],
    },
  },
  create(ctx) {
    return {
      json(doc) {
        if (!doc.root || (doc.role !== 'cloud-flow' && doc.role !== 'other')) return;
        const def = nodeAt(doc.root, ['properties', 'definition']) ?? propNode(doc.root, 'definition');
        if (!def) return;
        for (const a of flowActions(def)) {
          const inputs = propNode(a.node, 'inputs');
          if (inputs?.type !== 'object') continue;
          const hits: { node: JsonNode; what: string; secret: string }[] = [];
          const auth = propNode(inputs, 'authentication');
          for (const k of AUTH_SECRET_FIELDS) {
            const n = propNode(auth, k, true);
            if (n?.type !== 'string') continue;
            const s = literalSecret(String(n.value));
            if (s) hits.push({ node: n, what: `authentication.${k}`, secret: s });
          }
          const headers = propNode(inputs, 'headers');
          for (const p of headers?.type === 'object' ? (headers.children ?? []) : []) {
            const [k, v] = p.children ?? [];
            if (!k || v?.type !== 'string' || !SECRET_HEADER.test(String(k.value))) continue;
            const s = literalSecret(String(v.value));
            if (s) hits.push({ node: v, what: `${String(k.value)} header`, secret: s });
          }
          const queries = propNode(inputs, 'queries');
          for (const p of queries?.type === 'object' ? (queries.children ?? []) : []) {
            const [k, v] = p.children ?? [];
            if (!k || v?.type !== 'string' || !SECRET_QUERY.test(String(k.value))) continue;
            const s = literalSecret(String(v.value));
            if (s) hits.push({ node: v, what: `${String(k.value)} query parameter`, secret: s });
          }
          const uri = propNode(inputs, 'uri');
          if (uri?.type === 'string' && !isExpression(String(uri.value).split('?')[1] ?? '')) {
            for (const m of String(uri.value).matchAll(/[?&]([\w-]+)=([^&#]+)/g)) {
              if (!SECRET_QUERY.test(m[1]!)) continue;
              const s = literalSecret(safeDecode(m[2]!));
              if (s) {
                hits.push({ node: uri, what: `${m[1]} parameter of the address`, secret: s });
                break;
              }
            }
          }
          for (const h of hits) {
            ctx.report({
              span: { start: h.node.offset, end: h.node.offset + h.node.length },
              message: `HTTP action "${a.name}" has a credential written into its ${h.what} ({secret}): it is exported with the solution and shown in run history. Use a Secret environment variable or Key Vault, and rotate it.`,
              secret: h.secret,
            });
          }
        }
      },
    };
  },
});
