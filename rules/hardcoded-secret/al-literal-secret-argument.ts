import { defineRule } from '../../server/src/core/rule';
import { HOLE } from '../../server/src/core/types';
import { allRoutines, lastName, scopeOf, unparen, walkExprs, walkStmts, type AlExpr } from '../../server/src/parsers/al';
import { isCredentialValueName } from '../../server/src/parsers/al-secrets';
import type { AlProcedureInfo } from '../../server/src/model/al';
import { looksLikeSecretValue } from './credential-literal';

/** The literal text of an argument: a string or a concatenation of strings only. */
function literal(e: AlExpr): string | undefined {
  const x = unparen(e);
  if (x.type === 'string') return x.value;
  if (x.type === 'binary' && x.op === '+') {
    const l = literal(x.left);
    const r = literal(x.right);
    return l !== undefined && r !== undefined ? l + r : undefined;
  }
  return undefined;
}

export default defineRule({
  meta: {
    code: 'D365S020',
    name: 'al-literal-secret-argument',
    category: 'hardcoded-secret',
    severity: 'error',
    kinds: ['al'],
    exampleLanguage: 'al',
    fixable: false,
    docs: {
      summary:
        'Finds string literals passed to a SecretText or credential-named parameter of a procedure declared anywhere in the AL project (`Setup.SetServicePassword(\'...\')`, `Connector.Connect(\'svc\', \'...\')`), including literals concatenated to dodge a search.',
      why:
        'A SecretText parameter, or one named Password or ApiKey, says the value is a credential. A literal passed there is a credential written into the extension: it ships in the .app file, which partners and tenants can download and unpack, and it stays in git history.',
      bad: "PayoutSetup.SetServicePassword('Wq7' + '#rT2!mZ9');",
      good: '// entered by the administrator on the setup page, kept in isolated storage\nPayoutSetup.SetServicePassword(PasswordFromPage);',
      fix: 'Rotate the credential, remove the literal, and let an administrator enter it on a setup page (masked, [NonDebuggable]) that stores it with IsolatedStorage.SetEncrypted, or read it from App Key Vault.',
      traps: 'Empty strings and placeholders, isolated-storage key names and Key Vault secret names passed to name parameters (`GetSecret(\'erp-client-secret\')`), user names, and parameters whose name is about a credential rather than the credential (`PasswordKey`, `TokenUrl`).',
      references: ['https://cwe.mitre.org/data/definitions/798.html', 'https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/devenv-secrettext'],
    },
  },
  create(ctx) {
    const byName = new Map<string, AlProcedureInfo[]>();
    for (const p of ctx.model.al.procedures) {
      const k = p.name.toLowerCase();
      byName.set(k, [...(byName.get(k) ?? []), p]);
    }
    return {
      al(doc) {
        for (const o of doc.objects) {
          for (const r of allRoutines(o)) {
            const scope = scopeOf(o, r);
            // Text variables that hold a literal: `Key := 'abc' + 'def';` (the compiler refuses a literal
            // assigned to a SecretText, so a literal is laundered through a Text first, formats.md §15.5).
            const held = new Map<string, { value: string; span: { start: number; end: number } }>();
            walkStmts(r.body, (st) => {
              if (st.type !== 'assign' || st.target.type !== 'ident') return;
              const v = scope.get(st.target.name.toLowerCase());
              const value = literal(st.value);
              if (v && (v.typeName === 'text' || v.typeName === 'code') && value !== undefined) held.set(v.name.toLowerCase(), { value, span: st.value.span });
            });
            const literalOf = (a: AlExpr): { value: string; span: { start: number; end: number } } | undefined => {
              const value = literal(a);
              if (value !== undefined) return { value, span: a.span };
              const x = unparen(a);
              if (x.type !== 'ident') return undefined;
              const label = scope.get(x.name.toLowerCase())?.label;
              return held.get(x.name.toLowerCase()) ?? (label ? { value: label.text, span: label.span } : undefined);
            };
            // `Secret := Key` with Secret: SecretText and Key holding a literal (or a label).
            walkStmts(r.body, (st) => {
              if (st.type !== 'assign' || st.target.type !== 'ident' || scope.get(st.target.name.toLowerCase())?.typeName !== 'secrettext') return;
              const lit = literalOf(st.value);
              if (!lit || lit.value.includes(HOLE) || !looksLikeSecretValue(lit.value, true)) return;
              ctx.report({
                span: lit.span,
                message: `Hard-coded secret ({secret}) laundered into the SecretText ${st.target.name}. Let an administrator enter it (isolated storage) and rotate it: it ships in the .app and stays in git history.`,
                secret: lit.value,
              });
            });
            walkExprs(r, (e) => {
              if (e.type !== 'call') return;
              const method = lastName(e.callee);
              const candidates = method ? byName.get(method.toLowerCase()) : undefined;
              if (!candidates) return;
              // `Setup.X(...)` with `Setup: Record "T"`: the procedure of table T (or its extensions).
              const recv = e.callee.type === 'member' && e.callee.object.type === 'ident' ? scope.get(e.callee.object.name.toLowerCase()) : undefined;
              const typed = recv?.typeArg ? candidates.filter((p) => p.object.toLowerCase() === recv.typeArg!.toLowerCase()) : [];
              const procs = (typed.length > 0 ? typed : candidates).filter((p) => p.params.length === e.args.length);
              if (procs.length === 0) return;
              e.args.forEach((a, i) => {
                const lit = literalOf(a);
                if (!lit || lit.value.includes(HOLE)) return;
                const value = lit.value;
                const param = procs.map((p) => p.params[i]!).find((p) => p.typeName === 'secrettext' || isCredentialValueName(p.name));
                if (!param || !looksLikeSecretValue(value, true)) return;
                ctx.report({
                  span: lit.span,
                  message: `Hard-coded secret ({secret}) passed to ${method}'s ${param.typeName === 'secrettext' ? 'SecretText ' : ''}parameter ${param.name}. Let an administrator enter it (isolated storage) and rotate it: it ships in the .app and stays in git history.`,
                  secret: value,
                });
              });
            });
          }
        }
      },
    };
  },
});
