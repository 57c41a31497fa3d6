import { defineRule } from '../../server/src/core/rule';
import { allRoutines, dottedName, lastName, scopeOf, walkExprs } from '../../server/src/parsers/al';
import { exprText, secretIn } from '../../server/src/parsers/al-secrets';

/** Where a value is shown to people or written to telemetry; `receiverType` is the declared type of `X` in `X.Method`. */
function sink(callee: string, receiverType?: string): string | undefined {
  const c = callee.toLowerCase();
  const m = c.slice(c.lastIndexOf('.') + 1);
  if ((receiverType === 'notification' || receiverType === 'errorinfo') && /^(message|adddetail|title|detailedmessage)$/.test(m)) return receiverType === 'errorinfo' ? 'an error message' : 'a notification';
  if (/^errorinfo\.create$/.test(c)) return 'an error message';
  if (/^(message|error|confirm|strmenu|notify)$/.test(m) && !c.includes('.')) return m === 'error' ? 'an error message' : 'a message to the user';
  if (/^(session\.)?logmessage$/.test(c) || /^(session\.)?logsecurityaudit$/.test(c)) return 'telemetry (Session.LogMessage)';
  if (/telemetry\w*\.(logusage|logerror|loguptake|logmessage)$/.test(c) || /^(logusage|logerror)$/.test(m)) return 'telemetry';
  if (/\.(message|setmessage|adddetail)$/.test(c) && /(notification|errorinfo)/.test(c)) return 'a notification';
  return undefined;
}

export default defineRule({
  meta: {
    code: 'D365U021',
    name: 'al-secret-logged',
    category: 'unprotected-secret',
    severity: 'warning',
    kinds: ['al'],
    exampleLanguage: 'al',
    docs: {
      summary:
        'Finds AL code that writes a secret (a password, key or token variable, a credential field, an Authorization header value, an unwrapped SecretText) into Message, Error, Confirm or a notification, or into telemetry with Session.LogMessage / Feature Telemetry.',
      why:
        'Messages and errors are shown on screen, copied into support tickets and kept in the error log; telemetry goes to Application Insights resources that the partner and often the customer can query, with a retention of months. A credential written there is usable by anyone who reads it.',
      bad: "Session.LogMessage('PFX0002', 'Calling ERP with ' + AuthHeader, Verbosity::Verbose, DataClassification::SystemMetadata, TelemetryScope::All, 'Category', 'ERP');",
      good: "Session.LogMessage('PFX0002', StrSubstNo('Calling ERP, status %1', Response.HttpStatusCode()), Verbosity::Normal, DataClassification::SystemMetadata, TelemetryScope::ExtensionPublisher, 'Category', 'ERP');",
      fix: 'Log what happened (status codes, ids, durations) and never the credential or header. Keep secrets in SecretText: the compiler then refuses to pass them to Message, Error or LogMessage.',
      traps: 'Labels whose names contain a credential word (`ApiKeyMissingErr`), status codes, broker or document numbers, isolated-storage key names, and checks such as `StrLen(Password)` or `Password = \'\'`.',
      references: ['https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/devenv-instrumenting-application-for-telemetry', 'https://cwe.mitre.org/data/definitions/532.html'],
    },
  },
  create(ctx) {
    // A field named like a credential that the project declares as a Guid, number or flag is a key id, not the secret.
    const nonTextFields = new Set<string>();
    const textFields = new Set<string>();
    for (const f of ctx.model.al.fields) (/^(text|code|blob|bigtext)\b/i.test(f.type) ? textFields : nonTextFields).add(f.name.toLowerCase());
    const keyId = (e: { type: string; name?: string }): boolean => e.type === 'member' && !!e.name && nonTextFields.has(e.name.toLowerCase()) && !textFields.has(e.name.toLowerCase());
    return {
      al(doc) {
        for (const o of doc.objects) {
          for (const r of allRoutines(o)) {
            const scope = scopeOf(o, r);
            // Custom dimensions that carry a secret: `Dims.Add('token', Token)`, then LogMessage(..., Dims).
            const taintedDims = new Map<string, string>();
            walkExprs(r, (e) => {
              if (e.type !== 'call' || e.callee.type !== 'member' || e.callee.object.type !== 'ident' || e.args.length < 2) return;
              if (!/^(add|set)$/i.test(e.callee.name) || scope.get(e.callee.object.name.toLowerCase())?.typeName !== 'dictionary') return;
              const s = secretIn(e.args[1]!, scope);
              if (s) taintedDims.set(e.callee.object.name.toLowerCase(), lastName(s) ?? 'a secret');
            });
            walkExprs(r, (e) => {
              if (e.type !== 'call') return;
              const callee = dottedName(e.callee);
              const recv = e.callee.type === 'member' && e.callee.object.type === 'ident' ? scope.get(e.callee.object.name.toLowerCase())?.typeName : undefined;
              const where = callee ? sink(callee, recv) : undefined;
              if (!where) return;
              for (const a of e.args) {
                const dim = a.type === 'ident' ? taintedDims.get(a.name.toLowerCase()) : undefined;
                const found = secretIn(a, scope);
                const s = found && !keyId(found as { type: string; name?: string }) ? found : undefined;
                if (!s && !dim) continue;
                const what = s ? (lastName(s) ?? exprText(s, doc.file.text)) : `${dim} (in custom dimensions ${a.type === 'ident' ? a.name : ''})`;
                ctx.report({
                  span: a.span,
                  message: `${r.name} writes the secret ${what} to ${where}, where whoever reads it can use it. Log the status or an id, not the value.`,
                  key: `${o.name}|${r.name}|${lastName(e.callee)}|${s ? lastName(s) : dim}`,
                });
                break;
              }
            });
          }
        }
      },
    };
  },
});
