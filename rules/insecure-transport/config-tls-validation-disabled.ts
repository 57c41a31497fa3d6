import { defineRule } from '../../server/src/core/rule';
import type { Span, StringFact } from '../../server/src/core/types';
import type { JsonNode } from '../../server/src/parsers/json';

/** Environment variables whose value switches certificate checking off for a whole tool chain. */
const ENV_OFF: [RegExp, RegExp][] = [
  [/^NODE_TLS_REJECT_UNAUTHORIZED$/i, /^0$/],
  [/^GIT_SSL_NO_VERIFY$/i, /^(1|true|yes)$/i],
  [/^PYTHONHTTPSVERIFY$/i, /^0$/],
  [/^AZURE_CLI_DISABLE_CONNECTION_VERIFICATION$/i, /^(1|true|yes)$/i],
  [/^(CURL_SSL_NO_VERIFY|SSL_NO_VERIFY|INSECURE_SKIP_TLS_VERIFY|NPM_CONFIG_STRICT_SSL)$/i, /^(1|true|yes|false)$/i],
];

/** Settings named for skipping validation (true = off) or for doing it (false = off). */
const SKIP_KEY = /^[a-z0-9]*?(skip|disable|ignore|bypass|allow(invalid|untrusted|selfsigned)|acceptany|trustall|accept(all|invalid|untrusted))(ssl|tls|https|server)?(certificate|cert)s?(validation|verification|check|checks|errors)?$/;
const VALIDATE_KEY = /^[a-z0-9]*?(validate|verify|check)(server|ssl|tls)?(certificate|cert)s?(chain|name)?$|^[a-z0-9]*?(strictssl|sslverify|verifyssl|tlsverify)$|^[a-z0-9]*?(servercertificate|certificate|cert|ssl|tls)(validation|verification|check)(enabled)?$/;

const compact = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const truthy = (v: string): boolean => /^(true|1|yes|on)$/i.test(v.trim());
const falsy = (v: string): boolean => /^(false|0|no|off)$/i.test(v.trim());

/** Is `name = value` a setting that turns certificate validation off? */
export function disablesValidation(name: string | undefined, value: string): string | undefined {
  // VS Code's own proxy setting: the editor's traffic, not the project's.
  if (!name || /^http\.proxyStrictSSL$/i.test(name)) return undefined;
  for (const [k, v] of ENV_OFF) if (k.test(name) && v.test(value.trim())) {
    if (/npm_config_strict_ssl/i.test(name) && !falsy(value)) continue;
    return `${name}=${value.trim()}`;
  }
  const c = compact(name.replace(/^.*[.:]/, ''));
  if (SKIP_KEY.test(c) && truthy(value)) return `${name} = ${value.trim()}`;
  if (VALIDATE_KEY.test(c) && falsy(value)) return `${name} = ${value.trim()}`;
  return undefined;
}

