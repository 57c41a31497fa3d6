import rule from '../../rules/overbroad-privilege/csharp-plugin-runs-as-system';
import { testRule } from '../rule-tester';

const plugin = (body: string, head = 'public class InvoiceSync : IPlugin'): string =>
  [
    'using System;',
    'using Microsoft.Xrm.Sdk;',
    'namespace Fabrikam.Billing',
    '{',
    `    ${head}`,
    '    {',
    '        public void Execute(IServiceProvider provider)',
    '        {',
    '            var ctx = (IPluginExecutionContext)provider.GetService(typeof(IPluginExecutionContext));',
    '            var factory = (IOrganizationServiceFactory)provider.GetService(typeof(IOrganizationServiceFactory));',
    body,
    '        }',
    '    }',
    '}',
  ].join('\n');

const activity = [
  'using System.Activities;',
  'using Microsoft.Xrm.Sdk;',
  'using Microsoft.Xrm.Sdk.Workflow;',
  'public sealed class RecalculateTotals : CodeActivity',
  '{',
  '    protected override void Execute(CodeActivityContext executionContext)',
  '    {',
  '        var factory = executionContext.GetExtension<IOrganizationServiceFactory>();',
  '        var service = factory.CreateOrganizationService(null);',
  '    }',
  '}',
].join('\n');

testRule(rule, {
  valid: [
    { name: 'service for the calling user', path: 'src/InvoiceSync.cs', code: plugin('            var svc = factory.CreateOrganizationService(ctx.UserId);') },
    { name: 'service for the initiating user', path: 'src/InvoiceSync.cs', code: plugin('            var svc = factory.CreateOrganizationService(ctx.InitiatingUserId);') },
  ],
  traps: [
    { name: 'trap: null in a custom workflow activity runs as the workflow user', path: 'src/RecalculateTotals.cs', code: activity },
    {
      name: 'trap: workflow activity deriving from a base class in another file',
      files: {
        'src/Totals.cs': 'public sealed class Totals : ActivityBase\n{\n    protected override void Run(LocalContext c)\n    {\n        var s = c.Factory.CreateOrganizationService(null);\n    }\n}',
        'src/ActivityBase.cs': 'using System.Activities;\npublic abstract class ActivityBase : CodeActivity\n{\n    protected override void Execute(CodeActivityContext context) { }\n}',
      },
    },
    { name: 'trap: Guid.Empty is the calling user', path: 'src/InvoiceSync.cs', code: plugin('            var svc = factory.CreateOrganizationService(Guid.Empty);') },
    { name: 'trap: commented-out SYSTEM service', path: 'src/InvoiceSync.cs', code: plugin('            // var admin = factory.CreateOrganizationService(null);\n            var svc = factory.CreateOrganizationService(ctx.UserId);') },
    {
      name: 'trap: unit test mocking the factory',
      path: 'tests/InvoiceSyncTests.cs',
      code: 'public class InvoiceSyncTests\n{\n    [Fact]\n    public void Runs()\n    {\n        var factory = new Mock<IOrganizationServiceFactory>();\n        factory.Setup(f => f.CreateOrganizationService(null)).Returns(service);\n    }\n}',
    },
    { name: 'trap: console tool that is not a plug-in', path: 'tools/Program.cs', code: 'class Program\n{\n    static void Main()\n    {\n        var svc = Factory.CreateOrganizationService(null);\n    }\n}' },
  ],
  invalid: [
    { name: 'null user id in an IPlugin', path: 'src/InvoiceSync.cs', code: plugin('            var admin = factory.CreateOrganizationService(null);'), errors: [{ line: 11, message: 'SYSTEM' }] },
    { name: 'cast null user id', path: 'src/InvoiceSync.cs', code: plugin('            var admin = factory.CreateOrganizationService((Guid?)null);'), errors: [{ line: 11 }] },
    { name: 'named argument and a local that holds null', path: 'src/InvoiceSync.cs', code: plugin('            Guid? nobody = null;\n            var admin = factory.CreateOrganizationService(userId: nobody);'), errors: [{ line: 12 }] },
    {
      name: 'plug-in deriving from a base class declared in another file',
      files: {
        'src/Plugins/OrderPreCreate.cs': 'namespace Fabrikam\n{\n    public sealed class OrderPreCreate : PluginCore\n    {\n        protected override void Run(LocalContext context)\n        {\n            var elevated = context.Factory.CreateOrganizationService(null);\n            elevated.Create(new Entity("task"));\n        }\n    }\n}',
        'src/Plugins/PluginCore.cs': 'namespace Fabrikam\n{\n    public abstract class PluginCore : Microsoft.Xrm.Sdk.IPlugin\n    {\n        public void Execute(System.IServiceProvider sp) { }\n        protected abstract void Run(LocalContext context);\n    }\n}',
      },
      errors: [{ line: 7 }],
    },
    {
      name: 'helper class in a plug-in file',
      path: 'src/LocalContext.cs',
      code: 'public sealed class LocalContext\n{\n    public LocalContext(IServiceProvider sp)\n    {\n        Context = (IPluginExecutionContext)sp.GetService(typeof(IPluginExecutionContext));\n        var f = (IOrganizationServiceFactory)sp.GetService(typeof(IOrganizationServiceFactory));\n        AdminService = f.CreateOrganizationService(null);\n    }\n}',
      errors: [{ line: 7 }],
    },
  ],
});
