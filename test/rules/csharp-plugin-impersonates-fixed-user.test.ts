import rule from '../../rules/overbroad-privilege/csharp-plugin-impersonates-fixed-user';
import { testRule } from '../rule-tester';

const plugin = (members: string, body: string): string =>
  [
    'using System;',
    'using Microsoft.Xrm.Sdk;',
    'public class ShipmentPostCreate : IPlugin',
    '{',
    members,
    '    public void Execute(IServiceProvider provider)',
    '    {',
    '        var ctx = (IPluginExecutionContext)provider.GetService(typeof(IPluginExecutionContext));',
    '        var factory = (IOrganizationServiceFactory)provider.GetService(typeof(IOrganizationServiceFactory));',
    body,
    '    }',
    '}',
  ].join('\n');

testRule(rule, {
  valid: [
    { name: 'calling user', path: 'src/Ship.cs', code: plugin('', '        var svc = factory.CreateOrganizationService(ctx.UserId);') },
    { name: 'SYSTEM is a different rule', path: 'src/Ship.cs', code: plugin('', '        var svc = factory.CreateOrganizationService(null);') },
  ],
  traps: [
    { name: 'trap: initiating user', path: 'src/Ship.cs', code: plugin('', '        var svc = factory.CreateOrganizationService(ctx.InitiatingUserId);') },
    { name: 'trap: Guid.Empty', path: 'src/Ship.cs', code: plugin('', '        var svc = factory.CreateOrganizationService(Guid.Empty);') },
    { name: 'trap: user id read from the step configuration', path: 'src/Ship.cs', code: plugin('    private readonly Guid _runAs;\n    public ShipmentPostCreate(string config) { _runAs = Guid.Parse(config); }', '        var svc = factory.CreateOrganizationService(_runAs);') },
    { name: 'trap: owner looked up at run time', path: 'src/Ship.cs', code: plugin('', '        var owner = ((EntityReference)ctx.InputParameters["ownerid"]).Id;\n        var svc = factory.CreateOrganizationService(owner);') },
    {
      name: 'trap: fixed id in a custom workflow activity',
      path: 'src/Act.cs',
      code: 'public sealed class Act : CodeActivity\n{\n    protected override void Execute(CodeActivityContext c)\n    {\n        var f = c.GetExtension<IOrganizationServiceFactory>();\n        var s = f.CreateOrganizationService(new Guid("0d3c8a51-3c1e-4f0b-9a6d-2b7f1e9c4a11"));\n    }\n}',
    },
    { name: 'trap: commented-out impersonation', path: 'src/Ship.cs', code: plugin('', '        // var svc = factory.CreateOrganizationService(new Guid("0d3c8a51-3c1e-4f0b-9a6d-2b7f1e9c4a11"));') },
  ],
  invalid: [
    { name: 'Guid literal argument', path: 'src/Ship.cs', code: plugin('', '        var svc = factory.CreateOrganizationService(new Guid("0d3c8a51-3c1e-4f0b-9a6d-2b7f1e9c4a11"));'), errors: [{ line: 10 }] },
    { name: 'static readonly field', path: 'src/Ship.cs', code: plugin('    private static readonly Guid WarehouseBot = Guid.Parse("0d3c8a51-3c1e-4f0b-9a6d-2b7f1e9c4a11");', '        var svc = factory.CreateOrganizationService(WarehouseBot);'), errors: [{ line: 10, message: 'WarehouseBot' }] },
    { name: 'const string converted to a Guid', path: 'src/Ship.cs', code: plugin('    private const string BotId = "0d3c8a51-3c1e-4f0b-9a6d-2b7f1e9c4a11";', '        var svc = factory.CreateOrganizationService(new Guid(BotId));'), errors: [{ line: 10 }] },
    { name: 'local variable', path: 'src/Ship.cs', code: plugin('', '        var runAs = new Guid("0d3c8a51-3c1e-4f0b-9a6d-2b7f1e9c4a11");\n        var svc = factory.CreateOrganizationService(runAs);'), errors: [{ line: 11 }] },
    {
      name: 'constant of a shared class in another file',
      files: {
        'src/Ship.cs': plugin('', '        var svc = factory.CreateOrganizationService(Shared.KnownUsers.Integration);'),
        'src/Shared/KnownUsers.cs': 'namespace Shared\n{\n    internal static class KnownUsers\n    {\n        internal static readonly Guid Integration = new Guid("7a9e2f10-5b3c-4d8e-a1f2-3c4d5e6f7a8b");\n    }\n}',
      },
      errors: [{ line: 10 }],
    },
  ],
});