/** Command lines that skip certificate checks. */
const COMMANDS: [RegExp, string][] = [
  [/^(?:&\s*)?curl(\.exe)?\b.*\s(-k|--insecure)(\s|$)/i, 'curl --insecure'],
  [/^(?:&\s*)?wget\b.*\s--no-check-certificate\b/i, 'wget --no-check-certificate'],
  [/\b(Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\b.*\s-SkipCertificateCheck\b/i, '-SkipCertificateCheck'],
  [/ServerCertificateValidationCallback\s*=\s*\{\s*\$true\s*\}/i, 'ServerCertificateValidationCallback = { $true }'],
  [/ServerCertificateValidationCallback\s*=\s*\[?[\w.]*TrustAll/i, 'a trust-all ServerCertificateValidationCallback'],
  [/\bgit\b.*\b(-c\s+)?http\.sslVerify(\s*=\s*|\s+)false\b/i, 'git http.sslVerify false'],
  [/\bnpm\s+config\s+set\s+strict-ssl\s+false\b/i, 'npm strict-ssl false'],
  [/\baz\s+.*\s--insecure(\s|$)/i, 'az --insecure'],
];

function walkBooleans(n: JsonNode, out: { key: string; node: JsonNode }[], depth = 0): void {
  if (depth > 100) return;
  if (n.type === 'object') {
    for (const p of n.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || !v) continue;
      if (v.type === 'boolean' || v.type === 'number') out.push({ key: String(k.value), node: v });
      else walkBooleans(v, out, depth + 1);
    }
  } else if (n.type === 'array') for (const c of n.children ?? []) walkBooleans(c, out, depth + 1);
}

export default defineRule({
  meta: {
    code: 'D365T060',
    name: 'config-tls-validation-disabled',
    category: 'insecure-transport',
    severity: 'error',
    kinds: ['text', 'json', 'xml'],
    exampleLanguage: 'yaml',
    docs: {
      summary:
        'Finds configuration and scripts that switch TLS certificate validation off: settings such as SkipCertificateValidation=true or ValidateServerCertificate=false, NODE_TLS_REJECT_UNAUTHORIZED=0 and GIT_SSL_NO_VERIFY, curl -k, wget --no-check-certificate, Invoke-RestMethod -SkipCertificateCheck and a ServerCertificateValidationCallback that returns $true.',
      why:
        'Without certificate validation, TLS still encrypts but no longer proves who is at the other end: anyone on the network path (a proxy, a compromised Wi-Fi, a poisoned DNS entry) can present any certificate and read or change the traffic, including the tokens and passwords a pipeline or integration sends to Dataverse, Business Central or Key Vault.',
      bad: 'variables:\n  NODE_TLS_REJECT_UNAUTHORIZED: "0"\nsteps:\n  - script: curl -k https://erp.contoso.lan/api/health',
      good: 'steps:\n  - script: curl --cacert certs/contoso-root.pem https://erp.contoso.lan/api/health',
      fix:
        'Keep validation on. If a server uses a private CA, trust that CA (install its root on the agent, --cacert, NODE_EXTRA_CA_CERTS, a custom validation callback that pins the expected certificate) instead of accepting every certificate; replace expired or self-signed certificates on the server.',
      traps:
        'Settings that keep validation on (ValidateServerCertificate=true, NODE_TLS_REJECT_UNAUTHORIZED=1), NODE_EXTRA_CA_CERTS and --cacert, the editor\'s own http.proxyStrictSSL setting, commented-out lines, documentation, and commands that merely mention the flag in an echo or a comment.',
      references: ['https://cwe.mitre.org/data/definitions/295.html', 'https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue'],
    },
  },
  create(ctx) {
    const seen = new Set<number>();
    const report = (span: Span, what: string): void => {
      if (seen.has(span.start)) return;
      seen.add(span.start);
      ctx.report({ span, message: `TLS certificate validation is switched off (${what}): anyone on the network path can impersonate the server and read the traffic. Trust the right CA instead.`, key: what });
    };
    return {
      text(doc) {
        if (doc.role === 'docs') return;
        for (const c of doc.commands ?? []) {
          if (/^(echo|Write-Host|Write-Output|printf)\b/i.test(c.text)) continue;
          for (const [re, what] of COMMANDS) {
            if (re.test(c.text)) {
              report(c.span, what);
              break;
            }
          }
        }
      },
      json(doc) {
        if (!doc.root) return;
        const bools: { key: string; node: JsonNode }[] = [];
        walkBooleans(doc.root, bools);
        for (const b of bools) {
          const what = disablesValidation(b.key, String(b.node.value));
          if (what) report({ start: b.node.offset, end: b.node.offset + b.node.length }, what);
        }
      },
      strings(facts: StringFact[], doc) {
        if (doc.role === 'docs') return;
        for (const f of facts) {
          if (f.inComment || f.origin === 'comment' || f.value.length > 20) continue;
          const what = disablesValidation(f.name, f.value);
          if (what) report(f.span, what);
        }
      },
    };
  },
});
