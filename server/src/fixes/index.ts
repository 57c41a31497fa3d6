/**
 * Which quick fixes a finding gets. Key Vault fixes are for hard-coded secrets (and secrets in
 * configuration that other categories report); every finding can be suppressed.
 */
import { alFixes } from './al';
import { appSettingsFixes } from './appsettings';
import { csharpFixes } from './csharp';
import { scriptFixes } from './script';
import { envVarFixes, stepConfigFixes } from './solution';
import { suppressFix } from './suppress';
import type { Fix, FixContext } from './types';

export type { Fix, FixContext, FileChange, ProjectFiles, TextEdit } from './types';
export { suppressFix } from './suppress';

/** The Key Vault fixes for one finding; [] when none applies. Never throws. */
export function keyVaultFixes(ctx: FixContext): Fix[] {
  if (!isSecretFinding(ctx)) return [];
  try {
    switch (ctx.kind) {
      case 'csharp':
        return csharpFixes(ctx);
      case 'script':
        return scriptFixes(ctx);
      case 'al':
        return alFixes(ctx);
      case 'json':
        if (ctx.role === 'envvar-values') return envVarFixes(ctx);
        if (ctx.role === 'app-settings' || /settings/i.test(ctx.path)) return appSettingsFixes(ctx);
        return [];
      case 'xml':
        if (ctx.role === 'envvar-definition') return envVarFixes(ctx);
        if (ctx.role === 'plugin-step') return stepConfigFixes(ctx);
        return [];
      default:
        return [];
    }
  } catch {
    return []; // a fix builder bug must not take the code action request down
  }
}

function isSecretFinding(ctx: FixContext): boolean {
  const f = ctx.finding;
  if (f.category === 'hardcoded-secret') return true;
  // A secret a rule of another category found where it should not be (a String env var).
  return f.fixData?.keyVault === true;
}

export function allFixes(ctx: FixContext): Fix[] {
  const out = keyVaultFixes(ctx);
  const s = suppressFix(ctx.text, ctx.path, ctx.kind, ctx.role, ctx.finding);
  if (s) out.push(s);
  return out;
}
