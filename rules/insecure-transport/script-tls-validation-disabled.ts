import { defineRule } from '../../server/src/core/rule';
import { dottedName, isFalsy, isFunction, keyName, memberName, spanOf, staticString, unwrap, walk, type Node } from '../../server/src/parsers/script-ast';

/** Options that turn certificate checks off when set to false (Node https/tls, axios agents, request, ws). */
const OFF_WHEN_FALSE = /^(rejectUnauthorized|strictSSL|verifySsl|verifySSL|sslVerify|validateCertificate|checkServerCertificate)$/;

/** `checkServerIdentity: () => undefined` accepts any certificate for any host. */
function acceptsAnyIdentity(v: Node): boolean {
  const f = unwrap(v);
  if (!isFunction(f)) return false;
  if (f.body.type !== 'BlockStatement') return f.body.type === 'Identifier' && f.body.name === 'undefined';
  return f.body.body.every((s) => s.type === 'ReturnStatement' && (!s.argument || (s.argument.type === 'Identifier' && s.argument.name === 'undefined')));
}

/** A real `false` / `0` / `!1`: the string "false" is truthy to Node and leaves validation on. */
function isOff(n: Node): boolean {
  return isFalsy(n) && staticString(n) === undefined;
}

/** NODE_TLS_REJECT_UNAUTHORIZED set to "0": every TLS connection of the process skips validation. */
function isTlsEnvTarget(n: Node): boolean {
  const x = unwrap(n);
  return x.type === 'MemberExpression' && memberName(x) === 'NODE_TLS_REJECT_UNAUTHORIZED';
}

export default defineRule({
  meta: {
    code: 'D365T040',
    name: 'script-tls-validation-disabled',
    category: 'insecure-transport',
    severity: 'error',
    kinds: ['script'],
    exampleLanguage: 'js',
    docs: {
      summary: 'Finds JavaScript / TypeScript that switches TLS certificate validation off: rejectUnauthorized: false, NODE_TLS_REJECT_UNAUTHORIZED = "0", strictSSL: false, checkServerIdentity that accepts anything.',
      why:
        'Without certificate validation any machine on the network path can impersonate the server (a proxy, a rogue Wi-Fi, a compromised DNS entry) and read or change every request, tokens and customer data included. Build scripts, Azure Functions and PCF tooling that talk to Dataverse or a partner API are a common place for this "temporary" switch.',
      bad: 'const agent = new https.Agent({ rejectUnauthorized: false });',
      good: 'const agent = new https.Agent({ ca: fs.readFileSync("corp-root-ca.pem") });',
      fix: 'Remove the switch. If the server uses a private CA, trust that CA explicitly (the `ca` option, NODE_EXTRA_CA_CERTS); if the certificate is wrong, fix the certificate.',
      traps: 'rejectUnauthorized: true, NODE_TLS_REJECT_UNAUTHORIZED = "1", reading the setting, checks that reject http:// URLs, commented-out code.',
      references: ['https://cwe.mitre.org/data/definitions/295.html', 'https://nodejs.org/api/tls.html#tlsconnectoptions-callback'],
    },
  },
  create(ctx) {
    return {
      script(doc) {
        if (!doc.ast) return;
        walk(doc.ast, (n) => {
          if (n.type === 'Property') {
            const k = keyName(n.key, n.computed);
            if (k && OFF_WHEN_FALSE.test(k) && isOff(n.value as Node)) {
              ctx.report({ span: spanOf(n), message: `TLS certificate validation is switched off (${k}: false): anyone on the network path can impersonate the server.`, key: k });
            } else if (k === 'checkServerIdentity' && acceptsAnyIdentity(n.value as Node)) {
              ctx.report({ span: spanOf(n), message: 'checkServerIdentity accepts every certificate: anyone on the network path can impersonate the server.', key: k });
            }
          } else if (n.type === 'AssignmentExpression' && n.operator === '=') {
            const left = unwrap(n.left);
            const k = left.type === 'MemberExpression' ? memberName(left) : undefined;
            if (isTlsEnvTarget(left) && (staticString(n.right) === '0' || isFalsy(n.right))) {
              ctx.report({ span: spanOf(n), message: 'NODE_TLS_REJECT_UNAUTHORIZED = "0" switches certificate validation off for every TLS connection of the process.', key: dottedName(left) ?? 'NODE_TLS_REJECT_UNAUTHORIZED' });
            } else if (k && OFF_WHEN_FALSE.test(k) && isOff(n.right)) {
              ctx.report({ span: spanOf(n), message: `TLS certificate validation is switched off (${k} = false): anyone on the network path can impersonate the server.`, key: k });
            }
          }
        });
      },
    };
  },
});
