import { defineRule } from '../../server/src/core/rule';
import type { Span } from '../../server/src/core/types';
import { allRoutines, dottedName, hasAttribute, lastName, namesIn, walkExprs, walkStmts, type AlVariable } from '../../server/src/parsers/al';
import { hasNonDebuggable, isCredentialValueName, TEXT_TYPES } from '../../server/src/parsers/al-secrets';

/** A credential kept in a text type (header values such as `Authorization` are al-secret-logged's concern). */
/** Isolated-storage keys that name a credential. */
const SECRET_KEY = /(password|passwd|pwd|secret|api[-_ ]?key|token|credential|access[-_ ]?key|private[-_ ]?key)/i;

const isTextSecret = (v: AlVariable): boolean => TEXT_TYPES.has(v.typeName) && isCredentialValueName(v.name) && !hasNonDebuggable(v);

export default defineRule({
  meta: {
    code: 'D365U020',
    name: 'al-secret-in-text',
    category: 'unprotected-secret',
    severity: 'warning',
    kinds: ['al'],
    exampleLanguage: 'al',
    docs: {
      summary:
        'Finds AL secrets kept in `Text` instead of `SecretText`: credential-named Text/Code parameters, variables and return values in procedures without `[NonDebuggable]`, secrets returned as Text out of a `[NonDebuggable]` procedure, and `SecretText.Unwrap()` outside `[NonDebuggable]`.',
      why:
        'The AL debugger, snapshot debugging and attach sessions show every Text variable and parameter, to anyone allowed to debug the extension (and to partners when allowDebugging is on). SecretText values are never shown; `[NonDebuggable]` hides a procedure. A password passed around as Text is readable in each procedure it passes through.',
      bad: 'procedure SetServicePassword(NewPassword: Text)\nbegin\n    IsolatedStorage.SetEncrypted(PasswordKeyTok, NewPassword, DataScope::Company);\nend;',
      good: 'procedure SetServicePassword(NewPassword: SecretText)\nbegin\n    IsolatedStorage.SetEncrypted(PasswordKeyTok, NewPassword, DataScope::Company);\nend;',
      fix: 'Declare secrets as SecretText end to end (parameters, return values, IsolatedStorage.Get into a SecretText, HttpClient SecretText overloads). Where a page field forces a Text, mark the variable `[NonDebuggable]` and hand it on as SecretText at once. Call Unwrap only inside `[NonDebuggable]` procedures, and never return the result as Text.',
      traps: 'SecretText parameters and return values (no `[NonDebuggable]` needed), `[NonDebuggable]` Text variables that a page binds, names of isolated-storage keys and Key Vault secrets (`PasswordKeyTok`, `ApiKeyName`), labels, and Text secrets used only inside a `[NonDebuggable]` procedure.',
      references: ['https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/devenv-secrettext', 'https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/attributes/devenv-nondebuggable-attribute'],
    },
  },
  create(ctx) {
    return {
      al(doc) {
        const report = (span: Span, message: string, key: string): void => ctx.report({ span, message, key });
        for (const o of doc.objects) {
          for (const v of o.variables) {
            if (isTextSecret(v)) report(v.span, `Global ${v.name} keeps a secret in ${v.type} on ${o.type} "${o.name}": the debugger shows it. Use SecretText, or [NonDebuggable] on the variable.`, `${o.name}|global|${v.name}`);
          }
          for (const r of allRoutines(o)) {
            const nd = hasAttribute(r, 'NonDebuggable');
            const returnsText = !!r.returnTypeName && TEXT_TYPES.has(r.returnTypeName);
            // names that reach an exit(...) or the named return value
            const exited = new Set<string>();
            walkStmts(r.body, (s) => {
              if (s.type === 'exit' && s.value) for (const n of namesIn(s.value)) exited.add((lastName(n) ?? '').toLowerCase());
              if (s.type === 'assign' && r.returnName && (lastName(s.target) ?? '').toLowerCase() === r.returnName.toLowerCase())
                for (const n of namesIn(s.value)) exited.add((lastName(n) ?? '').toLowerCase());
            });
            // Variables only ever cleared (`EmptyToken := ''`) hold no secret.
            const assigned = new Map<string, boolean>(); // name -> every assignment is ''
            walkStmts(r.body, (s) => {
              if (s.type !== 'assign') return;
              const t = (lastName(s.target) ?? '').toLowerCase();
              const empty = s.value.type === 'string' && s.value.value === '';
              assigned.set(t, (assigned.get(t) ?? true) && empty);
            });
            const filled = new Set<string>(); // passed to a call that can fill it: IsolatedStorage.Get(K, S, V), ReadAs(V)
            walkExprs(r, (e) => {
              if (e.type === 'call' && /^(get|tryget|readas|read|readfrom)$/i.test(lastName(e.callee) ?? '')) for (const a of e.args) if (a.type === 'ident') filled.add(a.name.toLowerCase());
            });
            const onlyCleared = (v: AlVariable): boolean => !r.params.includes(v) && assigned.get(v.name.toLowerCase()) === true && !filled.has(v.name.toLowerCase());
            let reported = false;
            for (const v of [...r.params, ...r.locals]) {
              if (!isTextSecret(v) || onlyCleared(v)) continue;
              const kind = r.params.includes(v) ? 'parameter' : 'variable';
              if (!nd) {
                report(v.span, `Secret ${kind} ${v.name}: ${v.type} in ${r.name} is shown by the debugger ([NonDebuggable] is missing). Use SecretText.`, `${o.name}|${r.name}|${v.name}`);
                reported = true;
              } else if (returnsText && exited.has(v.name.toLowerCase())) {
                report(v.span, `Secret ${kind} ${v.name}: ${v.type} is returned by ${r.name} as ${r.returnType}, so it leaves the [NonDebuggable] scope and every caller's debugger shows it. Return SecretText.`, `${o.name}|${r.name}|${v.name}`);
                reported = true;
              }
            }
            if (!reported && returnsText && r.kind === 'procedure' && isCredentialValueName(r.name.replace(/^(get|read|fetch|load|retrieve)/i, '')) && r.returnSpan) {
              report(r.returnSpan, `${r.name} returns a secret as ${r.returnType}: every caller's debugger shows it. Return SecretText.`, `${o.name}|${r.name}|return`);
            }
            if (!nd) {
              // IsolatedStorage.Get(SecretKey, [Scope,] Value) into a Text that is not named like a secret
              const scope = new Map([...o.variables, ...r.params, ...r.locals].map((v) => [v.name.toLowerCase(), v] as const));
              walkExprs(r, (e) => {
                if (e.type !== 'call' || !/^isolatedstorage\.get$/i.test(dottedName(e.callee) ?? '') || e.args.length < 2) return;
                const out = e.args[e.args.length - 1]!;
                const v = out.type === 'ident' ? scope.get(out.name.toLowerCase()) : undefined;
                if (!v || !TEXT_TYPES.has(v.typeName) || hasNonDebuggable(v) || isCredentialValueName(v.name)) return;
                const key = e.args[0]!;
                const keyText = key.type === 'string' ? key.value : (lastName(key) ?? '');
                const label = key.type === 'ident' ? scope.get(key.name.toLowerCase())?.label?.text : undefined;
                if (!SECRET_KEY.test(keyText) && !SECRET_KEY.test(label ?? '')) return;
                report(e.span, `${r.name} reads the secret stored under ${keyText} into ${v.name}: ${v.type}, which the debugger shows ([NonDebuggable] is missing). Read it into a SecretText.`, `${o.name}|${r.name}|get|${v.name}`);
              });
              walkExprs(r, (e) => {
                if (e.type === 'call' && /^unwrap$/i.test(lastName(e.callee) ?? '') && e.args.length === 0) {
                  report(e.span, `${r.name} unwraps a SecretText into plain text without [NonDebuggable]: the debugger shows the value. Keep it SecretText or mark the procedure [NonDebuggable].`, `${o.name}|${r.name}|unwrap`);
                }
              });
            }
          }
        }
      },
    };
  },
});
