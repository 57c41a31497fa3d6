import { defineRule } from '../../server/src/core/rule';
import { HOLE, type StringFact } from '../../server/src/core/types';
import { connectionPairs } from '../legacy-auth/password-connection-string';

/** Names that hold a credential (compact form: lower case, letters and digits only). */
const CREDENTIAL_NAME = /(password|passwd|pwd|secret|apikey|accesskey|accountkey|sharedaccesskey|subscriptionkey|functionskey|functionkey|hostkey|masterkey|signingkey|sharedkey|encryptionkey|decryptionkey|validationkey|privatekey|authtoken|accesstoken|bearertoken|token|credential)/;
/** Names that refer to where a credential lives or describe it, not hold it. */
const REFERENCE_NAME = /(name|names|id|ids|uri|url|keyname|thumbprint|length|hint|policy|endpoint|expiry|expires|expireson|type|path|file|header|prompt|label|caption|tooltip|description|format|pattern|regex|hash|lifetime|required|enabled|version)$/;
const NEVER_CREDENTIAL = new Set(['publickeytoken', 'instrumentationkey', 'isdatasourcesecret', 'usersecretsid', 'tokenendpoint']);

/** Placeholders and references: documentation values, pipeline tokens, Key Vault, flow expressions. */
const PLACEHOLDER = /^(<.*>|\{[A-Za-z_][\w .:-]*\}|\*+|x{3,}|\.{3,}|changeme|change[-_ ]?me|password|secret|passcode|your[-_ a-z]*|not[-_ ]a[-_ ]real[-_a-z]*|dummy\w*|fake\w*|sample\w*|example\w*|placeholder\w*|redacted|todo|tbd|none|null|undefined|true|false)$/i;
const REFERENCE = /@microsoft\.keyvault|\.vault\.azure\.net|@parameters\(|@\{|@body\(|@variables\(|\$\(|#\{|\$\{|^%[^%]+%$|\{\d+\}|%\d|user-secrets|environmentvariable/i;
const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
/** The Azure storage emulator's published account key: public by design. */
const EMULATOR_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IfsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** The signature of jwt.io's sample token, copied into countless docs and tests: public. */
const JWT_IO_SAMPLE = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

/** Provider formats that are secrets whatever they are called (formats.md §16). */
const PROVIDER: [RegExp, string][] = [
  [/[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/, 'Entra ID client secret'],
  [/-----BEGIN (?:RSA |EC |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/, 'private key'],
  [/(?:^|[;\s])AccountKey=[A-Za-z0-9+/]{86}==/, 'storage account key'],
  [/[?&]sig=[A-Za-z0-9%+/_-]{30,}/, 'SAS signature'],
  [/SharedAccessKey=[A-Za-z0-9+/]{40,}=?/, 'Service Bus / Event Hubs shared access key'],
  [/[?&]code=[A-Za-z0-9_-]{30,}={0,2}/, 'Azure Functions key'],
  [/\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/, 'JSON Web Token (bearer token)'],
  // Common SaaS formats Dynamics integrations carry (gitleaks' shapes): distinctive prefixes and lengths.
  [/\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/, 'SendGrid API key'],
  [/\bgh[pousr]_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{82}\b/, 'GitHub token'],
  [/\bxox[baprs]-[A-Za-z0-9-]{10,}/, 'Slack token'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'AWS access key id'],
  [/\b[sr]k_live_[A-Za-z0-9]{24,}\b/, 'Stripe live secret key'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'Google API key'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'npm access token'],
];

/** Keys inside connection strings whose value is a secret. */
const CONN_SECRET_KEYS = ['password', 'pwd', 'clientsecret', 'secret', 'accountkey', 'sharedaccesskey', 'sharedaccesssignature'];

function compact(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** `TRACKING_PASS`, `dbPass`, `smtp-pw`: the last word of the name is `pass` or `pw`. */
function passwordWord(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const last = words[words.length - 1];
  return last === 'pass' || last === 'pw';
}

export function isCredentialName(name: string | undefined): boolean {
  if (!name) return false;
  // AL names its labels and text constants with a kind suffix: `ApiKeyTok`, `TokenPathTok`, `PasswordLbl`.
  const c = compact(name.replace(/([a-z0-9])(Tok|Lbl|Txt|Msg|Err|Qst)$/, '$1'));
  if (NEVER_CREDENTIAL.has(c)) return false;
  const m = CREDENTIAL_NAME.exec(c);
  if (!m) return passwordWord(name);
  const rest = c.slice(m.index + m[0].length);
  return !REFERENCE_NAME.test(rest) && !REFERENCE_NAME.test(c);
}

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/** A value that could be a real secret: long enough, not prose, not a placeholder, identifier or reference. */
export function looksLikeSecretValue(v: string, named = false): boolean {
  const s = v.trim();
  if (s.length < 8 || s.length > 512 || s.includes(HOLE)) return false;
  if (/\s/.test(s) || PLACEHOLDER.test(s) || REFERENCE.test(s) || GUID.test(s)) return false;
  // Bare hex of thumbprint / PublicKeyToken length is an identifier, unless a credential name says it is a key.
  if ((!named && (/^[0-9a-f]{40}$/i.test(s) || /^[0-9a-f]{16}$/i.test(s))) || /^\d+$/.test(s)) return false;
  if (/^https?:\/\//i.test(s) || isHostName(s)) return false; // addresses and host names
  if (/^[^@\s:/]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(s)) return false; // e-mail addresses and UPNs
  if (/^[a-z]+([-_][a-z]+)*$/.test(s)) return false; // kebab/snake words: secret names, not secrets
  // File paths and module specifiers (`bin/secretlint.js`, `./lib/tokenize`): where code lives, not a key.
  if (/^\.{0,2}\/?([\w@.-]+\/)+[\w.-]+$/.test(s) && (/^\.{1,2}\//.test(s) || /\.(c?js|mjs|ts|json|exe|dll|sh|ps1|cmd|bat|py|xml|config|pfx|pem|cer|key)$/i.test(s))) return false;
  if (isIdentifierShaped(s)) return false;
  // A relative URL path of lower-case words (`oauth2/token`, `v3/scores/{id}`): where a credential is requested, not one.
  if (/^\/?[a-z0-9_.-]+(\/[a-z0-9_.%{}-]+)+\/?$/.test(s) && !/\d{4,}|[a-z0-9]{24,}/.test(s)) return false;
  // Upper-case identifiers (`CNT-PAYOUT-LEGACY-PWD`, `ERP_API_KEY`): the name of a stored secret
  // (an AL isolated-storage key, a Key Vault or environment variable name), not its value.
  if (/^[A-Z][A-Z0-9]*([-_.][A-Z][A-Z0-9]*)+$/.test(s)) return false;
  if (/not[-_ ]?a[-_ ]?real|placeholder|example|changeme|dummy|fake/i.test(s)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(s)).length;
  return classes >= 2 && entropy(s) >= 3;
}

/**
 * `api.contoso.com`, `erp-gw.internal`, `10.0.0.12`: dot-separated labels ending in a top-level
 * domain (or all numbers). A dotted token with long mixed-case labels (`SG.AbC…x9.Zy…`) is not one.
 */
function isHostName(s: string): boolean {
  const labels = s.split('.');
  if (labels.length < 2 || !labels.every((l) => /^[a-z0-9-]{1,63}$/i.test(l))) return false;
  if (labels.every((l) => /^\d{1,3}$/.test(l))) return true;
  if (!/^[a-z]{2,24}$/i.test(labels[labels.length - 1]!)) return false;
  return !labels.some((l) => l.length > 20 && /[a-z]/.test(l) && /[A-Z]/.test(l) && /\d/.test(l));
}

/**
 * Names of credentials, not credentials: configuration key paths (`Erp:ClientSecret`), environment
 * variable names (`ERP_CLIENT_SECRET`), Dataverse schema names (`cnt_ApiKey`), HTTP header names
 * (`X-Partner-Key`) and identifiers made only of letters that name a credential (`ErpClientSecret`). Code binds these to credential-named
 * constants all the time (`const string ClientSecretSetting = "Erp:ClientSecret"`).
 */
function isIdentifierShaped(s: string): boolean {
  if (/^[A-Za-z][A-Za-z_.]*(:[A-Za-z][A-Za-z_.]*)+$/.test(s)) return true;
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(s) && (s.match(/\d/g) ?? []).length <= 3) return true;
  if (/^[a-z]{2,8}_[A-Za-z]+$/.test(s)) return true;
  if (/^[A-Za-z]+(-[A-Za-z]+)+$/.test(s)) return true; // an HTTP header name: X-Partner-Key, Ocp-Apim-Subscription-Key
  return /^[A-Za-z]+$/.test(s) && /secret|password|passwd|apikey|key|token|credential/i.test(s);
}

/** `Basic <base64 of user:password>`: the password is right there, one decode away. */
function basicCredential(v: string): boolean {
  const m = /^Basic ([A-Za-z0-9+/]{12,}={0,2})$/.exec(v.trim());
  if (!m) return false;
  let decoded: string;
  try {
    decoded = atob(m[1]!);
  } catch {
    return false;
  }
  const colon = decoded.indexOf(':');
  return colon > 0 && colon < decoded.length - 4 && /^[\x20-\x7e]+$/.test(decoded);
}

function providerMatch(v: string): string | undefined {
  if (v.includes(EMULATOR_KEY)) return undefined;
  if (basicCredential(v)) return 'Basic authorization credential (base64 of user:password)';
  for (const [re, what] of PROVIDER) {
    // Vendors' documented sample keys (AWS's `AKIAIOSFODNN7EXAMPLE`) say so in the key.
    const m = re.exec(v);
    if (m && !/EXAMPLE/.test(m[0])) return what;
  }
  return undefined;
}

function connectionSecret(v: string): string | undefined {
  if (v.indexOf('=') < 0 || v.indexOf(';') < 0) return undefined;
  const pairs = connectionPairs(v);
  for (const k of CONN_SECRET_KEYS) {
    const val = pairs.get(k);
    if (val && val !== EMULATOR_KEY && looksLikeSecretValue(val)) return val;
  }
  return undefined;
}

export /**
 * Credential parameters of well-known APIs, by the callee's last name and argument index, for
 * literals passed positionally: `new ClientSecretCredential(tenant, client, "<secret>")`,
 * `new NetworkCredential(user, "<password>")`, `.WithClientSecret("<secret>")`.
 */
const CREDENTIAL_PARAMETERS: Record<string, Record<number, string>> = {
  ClientSecretCredential: { 2: 'clientSecret' },
  NetworkCredential: { 1: 'password' },
  UsernamePasswordCredential: { 1: 'password' },
  UserPasswordCredential: { 1: 'password' },
  UserCredential: { 1: 'password' },
  ClientCredential: { 1: 'clientSecret' },
  StorageSharedKeyCredential: { 1: 'accountKey' },
  AzureKeyCredential: { 0: 'apiKey' },
  AzureSasCredential: { 0: 'signature' },
  X509Certificate2: { 1: 'password' },
  WithClientSecret: { 0: 'clientSecret' },
  SetPassword: { 0: 'password' },
  AcquireTokenByUsernamePassword: { 2: 'password' },
};

/** Calls that set a request header, and header names that carry a credential (`X-Api-Key`, `X-Partner-Token`). */
const HEADER_CALLEE = /(^|\.)(Headers|DefaultRequestHeaders|RequestHeaders)\.(Add|TryAddWithoutValidation|Set)$|(^|\.)(AddHeader|setRequestHeader|SetRequestHeader)$/;
const CREDENTIAL_HEADER = /(^|[-_])(api[-_]?)?(key|token|secret|signature|password)$/i;

/** The name a value is bound to, or the credential parameter of the API it is passed to. */
function boundName(f: StringFact): string | undefined {
  if (f.name && f.callee && f.argIndex === 1 && HEADER_CALLEE.test(f.callee) && CREDENTIAL_HEADER.test(f.name)) return `${f.name} header secret`;
  if (f.name || !f.callee || f.argIndex === undefined) return f.name;
  const last = f.callee.replace(/^new /, '').split('.').pop() ?? '';
  return CREDENTIAL_PARAMETERS[last.replace(/<.*$/, '')]?.[f.argIndex];
}

function verdict(f: StringFact): { secret: string; what: string } | undefined {
  const v = f.value;
  if (v.includes(JWT_IO_SAMPLE)) return undefined;
  const provider = providerMatch(v);
  if (provider) return { secret: v, what: provider };
  if (f.inComment || f.origin === 'comment') return undefined;
  const conn = connectionSecret(v);
  if (conn) return { secret: conn, what: 'connection string secret' };
  const name = boundName(f);
  if (isCredentialName(name) && looksLikeSecretValue(v, true)) return { secret: v, what: `value of ${name}` };
  // An entry of a collection of credentials (`SigningSecrets["visa"]`, `"Secrets": { "Partner": ... }`).
  const container = f.path && f.name && f.path.endsWith(`.${f.name}`) ? f.path.slice(0, -f.name.length - 1).split(/[.:]/).pop() : undefined;
  if (container && CREDENTIAL_COLLECTION.test(compact(container)) && !IDENTITY_KEY.test(f.name!) && looksLikeSecretValue(v, true)) return { secret: v, what: `${container} entry ${f.name}` };
  // `lookupKey`, `licenseKey`, `serviceKey`: a name that ends in Key holds a key only when the value is
  // unmistakably random (long, mixed, high entropy), since cache, sort and partition keys end in Key too.
  if (name && /(^|[a-z0-9_])(Key|KEY|_key)$/.test(name) && !REFERENCE_KEY.test(name) && strongRandom(v)) return { secret: v, what: `value of ${name}` };
  return embeddedJson(v);
}

/** A collection of credentials by its (plural) name: `SigningSecrets`, `Passwords`, `PartnerApiKeys`. */
const CREDENTIAL_COLLECTION = /(secrets|passwords|credentials|(api|access|signing|shared|subscription|function|host|master|client)keys)$/;
/** Keys of a credentials section that identify rather than authenticate. */
const IDENTITY_KEY = /(user(name)?|login|e-?mail|account(name)?|name|id|url|uri|endpoint|host|server|tenant|client(id)?|scope|resource|audience|authority|region|type)$/i;
/** Names ending in Key that never hold a secret. */
const REFERENCE_KEY = /(primary|foreign|partition|row|sort|cache|idempotency|correlation|entity|registry|storage|setting|config|resource|hot|short(cut)?|map|dictionary|group|public|object|message|translation|i18n|label|route|query|search|unique|composite|natural|surrogate)_?key$/i;

/** A value that can only be random: 20+ characters of hex or base64-like text with high entropy. */
function strongRandom(v: string): boolean {
  const s = v.trim();
  if (s.length < 20 || s.length > 256 || /\s/.test(s) || !looksLikeSecretValue(s, true)) return false;
  if (/^[0-9a-f]{20,}$/i.test(s)) return entropy(s) >= 3.3 && /[a-f]/i.test(s) && /\d/.test(s);
  return /^[A-Za-z0-9+/_=.~-]+$/.test(s) && entropy(s) >= 4 && /\d/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s);
}

/**
 * JSON kept as a string (a JSON-typed environment variable, a flow parameter's default, a
 * setting): `{"username":"svc","password":"..."}` holds its credential one parse away.
 */
function embeddedJson(v: string): { secret: string; what: string } | undefined {
  const t = v.trim();
  if (t.length < 12 || t.length > 20000 || t[0] !== '{' || t[t.length - 1] !== '}') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return undefined;
  }
  const stack: [unknown, number][] = [[parsed, 0]];
  while (stack.length) {
    const [o, d] = stack.pop()!;
    if (!o || typeof o !== 'object' || d > 6) continue;
    for (const [k, x] of Object.entries(o as Record<string, unknown>)) {
      if (typeof x === 'string') {
        // verdict looks into JSON nested in this string too; each level is shorter, so it ends.
        const inner = verdict({ value: x, name: k, span: { start: 0, end: 0 }, origin: 'literal' });
        if (inner) return { secret: inner.secret, what: `${inner.what} in embedded JSON` };
      } else stack.push([x, d + 1]);
    }
  }
  return undefined;
}

/**
 * A value composed from a constant and literals (`Base + "?sv=...&sig=..."`) is reported here only
 * when the secret is in the literal part; when the constant itself holds it, it is reported where
 * the constant is written.
 */
function fromConstant(f: StringFact, secret: string, text: string): boolean {
  const def = f.definedAt!;
  const src = text.slice(def.span.start, def.span.end);
  if (src.includes(secret)) return true;
  // The literals written here, without the constants: `"Bearer " + Token` holds no secret of its own.
  if (f.span.end - f.span.start < 4000) {
    const own = [...text.slice(f.span.start, f.span.end).matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g)].map((m) => m[1] ?? m[2] ?? '').join('');
    if (!verdict({ ...f, value: own, origin: 'literal' })) return true;
  }
  return !!verdict({ value: src.replace(/^@?\$?"|"$/g, ''), span: def.span, origin: 'literal', ...(f.name ? { name: f.name } : {}) });
}

export default defineRule({
  meta: {
    code: 'D365S001',
    name: 'credential-literal',
    category: 'hardcoded-secret',
    severity: 'error',
    kinds: ['csharp', 'script', 'al', 'xml', 'json', 'text'],
    exampleLanguage: 'json',
    fixable: true,
    docs: {
      summary:
        'Finds credentials written into the project: provider-shaped secrets (Entra client secrets, storage keys, SAS signatures, Service Bus keys, Functions keys, private keys), secrets inside connection strings, and high-entropy values of credential-named settings, variables and arguments.',
      why:
        'A secret in source control is readable by everyone with access to the repository, its forks, its build logs and its history, long after the line is deleted. Dataverse plug-in assemblies, web resources and exported solutions copy it further, into every environment they are imported to.',
      bad: '{ "Dataverse": { "ClientSecret": "mZy4Q~…" } }',
      good: '{ "Dataverse": { "ClientSecret": "@Microsoft.KeyVault(SecretUri=https://kv-crm.vault.azure.net/secrets/dataverse-client-secret/)" } }',
      fix:
        'Rotate the credential first (it stays in git history), then read it at run time from Azure Key Vault: a Key Vault reference in App Service / Functions settings, a Dataverse environment variable of type Secret, AL IsolatedStorage filled from App Key Vault, or SecretClient with DefaultAzureCredential.',
      traps:
        'Key Vault URIs and secret names, @Microsoft.KeyVault references, flow expressions (@parameters, @body), pipeline tokens (#{X}#, $(X)), GUIDs, certificate thumbprints, PublicKeyToken, instrumentation keys, documentation placeholders (<your-secret>, changeme), obvious test placeholders, the public storage emulator key, and values in comments unless they have a provider format.',
      references: ['https://cwe.mitre.org/data/definitions/798.html'],
    },
  },
  create(ctx) {
    return {
      strings(facts, doc) {
        if (doc.role === 'docs') return;
        for (const f of facts) {
          if (f.origin === 'constant') {
            // A use of a constant is reported where the constant is written: the use can reveal what
            // it is (a credential header or API parameter) when the constant's own name does not.
            const v = f.definedAt?.path === doc.file.path ? verdict(f) : undefined;
            if (v) ctx.report({ span: f.definedAt!.span, message: `Hard-coded ${v.what} ({secret}). Move it to Azure Key Vault and rotate it: it stays in git history.`, secret: v.secret, fixData: { name: null } });
            continue;
          }
          const v = verdict(f);
          if (!v) continue;
          if (f.definedAt && fromConstant(f, v.secret, doc.file.text)) continue;
          ctx.report({
            span: f.span,
            message: `Hard-coded ${v.what} ({secret}). Move it to Azure Key Vault and rotate it: it stays in git history.`,
            secret: v.secret,
            fixData: { name: f.name ?? null },
          });
        }
      },
    };
  },
});
