/**
 * Rules for protocol tests only. The real C#/JS/AL secret rules are written in parallel and the
 * parsers behind them may still be stubs, so the protocol tests use a small rule of their own
 * over the raw text: the server, its caches, diagnostics and code actions are what is tested.
 */
import { defineRule, type Rule } from '../../server/src/core/rule';

/** `name = "value"` / `name: 'value'` where name says key/secret/password and value is long. */
const ASSIGNED = /\b([A-Za-z_]*(?:Key|Secret|Password|Token)[A-Za-z_]*)\s*(?:=|:|:=)\s*(?:Label\s+)?(["'])([A-Za-z0-9+/_~%?.-]{16,})\2/g;

export const testSecretRule: Rule = defineRule({
  meta: {
    code: 'D365S990',
    name: 'test-hardcoded-secret',
    category: 'hardcoded-secret',
    severity: 'error',
    kinds: ['csharp', 'script', 'al', 'json'],
    docs: {
      summary: 'Test rule: a long literal assigned to a name that says secret.',
      why: 'Anyone with the source can use the credential.',
      bad: 'const string ApiKey = "…";',
      good: 'read it from Key Vault',
      fix: 'Move the value to Azure Key Vault and rotate it.',
    },
  },
  create(ctx) {
    const scan = (): void => {
      const text = ctx.file.file.text;
      for (const m of text.matchAll(ASSIGNED)) {
        if (/vault\.azure\.net|^@Microsoft/.test(m[3]!)) continue;
        const start = m.index! + m[0].length - m[3]!.length - 2;
        ctx.report({ span: { start, end: start + m[3]!.length + 2 }, message: `Hard-coded secret in ${m[1]}: {secret}`, secret: m[3]!, fixData: { name: m[1] } });
      }
    };
    return { csharp: scan, script: scan, al: scan, json: scan };
  },
});

/** Only for the Restricted Mode test: stands for a rule that may not run in untrusted workspaces. */
export const trustedOnlyRule: Rule = defineRule({
  meta: {
    code: 'D365S991',
    name: 'test-trusted-only',
    category: 'hardcoded-secret',
    severity: 'warning',
    kinds: ['csharp'],
    docs: { summary: 'test', why: 'test', bad: '', good: '', fix: '' },
  },
  create(ctx) {
    return {
      csharp(doc) {
        const i = doc.file.text.indexOf('TRUSTED_ONLY');
        if (i >= 0) ctx.report({ span: { start: i, end: i + 12 }, message: 'trusted-only rule ran' });
      },
    };
  },
});
