import { defineRule } from '../../server/src/core/rule';
import { argumentsOf, calleeMethodCs, childByField, isNullLiteral, spanOfCs, unwrapCast, type CsNode } from '../../server/src/parsers/csharp-ast';
import type { CSharpDocument } from '../../server/src/parsers/csharp';
import { hostKindAt, initializersOf } from '../../server/src/parsers/csharp-flow';

/** The factory call and the PluginBase sample's extension that forwards to it. */
const CREATE_SERVICE = /^(CreateOrganizationService|GetOrganizationService)$/;

/** The user-id argument of a CreateOrganizationService call (positional or `userId:`). */
function userIdArgument(call: CsNode): CsNode | undefined {
  const args = argumentsOf(call);
  if (args.length !== 1) return undefined;
  return args[0]!.value;
}

/** Every call that creates an organization service for a user id, with that argument (shared with D365P011). */
export function* createServiceCalls(doc: CSharpDocument): Generator<{ call: CsNode; method: string; userId: CsNode }> {
  for (const call of doc.nodes ?? []) {
    if (call.type !== 'invocation_expression') continue;
    const method = calleeMethodCs(call);
    if (!method || !CREATE_SERVICE.test(method)) continue;
    const userId = userIdArgument(call);
    if (userId) yield { call, method, userId };
  }
}

/** `null`, `(Guid?)null`, `default(Guid?)`, or a local / field that only ever holds null. */
function isSystemUser(doc: CSharpDocument, arg: CsNode): boolean {
  if (isNullLiteral(arg)) return true;
  const x = unwrapCast(arg);
  if (x?.type !== 'identifier' || !x.text) return false;
  const inits = initializersOf(doc, x, x.text);
  return inits.length > 0 && inits.every((i) => isNullLiteral(i));
}

export default defineRule({
  meta: {
    code: 'D365P010',
    name: 'csharp-plugin-runs-as-system',
    category: 'overbroad-privilege',
    severity: 'warning',
    kinds: ['csharp'],
    exampleLanguage: 'csharp',
    docs: {
      summary: 'Finds plug-ins that create the organization service for SYSTEM: IOrganizationServiceFactory.CreateOrganizationService(null) in a class that implements IPlugin or derives from a plug-in base class.',
      why:
        'In a plug-in, CreateOrganizationService(null) returns a service that runs as the SYSTEM user, which bypasses every security role, business unit and field security check. Whatever the plug-in reads or writes through it happens for the calling user with privileges that user does not have: reading records they may not see, creating records they may not create, or changing secured columns.',
      bad: 'var service = factory.CreateOrganizationService(null); // SYSTEM',
      good: 'var service = factory.CreateOrganizationService(context.UserId); // the calling (or step) user',
      fix: 'Create the service for context.UserId (or context.InitiatingUserId). If the step really needs more privilege, register it to run as a dedicated, least-privileged application user and keep using context.UserId; grant that user only what the step needs.',
      traps:
        'Custom workflow activities (CodeActivity): there every service runs as the workflow user whatever is passed. CreateOrganizationService(context.UserId), InitiatingUserId and Guid.Empty (the calling user); test code that mocks the factory; commented-out code.',
      references: [
        'https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iorganizationservicefactory.createorganizationservice',
        'https://learn.microsoft.com/power-apps/developer/data-platform/impersonate-another-user',
        'https://cwe.mitre.org/data/definitions/250.html',
      ],
    },
  },
  create(ctx) {
    return {
      csharp(doc) {
        for (const { call: n, method: m, userId: arg } of createServiceCalls(doc)) {
          if (!isSystemUser(doc, arg)) continue;
          if (hostKindAt(doc, ctx.model.csharp, n) !== 'plugin') continue;
          const target = childByField(n, 'function');
          ctx.report({
            span: spanOfCs(n),
            message: `Plug-in creates the organization service for SYSTEM (${m}(null)): everything done through it bypasses the calling user's security roles. Use context.UserId or a least-privileged application user.`,
            key: `system|${doc.file.text.slice(target?.start ?? n.start, target?.end ?? n.end)}`,
          });
        }
      },
    };
  },
});
