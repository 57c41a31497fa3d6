import { defineRule } from '../../server/src/core/rule';
import { isCredentialName } from '../../server/src/core/sensitivity';
import {
  argumentsOf,
  calleeCs,
  calleeMethodCs,
  childByField,
  declName,
  enclosingFunctionCs,
  indexerKey,
  interpolatedParts,
  plainStringValue,
  receiverCs,
  simpleName,
  spanOfCs,
  unwrapCast,
  type CsNode,
} from '../../server/src/parsers/csharp-ast';
import type { CSharpDocument } from '../../server/src/parsers/csharp';
import { initializersOf } from '../../server/src/parsers/csharp-flow';
import { constantOf } from '../../server/src/parsers/csharp-strings';

/** Logging methods of ILogger, Serilog, NLog and log4net. */
const LOGGER_METHODS = /^(Log|LogTrace|LogDebug|LogInformation|LogWarning|LogError|LogCritical|Verbose|Debug|Information|Info|Warning|Warn|Error|Fatal|Trace|InfoFormat|DebugFormat|WarnFormat|ErrorFormat|FatalFormat|Write)$/;
const LOGGER_RECEIVER = /(^|_|\.)(log|logger|_log|_logger|Log|Logger|\w*Logger|\w*Log)$/;

/** Where a value ends up in a log, a trace or in front of people: `which` arguments of the call. */
function sinkOf(call: CsNode): string | undefined {
  const callee = calleeCs(call);
  const method = calleeMethodCs(call);
  if (!callee || !method) return undefined;
  if (call.type === 'object_creation_expression') return /Exception$/.test(method) ? 'an exception message' : undefined;
  if (/^(Console(\.(Out|Error))?)\.(Write|WriteLine)$/.test(callee)) return 'the console';
  if (/^(System\.Diagnostics\.)?(Debug|Trace)\.(Write|WriteLine|WriteIf|WriteLineIf|Print|TraceInformation|TraceWarning|TraceError|Fail|Assert)$/.test(callee)) return callee.replace(/^System\.Diagnostics\./, '');
  // ITracingService.Trace and the LocalPluginContext.Trace wrappers every plug-in base has.
  if (method === 'Trace' && callee.includes('.')) return 'the plug-in trace log';
  if (LOGGER_METHODS.test(method)) {
    const recv = callee.slice(0, callee.lastIndexOf('.'));
    if (recv && LOGGER_RECEIVER.test(recv)) return 'the log';
  }
  return undefined;
}

