import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { defineRule } from '../../server/src/core/rule';
import { isCredentialName } from '../../server/src/core/sensitivity';
import { child, descendants, localName, textIndexToOffset, type XmlElement } from '../../server/src/parsers/xml';
import { scanXml } from '../../server/src/parsers/xml-scan';
import { isLiteralSecretValue } from './envvar-plaintext-secret';

/** A credential found inside a configuration string: its key and where its value sits in that string. */
export interface ConfigCredential {
  key: string;
  value: string;
  start: number;
  end: number;
}

/** Keys inside a connection string that carry the secret. */
const CONN_SECRET_KEYS = /^(password|pwd|accountkey|sharedaccesskey|sharedaccesssignature|clientsecret|secret|apikey|sastoken|token)$/i;

/**
 * Credentials in a plug-in step's unsecure configuration. The configuration is a free string:
 * JSON (the usual case), XML, or `key=value` pairs separated by `;`, `&` or new lines. A value
 * counts when its key is credential-named (`erpPassword`, `apiKey`) and the value is a literal, or
 * when it is a connection string with a Password / AccountKey / SharedAccessKey part.
 */
export function configCredentials(config: string): ConfigCredential[] {
  const t = config.trim();
  const lead = config.length - config.trimStart().length;
  const out: ConfigCredential[] = [];
  const consider = (key: string, value: string, start: number): void => {
    if (isCredentialName(key) && isLiteralSecretValue(value, key) && !/=.*;/.test(value)) {
      out.push({ key, value, start, end: start + value.length });
      return;
    }
    for (const p of connectionStringSecrets(value)) out.push({ key: `${key}/${p.key}`, value: p.value, start: start + p.start, end: start + p.end });
  };
  if (t.startsWith('{') || t.startsWith('[')) {
    const root = parseTree(config, [], { allowTrailingComma: true });
    if (root) {
      walkJson(root, '', (key, node) => consider(key, String(node.value), node.offset + 1));
      return out;
    }
  }
  if (t.startsWith('<')) {
    const scan = scanXml(t);
    if (scan.root) {
      const els: XmlElement[] = [scan.root, ...descendants(scan.root)];
      for (const el of els) {
        const keyAttr = el.attributes.find((a) => /^(key|name)$/i.test(a.name));
        for (const a of el.attributes) {
          const key = /^value$/i.test(a.name) && keyAttr ? keyAttr.value : a.name;
          if (a === keyAttr) continue;
          // Attribute values are mapped back linearly; entity-encoded secrets get the value's start.
          consider(key, a.value, lead + a.valueSpan.start);
        }
        const text = el.text.trim();
        if (text && el.segments.length > 0) consider(localName(el.name), text, lead + el.segments[0]!.span.start + (el.segments[0]!.value.length - el.segments[0]!.value.trimStart().length));
      }
      return out;
    }
  }
  // key=value pairs, or a bare connection string.
  const re = /([A-Za-z_][\w .-]{0,60}?)\s*[=:]\s*("([^"]*)"|'([^']*)'|([^;&\r\n]*))/g;
  for (let m = re.exec(config); m; m = re.exec(config)) {
    const key = m[1]!.trim();
    const value = m[3] ?? m[4] ?? m[5] ?? '';
    const vStart = m.index + m[0].length - (m[2]!.length) + (m[3] !== undefined || m[4] !== undefined ? 1 : 0);
    if (isCredentialName(key) || CONN_SECRET_KEYS.test(key.replace(/\s+/g, ''))) {
      if (isLiteralSecretValue(value.trim(), key)) out.push({ key, value: value.trim(), start: vStart, end: vStart + value.trim().length });
    }
  }
  return out;
}

function walkJson(node: JsonNode, key: string, visit: (key: string, node: JsonNode) => void): void {
  const stack: { node: JsonNode; key: string }[] = [{ node, key }];
  while (stack.length > 0) {
    const { node: n, key: k } = stack.pop()!;
    if (n.type === 'object') {
      for (const p of n.children ?? []) {
        const [kn, vn] = p.children ?? [];
        if (kn && vn) stack.push({ node: vn, key: String(kn.value) });
      }
    } else if (n.type === 'array') for (const c of n.children ?? []) stack.push({ node: c, key: k });
    else if (n.type === 'string') visit(k, n);
  }
}

/** Secret parts of a connection string value (`...;Password=x;`, `AccountKey=...`). */
function connectionStringSecrets(value: string): { key: string; value: string; start: number; end: number }[] {
  if (value.indexOf('=') < 0 || value.indexOf(';') < 0) return [];
  const out: { key: string; value: string; start: number; end: number }[] = [];
  const re = /(?:^|;)\s*([A-Za-z ]+?)\s*=\s*([^;]*)/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const k = m[1]!.replace(/\s+/g, '');
    const v = m[2]!.trim();
    if (!CONN_SECRET_KEYS.test(k) || !isLiteralSecretValue(v, k)) continue;
    const start = m.index + m[0].lastIndexOf(m[2]!) + (m[2]!.length - m[2]!.trimStart().length);
    out.push({ key: k, value: v, start, end: start + v.length });
  }
  return out;
}

export default defineRule({
  meta: {
    code: 'D365S051',
    name: 'step-config-secret',
    category: 'hardcoded-secret',
    severity: 'error',
    kinds: ['xml'],
    exampleLanguage: 'xml',
    docs: {
      summary: "Finds credentials in a plug-in step's unsecure configuration (SdkMessageProcessingStep <Configuration>).",
      why:
        'The unsecure configuration is exported with the solution in clear text and is readable by every user who can read plug-in step registrations. A password or key there reaches source control and every environment the solution is imported into.',
      bad: '<Configuration>{"erpUser":"svc-crm","erpPassword":"Zx8!qLw2#Tb5yQ"}</Configuration>',
      good: '<Configuration>{"erpUser":"svc-crm"}</Configuration>  <!-- password in the secure configuration or Key Vault -->',
      fix: 'Rotate the credential. Move it to the secure configuration (not exported, readable by administrators only) or, better, to Azure Key Vault / a Secret-type environment variable read at run time.',
      traps: 'Configuration that only holds settings (limits, URLs, feature flags), credential-named keys with placeholder, empty or reference values, user names.',
      references: ['https://learn.microsoft.com/power-apps/developer/data-platform/write-plug-in#pass-configuration-data-to-your-plug-in'],
    },
  },
  create(ctx) {
    return {
      xml(doc) {
        if (doc.role !== 'plugin-step' && doc.role !== 'customizations') return;
        const root = doc.root!;
        const steps = localName(root.name).toLowerCase() === 'sdkmessageprocessingstep' ? [root] : descendants(root, 'SdkMessageProcessingStep');
        for (const step of steps) {
          const cfg = child(step, 'Configuration');
          if (!cfg || cfg.text.trim() === '') continue;
          for (const c of configCredentials(cfg.text)) {
            ctx.report({
              span: { start: textIndexToOffset(doc, cfg, c.start), end: textIndexToOffset(doc, cfg, c.end) },
              message: `Credential "${c.key}" in the plug-in step's unsecure configuration ({secret}): it is exported with the solution in clear text. Use the secure configuration or Key Vault.`,
              secret: c.value,
              fixData: { kind: 'step-configuration', key: c.key },
            });
          }
        }
      },
    };
  },
});
