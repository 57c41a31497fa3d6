import { defineRule } from '../../server/src/core/rule';
import { isCredentialName } from '../../server/src/core/sensitivity';
import type { EnvVarInfo } from '../../server/src/model/solution';

export const ENV_STRING = 100000000;
export const ENV_JSON = 100000003;
export const ENV_SECRET = 100000005;

/** A Key Vault resource path or URI: what a Secret-type variable is supposed to hold. */
export function isKeyVaultReference(v: string): boolean {
  return (
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/[^/]+\/secrets\/[^/\s]+/i.test(v) ||
    /^https:\/\/[a-z0-9-]+\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)\//i.test(v) ||
    /^@Microsoft\.KeyVault\(/i.test(v)
  );
}

/**
 * Is this value a credential written out, rather than a reference, an expression, a placeholder
 * or an identifier? Used only where the name already says "credential"; a GUID (client / tenant
 * id), a URL without embedded credentials, numbers, booleans and prose are not.
 */
export function isLiteralSecretValue(raw: string, name?: string): boolean {
  const v = raw.trim();
  if (v.length < 8 || v.length > 4096) return false;
  if (isKeyVaultReference(v)) return false;
  if (/^@|@\{|^\$\(|\$\{|#\{.*\}#|^%[^%]+%$|^\{\{.*\}\}$|^\[parameters\(/i.test(v)) return false; // flow / pipeline / template references
  if (/^[<{[(].*[>}\])]$/.test(v)) return false; // <your-secret>, {ClientSecret}
  if (/^(x+|\*+|\.+|-+|_+|#+|0+)$/i.test(v)) return false;
  if (/(^|[^a-z])(your|enter|insert)[-_ ]?|replace[-_ ]?me|change[-_ ]?me|placeholder|not[-_ ]?a[-_ ]?real|dummy|example|sample|redacted|\btodo\b|\btbd\b/i.test(v)) return false;
  if (/^(true|false|yes|no|null|none|undefined)$/i.test(v) || /^-?\d+(\.\d+)?$/.test(v)) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v.replace(/^\{|\}$/g, ''))) return false;
  if (/^https?:\/\/[^\s]*$/i.test(v) && !/:\/\/[^/@\s]+:[^/@\s]+@|[?&](sig|code|key|token|apikey|api_key|access_token)=/i.test(v)) return false;
  if (/\s/.test(v) && v.split(/\s+/).length > 3) return false; // prose, not a key
  if (name && v.toLowerCase() === name.toLowerCase()) return false;
  return true;
}

/** Credential-like by schema name or display name. */
export function isCredentialVariable(v: Pick<EnvVarInfo, 'schemaName' | 'displayName'>): boolean {
  return isCredentialName(v.schemaName.replace(/^[a-z0-9]{2,8}_/i, '')) || (!!v.displayName && isCredentialName(v.displayName));
}

/** Types whose value is stored and exported in clear text (String, JSON, or no type element). */
export function isPlainTextType(type: number | undefined): boolean {
  return type === undefined || type === ENV_STRING || type === ENV_JSON;
}

/** Why a value of this variable is a hard-coded secret, or undefined when it is not. */
export function plaintextSecretReason(v: EnvVarInfo, value: string): string | undefined {
  if (v.type === ENV_SECRET) {
    // A Secret variable must hold a Key Vault reference; anything else bypassed Key Vault.
    if (isKeyVaultReference(value.trim()) || !isLiteralSecretValue(value, v.schemaName)) return undefined;
    return 'Secret-type environment variable holds a literal instead of a Key Vault reference';
  }
  if (!isPlainTextType(v.type) || !isCredentialVariable(v) || !isLiteralSecretValue(value, v.schemaName)) return undefined;
  return `${v.type === ENV_JSON ? 'JSON' : 'String'}-type environment variable ${v.schemaName} holds a credential in clear text`;
}

export default defineRule({
  meta: {
    code: 'D365S050',
    name: 'envvar-plaintext-secret',
    category: 'hardcoded-secret',
    severity: 'error',
    kinds: ['xml', 'json'],
    exampleLanguage: 'xml',
    docs: {
      summary:
        'Finds credentials stored in clear text in environment variables: the default value or exported current value of a String/JSON variable named like a key, token or password, or a literal in a Secret-type variable.',
      why:
        'String and JSON environment variables are exported with the solution and readable by every user who can read environment variable definitions. A key kept there travels to every environment, into source control and into the flows that snapshot it as a parameter default.',
      bad: '<environmentvariabledefinition schemaname="pfx_ErpApiKey">\n  <defaultvalue>VpHgaqI6WUzgyF279zEAsAoUut8DOpvGwRy</defaultvalue>\n  <type>100000000</type>\n</environmentvariabledefinition>',
      good:
        '<environmentvariabledefinition schemaname="pfx_ErpApiKey">\n  <type>100000005</type> <!-- Secret: value is a Key Vault reference set per environment -->\n</environmentvariabledefinition>',
      fix: 'Rotate the credential, change the variable to type Secret (100000005) backed by Azure Key Vault, and read it at run time with RetrieveEnvironmentVariableSecretValue. Remove environmentvariablevalues.json from source control.',
      traps:
        'Secret-type variables whose value is a Key Vault resource path, variables without a value, URLs, GUIDs (tenant or client ids), names that only refer to a secret (ApiKeyName, TokenEndpoint), placeholders and expressions.',
      references: ['https://learn.microsoft.com/power-apps/maker/data-platform/environmentvariables-azure-key-vault-secrets'],
    },
  },
  create(ctx) {
    const vars = ctx.model.solution.envVars;
    const check = (v: EnvVarInfo, value: string | undefined, span: { start: number; end: number } | undefined, where: string): void => {
      if (value === undefined || !span) return;
      const reason = plaintextSecretReason(v, value);
      if (!reason) return;
      ctx.report({
        span,
        message: `${reason} (${where}: {secret}). Anyone who can read the solution or the variable can use it.`,
        secret: value.trim(),
        fixData: { kind: 'envvar', schemaName: v.schemaName },
      });
    };
    return {
      xml(doc) {
        if (doc.role !== 'envvar-definition' && doc.role !== 'customizations') return;
        for (const v of vars.values()) if (v.path === doc.file.path) check(v, v.defaultValue, v.defaultValueSpan, 'default value');
      },
      json(doc) {
        if (doc.role !== 'envvar-values') return;
        for (const v of vars.values()) if (v.currentValuePath === doc.file.path) check(v, v.currentValue, v.currentValueSpan, 'exported current value');
      },
    };
  },
});
