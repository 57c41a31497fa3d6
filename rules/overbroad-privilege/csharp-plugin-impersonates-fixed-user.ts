import { defineRule } from '../../server/src/core/rule';
import type { Span } from '../../server/src/core/types';
import { resolveCsConstant } from '../../server/src/model/csharp';
import { argumentsOf, calleeCs, dottedCs, spanOfCs, unwrapCast, type CsNode } from '../../server/src/parsers/csharp-ast';
import type { CSharpDocument } from '../../server/src/parsers/csharp';
import { enclosingTypeNames, hostKindAt, initializersOf } from '../../server/src/parsers/csharp-flow';
import { GUID_TEXT, guidLiteralOf } from '../../server/src/parsers/csharp-guid';
import { createServiceCalls } from './csharp-plugin-runs-as-system';
import type { RuleContext } from '../../server/src/core/rule';

interface FixedUser {
  /** Where the Guid is written. */
  path: string;
  span: Span;
  via?: string;
}

/**
 * Does an expression always give the same, hard-coded user id? A Guid literal (`new Guid("...")`,
 * `Guid.Parse("...")`), a local or field initialised with one, a constant of this or another file
 * holding one, or `new Guid(CONSTANT)`. `context.UserId`, `InitiatingUserId`, `Guid.Empty`,
 * parameters and values read at run time are not.
 */
function fixedUser(doc: CSharpDocument, ctx: RuleContext, n: CsNode | undefined, depth = 0): FixedUser | undefined {
  const x = unwrapCast(n);
  if (!x || depth > 4) return undefined;
  const path = doc.file.path;
  if (guidLiteralOf(x)) return { path, span: spanOfCs(x) };
  if ((x.type === 'object_creation_expression' || x.type === 'invocation_expression') && /^(new (System\.)?Guid|(System\.)?Guid\.Parse)$/.test(calleeCs(x) ?? '')) {
    const a = argumentsOf(x)[0]?.value;
    return a ? fixedUser(doc, ctx, a, depth + 1) : undefined;
  }
  if (x.type === 'identifier' && x.text) {
    // A string constant of this file holding a Guid.
    const c = doc.constants?.get(x.text);
    if (c && !c.partial && GUID_TEXT.test(c.value.trim())) return { path, span: c.span, via: x.text };
    const inits = initializersOf(doc, x, x.text);
    if (inits.length > 0) {
      const all = inits.map((i) => fixedUser(doc, ctx, i, depth + 1));
      return all.every((f) => f) ? { ...all[0]!, via: x.text } : undefined;
    }
    // A field of the class declared in another file (partial class) or a base class.
    for (const cls of enclosingTypeNames(x)) {
      const k = resolveCsConstant(ctx.model.csharp, `${cls}.${x.text}`);
      if (k && GUID_TEXT.test(k.value.trim())) return { path: k.path, span: k.span, via: x.text };
    }
    return undefined;
  }
  if (x.type === 'member_access_expression') {
    const d = dottedCs(x);
    if (!d || /(^|\.)(UserId|InitiatingUserId|CallerId|Empty)$/.test(d)) return undefined;
    const local = d.startsWith('this.') ? d.slice(5) : undefined;
    if (local && !local.includes('.')) return fixedUser(doc, ctx, { ...x, type: 'identifier', text: local, children: [] }, depth + 1);
    const k = resolveCsConstant(ctx.model.csharp, d);
    if (k && GUID_TEXT.test(k.value.trim())) return { path: k.path, span: k.span, via: d };
  }
  return undefined;
}

export default defineRule({
  meta: {
    code: 'D365P011',
    name: 'csharp-plugin-impersonates-fixed-user',
    category: 'overbroad-privilege',
    severity: 'warning',
    kinds: ['csharp'],
    exampleLanguage: 'csharp',
    docs: {
      summary: 'Finds plug-ins that create the organization service for a hard-coded user id: CreateOrganizationService(new Guid("...")) or a field or constant holding a fixed Guid.',
      why:
        'A plug-in that impersonates a fixed account acts with that account\'s privileges for every user who triggers it, usually an administrator or integration user with far more rights than the caller. The id also ties the assembly to one environment: in another environment it names a different user, or none.',
      bad: 'private static readonly Guid ArchiveUser = new Guid("6f1c…");\n…\nvar svc = factory.CreateOrganizationService(ArchiveUser);',
      good: 'var svc = factory.CreateOrganizationService(context.UserId);\n// or register the step to run as a least-privileged application user (Run in User\'s Context)',
      fix: 'Use context.UserId / context.InitiatingUserId. If the work needs another identity, register the step to run as a dedicated least-privileged application user in each environment instead of hard-coding its id.',
      traps: 'context.UserId, context.InitiatingUserId, Guid.Empty (the calling user), ids read from the step configuration or a query at run time, custom workflow activities (they always run as the workflow user), commented-out code.',
      references: ['https://learn.microsoft.com/power-apps/developer/data-platform/impersonate-another-user', 'https://cwe.mitre.org/data/definitions/250.html'],
    },
  },
  create(ctx) {
    return {
      csharp(doc) {
        for (const { call: n, userId } of createServiceCalls(doc)) {
          const fixed = fixedUser(doc, ctx, userId);
          if (!fixed || hostKindAt(doc, ctx.model.csharp, n) !== 'plugin') continue;
          const elsewhere = fixed.path !== doc.file.path || fixed.span.start < n.start || fixed.span.end > n.end;
          ctx.report({
            span: spanOfCs(n),
            message: `Plug-in impersonates a fixed user${fixed.via ? ` (${fixed.via})` : ''}: every caller acts with that account's privileges. Use context.UserId or register the step to run as a least-privileged application user.`,
            key: `fixed-user|${fixed.via ?? doc.file.text.slice(fixed.span.start, fixed.span.end)}`,
            ...(elsewhere ? { related: [{ path: fixed.path, span: fixed.span, message: 'the hard-coded user id' }] } : {}),
          });
        }
      },
    };
  },
});
