import { defineRule } from '../../server/src/core/rule';
import { isCredentialName } from '../../server/src/core/sensitivity';
import type { ScriptDocument } from '../../server/src/parsers/script';
import { calleeMethod, calleeName, keyName, memberName, spanOf, staticString, unwrap, walk, type Node } from '../../server/src/parsers/script-ast';

/** Where a value ends up in front of people or in logs: which arguments of which calls. */
function sinkArgs(callee: string, method: string | undefined): 'all' | 'first' | undefined {
  if (/^(window\.|globalThis\.|self\.)?console\.(log|info|warn|error|debug|trace|dir|table|group)$/.test(callee)) return 'all';
  if (/^(window\.)?alert$/.test(callee)) return 'first';
  if (/(^|\.)Xrm\.(Navigation\.(openAlertDialog|openErrorDialog|openConfirmDialog)|Utility\.(alertDialog|confirmDialog))$/.test(callee)) return 'all';
  if (method && /^(setFormNotification|setNotification|addNotification|addGlobalNotification)$/.test(method)) return 'first';
  if (/^(new )?(\w+\.)?\w*Error$/.test(callee)) return 'first';
  return undefined;
}

/** A URL or string that carries a key in its query: Functions `?code=`, SAS `sig=`, `api_key=`... */
const KEY_IN_QUERY = /[?&](code|sig|key|api[-_]?key|subscription-key|access_token|token|password|pwd|client_secret|secret)=(?!\uFFFC)[^&\s#]{6,}/i;

/** Calls that pass their receiver's or argument's text through unchanged. */
const PASS_METHODS = /^(toString|trim|trimStart|trimEnd|toUpperCase|toLowerCase|valueOf|concat|normalize)$/;
const PASS_FUNCTIONS = /^(String|JSON\.stringify|encodeURIComponent|encodeURI|escape|btoa|window\.btoa)$/;

interface Leak {
  node: Node;
  what: string;
}

/**
 * Does this expression put a secret's text into the message? A credential-named variable or member
 * (`token`, `body.AccessToken`, `setting.cnt_apikey`), the value of a credential column
 * (`getAttribute("pfx_apikey").getValue()`), or a constant URL that carries a key. `token.length`,
 * `!!token`, `body.ExpiresIn` and `response.status` are not the secret.
 */
function leakIn(n: Node, doc: ScriptDocument, inits: Map<string, Node[]>, depth = 0): Leak | undefined {
  if (depth > 8) return undefined;
  const x = unwrap(n);
  const rec = (y: Node | null | undefined): Leak | undefined => (y ? leakIn(y, doc, inits, depth + 1) : undefined);
  switch (x.type) {
    case 'Identifier': {
      if (isCredentialName(x.name)) return { node: x, what: x.name };
      const c = doc.constants?.get(x.name);
      if (c && KEY_IN_QUERY.test(c.value)) return { node: x, what: `${x.name} (a URL that carries a key)` };
      const list = inits.get(x.name);
      if (list && list.length === 1) {
        const inner = rec(list[0]);
        if (inner) return { node: x, what: `${x.name} (${inner.what})` };
      }
      return undefined;
    }
    case 'MemberExpression': {
      const k = memberName(x);
      return k && isCredentialName(k) ? { node: x, what: k } : undefined;
    }
    case 'CallExpression': {
      const m = calleeMethod(x);
      const callee = unwrap(x.callee);
      if (m === 'getValue' && callee.type === 'MemberExpression') {
        const attr = unwrap(callee.object);
        if (attr.type === 'CallExpression' && calleeMethod(attr) === 'getAttribute') {
          const col = attr.arguments[0] ? staticString(attr.arguments[0] as Node) : undefined;
          if (col && isCredentialName(col)) return { node: x, what: `the value of ${col}` };
        }
        return undefined;
      }
      if (m && PASS_METHODS.test(m) && callee.type === 'MemberExpression') return rec(callee.object);
      const name = calleeName(x);
      if (name && PASS_FUNCTIONS.test(name)) return rec(x.arguments[0] as Node | undefined);
      return undefined;
    }
    case 'TemplateLiteral':
      for (const e of x.expressions) {
        const l = rec(e);
        if (l) return l;
      }
      return undefined;
    case 'BinaryExpression':
      return x.operator === '+' ? (rec(x.left as Node) ?? rec(x.right)) : undefined;
    case 'LogicalExpression':
      return x.operator === '&&' ? rec(x.right) : (rec(x.left) ?? rec(x.right));
    case 'ConditionalExpression':
      return rec(x.consequent) ?? rec(x.alternate);
    case 'AwaitExpression':
      return rec(x.argument);
    case 'ObjectExpression':
      for (const p of x.properties) {
        if (p.type !== 'Property') continue;
        // `{ text: ... }` of a dialog; skip option flags like `{ height: 200 }` by only reading values.
        const l = rec(p.value as Node);
        if (l) return l;
      }
      return undefined;
    case 'ArrayExpression':
      for (const e of x.elements) {
        const l = e && e.type !== 'SpreadElement' ? rec(e) : undefined;
        if (l) return l;
      }
      return undefined;
    default:
      return undefined;
  }
}

function keyOf(n: Node): string | undefined {
  const x = unwrap(n);
  return x.type === 'Identifier' ? x.name : x.type === 'MemberExpression' ? keyName(x.property, x.computed) : undefined;
}

export default defineRule({
  meta: {
    code: 'D365U040',
    name: 'script-logs-secret',
    category: 'unprotected-secret',
    severity: 'warning',
    kinds: ['script'],
    exampleLanguage: 'js',
    docs: {
      summary: 'Finds scripts that write a secret (an access token, API key, password, a credential column value, a URL carrying a Functions key) to the console, an alert or notification, or an Error message.',
      why:
        'Browser consoles are captured by support tools, screen shares and session-recording extensions; error messages travel to telemetry, bug reports and the user on screen. A token or key written there is usable by whoever reads it, and it leaves the protection (a secured column, a server-side custom API) that kept it from the user.',
      bad: 'console.log("ERP token", body.AccessToken);',
      good: 'console.log("ERP token received, expires in", body.ExpiresIn, "seconds");',
      fix: 'Log that the secret was obtained, its expiry or a short non-reversible fingerprint, never the value. Build error messages from the status and an id, not from the request URL or headers.',
      traps: 'Logging the HTTP status, the expiry, an id or the length of a token; masked values (mask(token), token.slice(-4)); names of secrets; messages built from non-secret fields.',
      references: ['https://cwe.mitre.org/data/definitions/532.html', 'https://cwe.mitre.org/data/definitions/209.html'],
    },
  },
  create(ctx) {
    return {
      script(doc) {
        if (!doc.ast) return;
        // Single initialisers by name, to follow `var key = setting.cnt_apikey; console.log(key)`.
        const inits = new Map<string, Node[]>();
        walk(doc.ast, (n) => {
          if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) {
            // push, not spread: a name declared thousands of times (generated code) stays linear.
            const list = inits.get(n.id.name);
            if (list) list.push(n.init);
            else inits.set(n.id.name, [n.init]);
          }
        });
        const report = (l: Leak, where: string): void =>
          ctx.report({
            span: spanOf(l.node),
            message: `Secret ${l.what} is written to ${where}, where whoever reads the log or screen can use it. Log the status or expiry, not the value.`,
            key: `${where}|${keyOf(l.node) ?? l.what}`,
          });
        walk(doc.ast, (n) => {
          if (n.type === 'CallExpression' || n.type === 'NewExpression') {
            const callee = calleeName(n);
            if (!callee) return;
            const sink = sinkArgs(callee, n.type === 'CallExpression' ? calleeMethod(n) : undefined);
            if (!sink) return;
            const args = sink === 'first' ? n.arguments.slice(0, 1) : n.arguments;
            for (const a of args) {
              if (a.type === 'SpreadElement') continue;
              const l = leakIn(a, doc, inits);
              if (l) {
                report(l, /Error$/.test(callee) ? 'an error message' : callee.replace(/^new /, ''));
                break;
              }
            }
          } else if (n.type === 'ThrowStatement' && n.argument) {
            const a = unwrap(n.argument);
            if (a.type === 'NewExpression' || a.type === 'CallExpression') return; // handled as a call
            const l = leakIn(a, doc, inits);
            if (l) report(l, 'a thrown error');
          }
        });
      },
    };
  },
});
