import { defineRule } from '../../server/src/core/rule';
import { HOLE, type Span, type StringFact } from '../../server/src/core/types';

/** Names a Basic credential is bound to: the header itself, or a variable / property for it. */
const AUTH_NAME = /(authori[sz]ation|^auth|auth$|authheader|authvalue|credentials?$|basicauth)/i;

/** The value a Basic header carries after the scheme: base64 or computed parts. */
const BASIC = /^\s*Basic\s+([A-Za-z0-9+/=\uFFFC]+)\s*$/;

/** Does this base64 decode to `user:password`? */
function decodesToUserPassword(b64: string): boolean {
  if (b64.length < 8 || b64.length > 400 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return false;
  let text: string;
  try {
    text = atob(b64);
  } catch {
    return false;
  }
  return /^[\x20-\x7e]+:[\x20-\x7e]*$/.test(text);
}

/**
 * Is this string a Basic Authorization value? A literal `Basic <base64 of user:pass>` always is;
 * a composed one (`"Basic " + btoa(user + ":" + pass)`) when it is built with base64 or goes to an
 * Authorization header / auth variable. `"Basic information"` and `startsWith("Basic ")` are not.
 */
export function isBasicAuthValue(f: StringFact, source: string): boolean {
  const m = BASIC.exec(f.value);
  if (!m) return false;
  const rest = m[1]!;
  if (!rest.includes(HOLE) && decodesToUserPassword(rest)) return true;
  if (f.name && AUTH_NAME.test(f.name)) return true;
  return rest.includes(HOLE) && /\bbtoa\s*\(|base64|Buffer\s*\.\s*from/i.test(source);
}

export default defineRule({
  meta: {
    code: 'D365L040',
    name: 'script-basic-auth-header',
    category: 'legacy-auth',
    severity: 'warning',
    kinds: ['script'],
    exampleLanguage: 'js',
    docs: {
      summary: 'Finds Basic authentication built in JavaScript / TypeScript: "Basic " + btoa(user + ":" + password), a literal Basic header value, setRequestHeader("Authorization", "Basic ...").',
      why:
        'Basic authentication sends a reusable user name and password with every request. Conditional Access and MFA cannot protect it, the account cannot have MFA, and in a web resource the credential is downloaded by every user who opens the form. A leaked Basic credential works from anywhere until someone changes the password.',
      bad: 'xhr.setRequestHeader("Authorization", "Basic " + btoa(user + ":" + password));',
      good: '// Call a Dataverse custom API (or an Entra-protected API with a token the server obtains) instead.\nconst res = await Xrm.WebApi.online.execute(getQuoteRequest);',
      fix: 'Move the call server-side (a custom API or plug-in that uses a managed identity or client credentials) or protect the partner API with Entra ID and send a Bearer token. Rotate the exposed password.',
      traps: 'Bearer tokens ("Bearer " + token), code that parses or tests for the "Basic " scheme, text that begins with the word Basic, commented-out code.',
      references: ['https://learn.microsoft.com/entra/identity/conditional-access/block-legacy-authentication', 'https://cwe.mitre.org/data/definitions/522.html'],
    },
  },
  create(ctx) {
    return {
      strings(facts, doc) {
        if (doc.kind !== 'script') return;
        const text = doc.file.text;
        for (const f of facts) {
          if (f.inComment || f.origin === 'comment') continue;
          const src = text.slice(f.span.start, Math.min(f.span.end, f.span.start + 2000));
          if (!isBasicAuthValue(f, src)) continue;
          // A constant's use is reported where the constant is written (once, however often it is used).
          const span: Span = f.origin === 'constant' && f.definedAt?.path === doc.file.path ? f.definedAt.span : f.span;
          ctx.report({
            span,
            message: 'Basic authentication: a reusable user name and password travel with every request, which MFA and Conditional Access cannot protect. Use a server-side call with a managed identity or an Entra ID token.',
            // A literal header carries the credential: it is the fingerprint (hashed, never printed).
            ...(f.value.includes(HOLE) ? { key: `basic|${f.name ?? ''}|${f.callee ?? ''}|${f.value}` } : { secret: f.value }),
          });
        }
      },
    };
  },
});
