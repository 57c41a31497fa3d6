import rule from '../../rules/audit-disabled/csharp-disables-auditing';
import { testRule } from '../rule-tester';

const m = (body: string): string => ['using Microsoft.Xrm.Sdk;', 'using Microsoft.Xrm.Sdk.Messages;', 'using Microsoft.Xrm.Sdk.Metadata;', 'sealed class Loader', '{', '    void Run(IOrganizationService svc, Guid orgId)', '    {', body, '    }', '}'].join('\n');

testRule(rule, {
  valid: [{ name: 'ordinary update', path: 'src/Loader.cs', code: m('        svc.Update(new Entity("account", id) { ["name"] = "Fabrikam" });') }],
  traps: [
    {
      name: 'trap: table auditing off for a table the solution shows holds nothing sensitive',
      files: {
        'src/Loader.cs': m('        var md = ((RetrieveEntityResponse)svc.Execute(new RetrieveEntityRequest { LogicalName = "x_branch", EntityFilters = EntityFilters.Entity })).EntityMetadata;\n        md.IsAuditEnabled = new BooleanManagedProperty(false);'),
        'solution/src/Entities/x_Branch/Entity.xml': '<Entity><Name LocalizedName="Branch">x_Branch</Name><EntityInfo><entity Name="x_Branch"><attributes><attribute PhysicalName="x_City"><Type>nvarchar</Type><LogicalName>x_city</LogicalName><IsSecured>0</IsSecured></attribute></attributes></entity></EntityInfo></Entity>',
        'solution/src/Other/Solution.xml': '<ImportExportXml><SolutionManifest><UniqueName>x</UniqueName></SolutionManifest></ImportExportXml>',
      },
    },
    { name: 'trap: switching auditing back on', path: 'src/Loader.cs', code: m('        var org = new Entity("organization", orgId);\n        org["isauditenabled"] = true;\n        svc.Update(org);') },
    { name: 'trap: reading the flag', path: 'src/Loader.cs', code: m('        var org = svc.Retrieve("organization", orgId, new ColumnSet("isauditenabled"));\n        if (org.GetAttributeValue<bool>("isauditenabled") == false) Console.WriteLine("audit off");') },
    { name: 'trap: reporting tables whose auditing is off', path: 'src/Loader.cs', code: m('        foreach (var e in metadata) if (e.IsAuditEnabled?.Value == false) Console.WriteLine(e.LogicalName);') },
    { name: 'trap: metadata audit switched on', path: 'src/Loader.cs', code: m('        attribute.IsAuditEnabled = new BooleanManagedProperty(true);') },
    {
      name: 'trap: audit off for a non-sensitive column',
      path: 'src/Loader.cs',
      code: m('        var r = (RetrieveAttributeResponse)svc.Execute(new RetrieveAttributeRequest { EntityLogicalName = "account", LogicalName = "new_lastsynctimestamp" });\n        var a = r.AttributeMetadata;\n        a.IsAuditEnabled = new BooleanManagedProperty(false);\n        svc.Execute(new UpdateAttributeRequest { EntityName = "account", Attribute = a });'),
    },
    { name: 'trap: flag from a parameter', path: 'src/Loader.cs', code: m('        var org = new Entity("organization", orgId);\n        org["isauditenabled"] = orgId != Guid.Empty;') },
    { name: 'trap: commented-out switch', path: 'src/Loader.cs', code: m('        // org["isauditenabled"] = false;') },
  ],
  invalid: [
    {
      name: 'table auditing off through entity metadata, the table holding sensitive columns',
      files: {
        'src/Loader.cs': m('        var md = ((RetrieveEntityResponse)svc.Execute(new RetrieveEntityRequest { LogicalName = "x_labresult", EntityFilters = EntityFilters.Entity })).EntityMetadata;\n        md.IsAuditEnabled = new BooleanManagedProperty(false);\n        svc.Execute(new UpdateEntityRequest { Entity = md });'),
        'solution/src/Entities/x_LabResult/Entity.xml': '<Entity><Name LocalizedName="Lab result">x_LabResult</Name><EntityInfo><entity Name="x_LabResult"><attributes><attribute PhysicalName="pfx_HivStatus"><Type>nvarchar</Type><LogicalName>pfx_hivstatus</LogicalName><IsSecured>0</IsSecured></attribute></attributes></entity></EntityInfo></Entity>',
        'solution/src/Other/Solution.xml': '<ImportExportXml><SolutionManifest><UniqueName>x</UniqueName></SolutionManifest></ImportExportXml>',
      },
      errors: [{ line: 9, message: "pfx_hivstatus" }],
    },
    { name: 'organization auditing off through an indexer', path: 'src/Loader.cs', code: m('        var org = new Entity("organization", orgId);\n        org["isauditenabled"] = false;\n        svc.Update(org);'), errors: [{ line: 9, message: 'Organization auditing' }] },
    { name: 'organization auditing off in an initializer', path: 'src/Loader.cs', code: m('        svc.Update(new Entity("organization", orgId) { ["isuseraccessauditenabled"] = false });'), errors: [{ line: 8, message: 'User access' }] },
    { name: 'early-bound organization', path: 'src/Loader.cs', code: m('        svc.Update(new Organization { Id = orgId, IsAuditEnabled = false });'), errors: [{ line: 8 }] },
    { name: 'collection initializer of the attributes', path: 'src/Loader.cs', code: m('        svc.Update(new Entity("organization", orgId) { Attributes = { { "isauditenabled", false } } });'), errors: [{ line: 8 }] },
    { name: 'flag held in a local', path: 'src/Loader.cs', code: m('        var enable = false;\n        var org = new Entity("organization", orgId);\n        org["isauditenabled"] = enable;'), errors: [{ line: 10 }] },
    { name: 'attributes collection Add', path: 'src/Loader.cs', code: m('        var org = new Entity("organization", orgId);\n        org.Attributes.Add("isauditenabled", false);'), errors: [{ line: 9 }] },
    {
      name: 'sensitive column auditing off through metadata',
      path: 'src/Loader.cs',
      code: m('        var r = (RetrieveAttributeResponse)svc.Execute(new RetrieveAttributeRequest { EntityLogicalName = "contact", LogicalName = "new_nationalid" });\n        var a = r.AttributeMetadata;\n        a.IsAuditEnabled = new BooleanManagedProperty(false);\n        svc.Execute(new UpdateAttributeRequest { EntityName = "contact", Attribute = a });'),
      errors: [{ line: 10, message: 'new_nationalid' }],
    },
    {
      name: 'new sensitive column created without auditing',
      path: 'src/Loader.cs',
      code: m('        var attr = new StringAttributeMetadata\n        {\n            SchemaName = "new_BankAccountNumber",\n            IsAuditEnabled = new BooleanManagedProperty(false),\n        };'),
      errors: [{ line: 11 }],
    },
  ],
});
