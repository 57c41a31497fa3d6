/**
 * App settings (appsettings*.json, local.settings.json): the value becomes a Key Vault reference
 * in the form App Service and Azure Functions resolve at start-up:
 * `@Microsoft.KeyVault(SecretUri=https://<vault>.vault.azure.net/secrets/<name>/)`.
 */
import { boundName, kebab, vaultUri } from './names';
import { ROTATE_NOTE, type Fix, type FixContext } from './types';

export function appSettingsFixes(ctx: FixContext): Fix[] {
  const { text, finding } = ctx;
  const span = jsonStringAt(text, finding.span.start, finding.span.end);
  if (!span) return [];
  const name = boundName(text, span.start, finding.fixData?.name);
  const secret = kebab(name);
  const vault = vaultUri(ctx.files, ctx.path);
  const reference = `@Microsoft.KeyVault(SecretUri=${vault}secrets/${secret}/)`;
  const placeholder = vault.includes('YOUR-KEY-VAULT') ? 'Replace YOUR-KEY-VAULT with your vault\'s name. ' : '';
  return [
    {
      title: `Replace with an Azure Key Vault reference (@Microsoft.KeyVault, secret ${secret})`,
      isPreferred: true,
      changes: [{ path: ctx.path, edits: [{ span, newText: JSON.stringify(reference) }] }],
      note: `${placeholder}App Service and Functions resolve the reference with the app's managed identity (grant it "Key Vault Secrets User"); local runs need the value in user secrets. ${ROTATE_NOTE}`,
    },
  ];
}

/** The JSON string token (with quotes) that contains or starts the span. */
export function jsonStringAt(text: string, start: number, end: number): { start: number; end: number } | undefined {
  if (text[start] === '"' && text[end - 1] === '"' && end - start >= 2) return { start, end };
  let s = start;
  while (s > 0 && text[s] !== '"' && text[s] !== '\n') s--;
  if (text[s] !== '"') return undefined;
  let e = Math.max(end, s + 1);
  while (e < text.length && text[e] !== '"') e += text[e] === '\\' ? 2 : 1;
  return e < text.length ? { start: s, end: e + 1 } : undefined;
}
