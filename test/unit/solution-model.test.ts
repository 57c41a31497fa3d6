import { describe, expect, it } from 'vitest';
import { buildLayout, parseFile, type SourceFile } from '../../server/src/core/index';
import { contribute, mergeModel } from '../../server/src/model/project';
import { isColumnSecured } from '../../server/src/model/solution';

const manifest = '<ImportExportXml><SolutionManifest><UniqueName>Core</UniqueName></SolutionManifest></ImportExportXml>';

function model(files: Record<string, string>) {
  const list: SourceFile[] = Object.entries(files).map(([path, text]) => ({ path, text }));
  const layout = buildLayout(list.map((f) => f.path));
  const parts = list.map((f) => parseFile(f, layout)).filter((d) => d !== undefined).map((d) => contribute(d!));
  // contributions cross worker threads: they must survive structured cloning
  return mergeModel(parts.map((p) => structuredClone(p))).solution;
}

describe('solution model', () => {
  const files = {
    'sol/Other/Solution.xml': manifest,
    'sol/Entities/Contact/Entity.xml':
      '<Entity><Name>Contact</Name><EntityInfo><entity Name="Contact"><attributes>' +
      '<attribute PhysicalName="cnt_NationalId"><LogicalName>cnt_nationalid</LogicalName><IsSecured>0</IsSecured><IsAuditEnabled>0</IsAuditEnabled>' +
      '<displaynames><displayname description="National ID" languagecode="1033" /></displaynames></attribute>' +
      '<attribute PhysicalName="cnt_CreditScore"><LogicalName>cnt_creditscore</LogicalName><IsSecured>1</IsSecured></attribute>' +
      '</attributes><IsAuditEnabled>1</IsAuditEnabled></entity></EntityInfo></Entity>',
    'sol/Other/FieldSecurityProfiles.xml':
      '<FieldSecurityProfiles><FieldSecurityProfile name="Risk"><FieldPermissions><FieldPermission><EntityName>contact</EntityName><AttributeName>cnt_creditscore</AttributeName></FieldPermission></FieldPermissions></FieldSecurityProfile></FieldSecurityProfiles>',
    'sol/Entities/Contact/FormXml/main/{0b6e0000-0000-0000-0000-000000000001}.xml':
      '<forms><systemform><form><tabs><tab visible="false"><columns><column><sections><section><rows><row><cell><control id="cnt_nationalid" datafieldname="cnt_nationalid" /></cell></row></rows></section></sections></column></columns></tab></tabs>' +
      '<formLibraries><Library name="cnt_/forms/contact.js" /></formLibraries></form></systemform></forms>',
    'sol/Roles/Clerk.xml': '<Role name="Clerk"><RolePrivileges><RolePrivilege name="prvReadContact" level="Global" /></RolePrivileges></Role>',
    'sol/SdkMessageProcessingSteps/{1}.xml':
      '<SdkMessageProcessingStep Name="S"><PluginTypeName>Contoso.Plugins.Sync, Contoso.Plugins</PluginTypeName><Configuration>{"a":1}</Configuration><ImpersonatingUserIdName>Admin</ImpersonatingUserIdName></SdkMessageProcessingStep>',
    'sol/environmentvariabledefinitions/cnt_Token/environmentvariabledefinition.xml':
      '<environmentvariabledefinition schemaname="cnt_Token"><displayname default="Token" /><type>100000000</type></environmentvariabledefinition>',
    'sol/environmentvariabledefinitions/cnt_Token/environmentvariablevalues.json':
      '{"environmentvariablevalues":{"environmentvariablevalue":[{"schemaname":"cnt_Token","value":"abc123def456"}]}}',
    'sol/Workflows/F-1.json':
      '{"properties":{"definition":{"parameters":{"$connections":{"defaultValue":{}},"Token (cnt_Token)":{"defaultValue":"x","type":"String","metadata":{"schemaName":"cnt_Token"}}},' +
      '"actions":{"Get":{"type":"OpenApiConnection","inputs":{"parameters":{"actionName":"RetrieveEnvironmentVariableSecretValue","item/EnvironmentVariableName":"cnt_Pw"}}}}}}}',
  };
  const m = model(files);

  it('reads tables and columns with security and audit flags', () => {
    expect(m.present).toBe(true);
    const nid = m.columns.get('cnt_nationalid')![0]!;
    expect(nid).toMatchObject({ table: 'contact', isSecured: false, isAuditEnabled: false, displayName: 'National ID' });
    expect(m.tables.get('contact')!.isAuditEnabled).toBe(true);
    expect(isColumnSecured(m, 'cnt_nationalid', 'contact')).toBe(false);
    expect(isColumnSecured(m, 'cnt_creditscore')).toBe(true);
    expect(m.columns.get('cnt_creditscore')![0]!.inFieldSecurityProfile).toBe(true);
    expect(isColumnSecured(m, 'unknowncolumn')).toBeUndefined();
  });

  it('reads forms, roles, steps, variables and flows', () => {
    expect(m.formFields).toEqual([expect.objectContaining({ column: 'cnt_nationalid', table: 'contact', hidden: true, disabled: false })]);
    expect(m.formLibraries.get('cnt_/forms/contact.js')).toHaveLength(1);
    expect(m.roles[0]!.privileges).toEqual([{ name: 'prvReadContact', level: 'Global' }]);
    expect(m.steps[0]).toMatchObject({ pluginTypeName: 'Contoso.Plugins.Sync', hasUnsecureConfiguration: true, impersonatingUser: 'Admin' });
    expect(m.envVars.get('cnt_token')).toMatchObject({ type: 100000000, currentValue: 'abc123def456', displayName: 'Token' });
    expect(m.flows[0]!.parameters).toEqual([expect.objectContaining({ name: 'Token (cnt_Token)', schemaName: 'cnt_Token', defaultValue: 'x' })]);
    expect(m.flows[0]!.secretReads).toEqual(['cnt_Pw']);
  });

  it('is empty without a solution and skips failed files', () => {
    const e = model({ 'a/Entity.xml': '<Entity>' });
    expect(e.present).toBe(false);
    const t = model({ 'sol/Other/Solution.xml': manifest, 'sol/Entities/X/Entity.xml': '<Entity><EntityInfo><entity Name="X">' });
    expect(t.columns.size).toBe(0);
  });
});
