import { defineRule } from '../../server/src/core/rule';
import { allRoutines, dottedName, lastName, scopeOf, unparen, walkExprs, walkStmts, type AlExpr, type AlProcedure, type AlVariable } from '../../server/src/parsers/al';
import { isSecretName, secretIn } from '../../server/src/parsers/al-secrets';

const KEY_SECRET = /(password|passwd|pwd|secret|apikey|api-key|api_key|token|credential|accesskey|privatekey|clientsecret)/i;

/** The DataScope argument (`DataScope::Company`), lower case; Module when omitted (the default). */
function scopeArg(args: AlExpr[]): string {
  for (const a of args) {
    const x = unparen(a);
    if (x.type === 'scope' && x.left.type === 'ident' && /^datascope$/i.test(x.left.name)) return x.name.toLowerCase();
  }
  return 'module';
}

/** A key taken from a record field: the secret belongs to that (per-company) record. */
function keyFromRecord(key: AlExpr | undefined, scope: Map<string, AlVariable>): boolean {
  const k = key ? unparen(key) : undefined;
  if (!k || k.type !== 'member' || k.object.type !== 'ident') return false;
  const owner = k.object.name.toLowerCase();
  return owner === 'rec' || scope.get(owner)?.typeName === 'record';
}

function keyIsSecret(key: AlExpr | undefined): boolean {
  const k = key ? unparen(key) : undefined;
  if (!k) return false;
  if (k.type === 'string') return KEY_SECRET.test(k.value);
  const n = lastName(k);
  return !!n && KEY_SECRET.test(n);
}

/**
 * Spans of the branches of `if EncryptionEnabled() then ... else ...`: the documented pattern
 * stores with SetEncrypted when encryption is on and falls back to Set when it is not.
 */
function encryptionGuarded(r: AlProcedure, text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  walkStmts(r.body, (s) => {
    if (s.type !== 'if' || !/encryptionenabled|encryptionkeyexists/i.test(text.slice(s.cond.span.start, s.cond.span.end))) return;
    if (s.then) out.push(s.then.span);
    if (s.else) out.push(s.else.span);
  });
  return out;
}

export default defineRule({
  meta: {
    code: 'D365U022',
    name: 'al-isolated-storage-unprotected',
    category: 'unprotected-secret',
    severity: 'warning',
    kinds: ['al'],
    exampleLanguage: 'al',
    docs: {
      summary:
        'Finds secrets written to IsolatedStorage without encryption (`IsolatedStorage.Set` instead of `SetEncrypted`), and secrets of a per-company record stored with `DataScope::Module` (or no scope, which is Module), readable from every company.',
      why:
        'IsolatedStorage.Set keeps the value in clear text in the database, where backups, database exports and on-premises administrators read it. DataScope::Module shares one value across all companies of the tenant: a password that finance entered for one company is then used, and readable by the app, in every other company.',
      bad: 'IsolatedStorage.Set(PasswordKeyTok, NewPassword, DataScope::Module);',
      good: 'IsolatedStorage.SetEncrypted(Rec."Password Key", NewPassword, DataScope::Company);',
      fix: 'Store secrets with SetEncrypted (SecretText overload) and the narrowest scope that matches who owns the secret: Company for per-company setup, User or CompanyAndUser for personal credentials. Module only for app-wide secrets.',
      traps: 'SetEncrypted with DataScope::Company / User, non-secret values (timestamps, feature flags, ids), IsolatedStorage.Get / Contains / Delete, and app-wide secrets under a constant key at module scope stored encrypted.',
      references: ['https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/devenv-isolated-storage'],
    },
  },
  create(ctx) {
    return {
      al(doc) {
        for (const o of doc.objects) {
          for (const r of allRoutines(o)) {
            const scope = scopeOf(o, r);
            const guarded = encryptionGuarded(r, doc.file.text);
            walkExprs(r, (e) => {
              if (e.type !== 'call') return;
              const callee = (dottedName(e.callee) ?? '').toLowerCase();
              const m = /^isolatedstorage\.(set|setencrypted)$/.exec(callee);
              if (!m || e.args.length < 2) return;
              const [key, value] = e.args;
              const v = unparen(value!);
              const valueName = lastName(v);
              const secret = !!secretIn(v, scope) || (valueName !== undefined && isSecretName(valueName) && scope.get(valueName.toLowerCase())?.typeName !== 'label') || keyIsSecret(key);
              if (!secret) return;
              const ds = scopeArg(e.args.slice(2));
              const perCompany = keyFromRecord(key, scope) || o.type === 'table' || o.type === 'tableextension';
              const what = valueName ? `secret ${valueName}` : 'a secret';
              // Set is the unencrypted fallback of the EncryptionEnabled() pattern; a SecretText
              // kept per company or per user with Set is the platform's own pattern. A Text secret,
              // or anything at module scope, is not.
              const isGuarded = guarded.some((g) => g.start <= e.span.start && e.span.end <= g.end);
              const vType = valueName ? scope.get(valueName.toLowerCase())?.typeName : undefined;
              if (m[1] === 'set' && !isGuarded && (ds === 'module' || vType !== 'secrettext')) {
                ctx.report({
                  span: e.span,
                  message: `${r.name} stores ${what} unencrypted with IsolatedStorage.Set${ds === 'module' ? ' at DataScope::Module (shared by every company)' : ''}. Use SetEncrypted${ds === 'module' && perCompany ? ' with DataScope::Company' : ''}.`,
                  key: `${o.name}|${r.name}|set|${valueName ?? ''}`,
                });
              } else if (ds === 'module' && perCompany) {
                ctx.report({
                  span: e.span,
                  message: `${r.name} stores ${what} of a per-company record at DataScope::Module: one value is shared, and readable, across every company. Use DataScope::Company.`,
                  key: `${o.name}|${r.name}|scope|${valueName ?? ''}`,
                });
              }
            });
          }
        }
      },
    };
  },
});