/** Names that hold the plug-in's secure configuration. */
const SECURE_CONFIG = /^_?(secure|secured?_?(config|configuration|settings?|string|data|json|xml)\w*)$/i;
/** Flags and checks about a secret, not the secret: `hasPassword`, `isTokenValid`, `passwordIsSet`. */
const ABOUT_SECRET = /^_?(has|is|use|uses|should|can|requires?|enable[ds]?|show|allow|missing|valid)[A-Z_]|(Valid|IsValid|IsSet|Set|Present|Configured|Exists|Missing|Count|Changed|Required|Enabled|Expired|Prompt|Label|Message|Text|Caption|Title|Format|Template|Placeholder|Regex|Pattern|Policy|Field|Attribute|Column)$/;
/** Members that pass a secret's value through: `secret.Value` (Key Vault), `cred.Password`. */
const PASS_MEMBERS = /^(Value|SecretValue|SecurePassword|Parameter)$/;
const PASS_METHODS = /^(ToString|Trim|TrimEnd|TrimStart|ToUpper|ToLower|ToUpperInvariant|ToLowerInvariant|Normalize|Select|ToList|ToArray|ToDictionary|AsEnumerable)$/;
/** Names of an incoming HTTP request (Functions, ASP.NET). */
const REQUEST_NAME = /^(req|request|httpRequest|incomingRequest|Request)$/;
const PASS_FUNCTIONS = /^((string|String)\.(Format|Concat|Join)|Convert\.ToBase64String|(Encoding\.\w+|\w+Encoding)\.GetBytes|Uri\.EscapeDataString|(WebUtility|HttpUtility)\.(UrlEncode|HtmlEncode))$/;
/** A URL or string that carries a key in its query: Functions `?code=`, SAS `sig=`, `api_key=`. */
const KEY_IN_QUERY = /[?&](code|sig|key|api[-_]?key|subscription-key|access_token|token|password|pwd|client_secret|secret)=(?!\uFFFC)[^&\s#]{6,}/i;

/** Methods that look a value up by name. */
const READER_METHOD = /^(Get|Read|Retrieve|Fetch|Load|Resolve)[A-Z]?\w*$/;
/** Readers that return where a secret is, not the secret: `GetSecretName(...)`, `ResolveVaultUri(...)`. */
const REFERENCE_READER = /(Name|Names|Id|Ids|Uri|Url|Path|Variable|Setting)$/;
/** Names of where a secret is kept: the secret's name, key or variable, not the secret. */
const REFERENCE_SUFFIX = /(SecretName|VariableName|SettingName|KeyName|Variable|Setting|Name|Key)$/;

/** `ApiKeyVariable`, `Secrets.PartnerPasswordName`, "ErpClientSecret": an argument that names a secret to look up. */
function secretReference(n: CsNode | undefined): string | undefined {
  const x = unwrapCast(n);
  if (!x) return undefined;
  const literal = plainStringValue(x);
  const name = literal ?? (x.type === 'identifier' || x.type === 'member_access_expression' ? simpleName(x) : undefined);
  if (!name) return undefined;
  const bare = name.replace(/^[a-z]{2,8}_/, '');
  if (literal !== undefined) return isSecretName(bare) && /^[\w.:-]+$/.test(bare) ? name : undefined;
  const m = REFERENCE_SUFFIX.exec(bare);
  const stem = m ? bare.slice(0, m.index) : '';
  return stem && isSecretName(stem) ? name : undefined;
}

interface Leak {
  node: CsNode;
  what: string;
}

/** Request headers that carry a credential. */
const AUTH_HEADER = /^(authorization|proxy-authorization|x-api-key|api-key|x-functions-key|ocp-apim-subscription-key|x-auth-token|cookie)$/i;

/** `TryGetValues("Authorization", out var values)`: the variable an `out` argument of a header lookup declares. */
function headerOutVariable(doc: CSharpDocument, name: string): string | undefined {
  for (const n of doc.nodes ?? []) {
    if (n.type !== 'declaration_expression' || childByField(n, 'name')?.text !== name) continue;
    const call = n.parent?.parent?.parent;
    if (call?.type !== 'invocation_expression') continue;
    const header = plainStringValue(argumentsOf(call)[0]?.value);
    if (header && (AUTH_HEADER.test(header) || isSecretName(header))) return header;
  }
  return undefined;
}

function isSecretName(name: string | undefined): boolean {
  return !!name && !ABOUT_SECRET.test(name) && (isCredentialName(name) || SECURE_CONFIG.test(name));
}

/** The second string parameter of a plug-in constructor `(string unsecure, string secure)` is the secure configuration. */
function isSecureConfigParameter(n: CsNode): boolean {
  const fn = enclosingFunctionCs(n);
  if (fn?.type !== 'constructor_declaration') return false;
  const params = childByField(fn, 'parameters')?.children.filter((c) => c.type === 'parameter') ?? [];
  return params.length === 2 && params.every((p) => childByField(p, 'type')?.text === 'string') && childByField(params[1], 'name')?.text === n.text;
}

/**
 * Does this expression put a secret's text into the message? A credential-named variable, field,
 * property or member (`apiKey`, `_settings.ErpPassword`, `result.AccessToken`), a configuration
 * value read under a credential key (`config["Erp:ApiKey"]`), the secure configuration, or a
 * constant URL that carries a key. `token.Length`, `secret.Substring(0, 4)`, `result.ExpiresOn`
 * and names of secrets are not the secret.
 */
function leakIn(doc: CSharpDocument, n: CsNode | undefined, depth = 0): Leak | undefined {
  const x = unwrapCast(n);
  if (!x || depth > 8) return undefined;
  const rec = (y: CsNode | undefined): Leak | undefined => leakIn(doc, y, depth + 1);
  switch (x.type) {
    case 'identifier': {
      const name = x.text ?? '';
      if (isSecretName(name) || isSecureConfigParameter(x)) return { node: x, what: name };
      const header = headerOutVariable(doc, name);
      if (header) return { node: x, what: `${name} (the ${header} header)` };
      const c = constantOf(x, doc.constants ?? new Map());
      if (c && KEY_IN_QUERY.test(c.value)) return { node: x, what: `${name} (a URL that carries a key)` };
      const inits = initializersOf(doc, x, name);
      if (inits.length === 1) {
        const inner = rec(inits[0]);
        if (inner) return { node: x, what: `${name} (${inner.what})` };
      }
      return undefined;
    }
    case 'member_access_expression':
    case 'conditional_access_expression': {
      const name = simpleName(x);
      if (isSecretName(name) || (name && AUTH_HEADER.test(name))) return { node: x, what: name! };
      // All headers of an incoming request: Authorization, x-functions-key, signatures and cookies with them.
      if (name === 'Headers' && x.type === 'member_access_expression' && REQUEST_NAME.test(simpleName(childByField(x, 'expression')) ?? '')) return { node: x, what: 'the request headers' };
      if (name && PASS_MEMBERS.test(name)) {
        const inner = rec(x.type === 'member_access_expression' ? childByField(x, 'expression') : x.children[0]);
        if (inner) return { node: x, what: inner.what };
      }
      return undefined;
    }
    case 'element_access_expression': {
      // config["Erp:ApiKey"], ConfigurationManager.AppSettings["ServicePassword"]
      const key = indexerKey(x);
      const last = key?.split(/[:.]/).pop();
      return last && (isSecretName(last) || AUTH_HEADER.test(last)) ? { node: x, what: key! } : undefined;
    }
    case 'invocation_expression': {
      const m = calleeMethodCs(x);
      const callee = calleeCs(x) ?? '';
      // entity.GetAttributeValue<string>("cnt_apikey"): the value of a credential column.
      if (m === 'GetAttributeValue' || m === 'GetValue') {
        const v = plainStringValue(argumentsOf(x)[0]?.value);
        if (v && isSecretName(v.replace(/^[a-z]{2,8}_/, ''))) return { node: x, what: `the value of ${v}` };
      }
      if (m === 'GetValues') {
        const v = plainStringValue(argumentsOf(x)[0]?.value);
        return v && AUTH_HEADER.test(v) ? { node: x, what: `the ${v} header` } : undefined;
      }
      if (m === 'GetEnvironmentVariable') {
        const v = plainStringValue(argumentsOf(x)[0]?.value);
        return v && isSecretName(v) ? { node: x, what: v } : undefined;
      }
      // A connection string often carries a password or client secret (config.GetConnectionString("Crm")).
      if (m === 'GetConnectionString') return { node: x, what: 'a connection string' };
      // A reader handed the name of a secret returns the secret: GetSecret(vault, ApiKeySecretName),
      // Settings.GetValue(service, PartnerApiKeyVariable).
      if (m && READER_METHOD.test(m) && !REFERENCE_READER.test(m)) {
        for (const a of argumentsOf(x)) {
          const ref = secretReference(a.value);
          if (ref) return { node: x, what: `the value of ${ref}` };
        }
      }
      if (m && PASS_METHODS.test(m)) return rec(receiverCs(x));
      if (PASS_FUNCTIONS.test(callee)) {
        for (const a of argumentsOf(x)) {
          const l = rec(a.value);
          if (l) return l;
        }
      }
      return undefined;
    }
    case 'interpolated_string_expression':
      for (const p of interpolatedParts(x)) {
        const l = p.hole ? rec(p.hole) : undefined;
        if (l) return l;
      }
      return undefined;
    case 'binary_expression':
      if (x.op !== '+' && x.op !== '??') return undefined;
      return rec(childByField(x, 'left')) ?? rec(childByField(x, 'right'));
    case 'conditional_expression':
      return rec(childByField(x, 'consequence')) ?? rec(childByField(x, 'alternative'));
    case 'await_expression':
      return rec(x.children[0]);
    default:
      return undefined;
  }
}

export default defineRule({
  meta: {
    code: 'D365U010',
    name: 'csharp-logs-secret',
    category: 'unprotected-secret',
    severity: 'warning',
    kinds: ['csharp'],
    exampleLanguage: 'csharp',
    docs: {
      summary:
        'Finds C# that writes a secret (password, API key, client secret, access token, connection string, the plug-in\'s secure configuration) to ITracingService.Trace, an ILogger / Serilog / NLog / log4net call, Console, Debug / Trace, or into an exception message.',
      why:
        'Plug-in trace logs are readable by anyone with the Plug-in Trace Log privilege and are exported with support requests; ILogger output goes to Application Insights, files and CI logs; exception messages are shown to the user and stored in system jobs. A secret written there leaves the protection of the secure configuration or Key Vault and is usable by whoever reads it.',
      bad: 'tracing.Trace("Calling ERP with key {0}", apiKey);\nthrow new InvalidPluginExecutionException($"Login failed for {user} / {settings.Password}");',
      good: 'tracing.Trace("Calling ERP (key configured: {0})", !string.IsNullOrEmpty(apiKey));\nthrow new InvalidPluginExecutionException($"Login failed for {user}");',
      fix: 'Log that the secret is present, its length, expiry or a short non-reversible fingerprint, never the value. Build exception messages from ids and status codes. Rotate any secret that was already logged.',
      traps: 'Logging a secret\'s name (ApiKeySecretName), its length (password.Length), a masked or hashed form, a thumbprint, the token\'s expiry (ExpiresOn), the account name, ids and URLs without keys; commented-out code.',
      references: ['https://cwe.mitre.org/data/definitions/532.html', 'https://cwe.mitre.org/data/definitions/209.html', 'https://learn.microsoft.com/power-apps/developer/data-platform/logging-tracing'],
    },
  },
  create(ctx) {
    return {
      csharp(doc) {
        for (const n of doc.nodes ?? []) {
          if (n.type !== 'invocation_expression' && n.type !== 'object_creation_expression') continue;
          const where = sinkOf(n);
          if (!where) continue;
          for (const a of argumentsOf(n)) {
            const l = leakIn(doc, a.value);
            if (!l) continue;
            ctx.report({
              span: spanOfCs(l.node),
              message: `Secret ${l.what} is written to ${where}, where whoever reads it can use it. Log that it is set, its expiry or a fingerprint, never the value.`,
              key: `${where}|${l.what}|${declName(enclosingFunctionCs(n)) ?? ''}`,
            });
            break;
          }
        }
      },
    };
  },
});
