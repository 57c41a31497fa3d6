/**
 * What in AL code holds a secret: variables, parameters and fields named like credentials
 * (sensitivity.ts) of a text type, SecretText values, `.Unwrap()` results, and authorization
 * header values. Shared by the unprotected-secret rules.
 */
import { isCredentialName } from '../core/sensitivity';
import { lastName, unparen, type AlExpr, type AlVariable } from './al-ast';

/** Types that show their value in the debugger. */
export const TEXT_TYPES = new Set(['text', 'code', 'bigtext']);

/** Header values that carry a credential even though their name is not a credential term. */
const AUTH_HEADER_NAME = /^(auth|authorization|authheader|authorizationheader|authvalue|authorizationvalue|authstring|basicauth|basicauthheader|bearer|bearertoken|credentials?)$/;

const compact = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Names that end in a credential term hold one (`NewPassword`, `ClientSecret`, `AuthToken`). */
const CREDENTIAL_END = /(password|passwd|pwd|passphrase|secret|apikey|accesskey|privatekey|token|credentials?|connectionstring|sharedkey|accountkey|subscriptionkey|signingkey|masterkey|saskey)$/;
/**
 * Names that end in a word about a credential describe it: when it expires, whether it is set,
 * where it is kept (`Token Expires At`, `Password Set`, `Secret Key Id`, `Token URL`).
 */
const ABOUT_END = /(date|time|datetime|at|on|expires|expiry|expiration|count|length|size|status|type|url|uri|endpoint|id|ids|name|names|keyid|hint|policy|enabled|required|set|exists|missing|changed)$/;

/** A credential name for a stored value (variable, parameter, field): `sensitivity.isCredentialName` with AL field names like `Token Expires At` excluded. */
export function isCredentialValueName(name: string): boolean {
  const c = compact(name);
  if (!CREDENTIAL_END.test(c) && ABOUT_END.test(c)) return false;
  return isCredentialName(name);
}

export function isSecretName(name: string): boolean {
  return isCredentialValueName(name) || AUTH_HEADER_NAME.test(compact(name));
}

export function hasNonDebuggable(v: { attributes: { lower: string }[] }): boolean {
  return v.attributes.some((a) => a.lower === 'nondebuggable');
}

/** A declared variable is a secret value (not a label, flag, id or record that merely has such a name). */
export function isSecretVariable(v: AlVariable): boolean {
  if (v.typeName === 'secrettext') return true;
  return TEXT_TYPES.has(v.typeName) && isSecretName(v.name);
}

/** Wrapper calls that keep the secret's text in their result. */
const PASS_THROUGH = /^(strsubstno|secretstrsubstno|format|copystr|uppercase|lowercase|delchr|convertstr|padstr|incstr|selectstr|totext|astext|trim|substring|tobase64|frombase64)$/i;

/**
 * The first secret an expression puts into its value: a secret variable, a credential-named field
 * (`Setup.Password`), `X.Unwrap()`, or a `GetPassword()` style call. Comparisons, lengths and
 * emptiness checks do not carry the value.
 */
export function secretIn(e: AlExpr, scope: Map<string, AlVariable>, depth = 0): AlExpr | undefined {
  if (depth > 50) return undefined;
  const x = unparen(e);
  switch (x.type) {
    case 'ident': {
      const v = scope.get(x.name.toLowerCase());
      if (v) return isSecretVariable(v) ? x : undefined;
      return isSecretName(x.name) ? x : undefined; // a field of the implicit Rec
    }
    case 'member':
      return isSecretName(x.name) && !/^(id|keyid)$/i.test(x.name) ? x : undefined;
    case 'binary':
      return x.op === '+' ? (secretIn(x.left, scope, depth + 1) ?? secretIn(x.right, scope, depth + 1)) : undefined;
    case 'call': {
      const m = lastName(x.callee) ?? '';
      if (/^unwrap$/i.test(m)) return x;
      if (/^get/i.test(m) && isCredentialValueName(m.slice(3))) return x;
      if (PASS_THROUGH.test(m)) {
        for (const a of x.args) {
          const s = secretIn(a, scope, depth + 1);
          if (s) return s;
        }
        if (x.callee.type === 'member' && /^(totext|astext|trim|substring)$/i.test(m)) return secretIn(x.callee.object, scope, depth + 1);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

export function exprText(e: AlExpr, text: string): string {
  return text.slice(e.span.start, e.span.end).replace(/\s+/g, ' ').slice(0, 80);
}
