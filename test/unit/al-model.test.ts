import { describe, expect, it } from 'vitest';
import { apiExposures, contributeAl, findAlField, mergeAl, pageSourceTable } from '../../server/src/model/al';
import { parseAl } from '../../server/src/parsers/al';

const model = (files: Record<string, string>) => mergeAl(Object.entries(files).map(([path, text]) => contributeAl(parseAl({ path, text }, 'al-object'))!));

const TABLE = 'table 62000 "FAB Payee"\n{\n    DataClassification = CustomerContent;\n    InherentPermissions = RX;\n    fields\n    {\n        field(1; "No."; Code[20]) { }\n        field(2; IBAN; Text[34]) { Caption = \'IBAN\'; DataClassification = EndUserIdentifiableInformation; }\n    }\n}';
const EXT = 'tableextension 62001 "FAB Vendor" extends Vendor\n{\n    fields\n    {\n        field(62000; "FAB Rating"; Integer) { }\n    }\n}';
const API = "page 62002 \"FAB Payee API\"\n{\n    PageType = API;\n    SourceTable = \"FAB Payee\";\n    layout\n    {\n        area(Content)\n        {\n            repeater(R)\n            {\n                field(iban; Rec.IBAN) { }\n                field(no; Rec.\"No.\") { Editable = false; }\n            }\n        }\n    }\n}";
const CARD = 'page 62003 "FAB Payee Card"\n{\n    SourceTable = "FAB Payee";\n    layout { area(Content) { group(G) { Visible = false; field(IBAN; Rec.IBAN) { } } } }\n}';
const CARD_EXT = 'pageextension 62004 "FAB Payee Card Ext" extends "FAB Payee Card"\n{\n    layout { addlast(G) { field(Extra; Rec."No.") { } } }\n}';
const PERMS = 'permissionset 62005 "FAB PAYEE"\n{\n    Assignable = false;\n    IncludedPermissionSets = "D365 BASIC", "FAB READ";\n    Permissions = tabledata "FAB Payee" = RIMD, codeunit "FAB Pay" = X;\n}';
const CU = 'codeunit 62006 "FAB Pay"\n{\n    [NonDebuggable]\n    procedure SetKey(NewKey: SecretText) begin end;\n    procedure Post(Amount: Decimal) begin end;\n}';

describe('AL project model', () => {
  const m = model({ 'a/Payee.Table.al': TABLE, 'a/Vendor.TableExt.al': EXT, 'a/PayeeApi.Page.al': API, 'a/PayeeCard.Page.al': CARD, 'a/PayeeCardExt.PageExt.al': CARD_EXT, 'a/Payee.PermissionSet.al': PERMS, 'a/Pay.Codeunit.al': CU });

  it('collects tables and fields of tables and table extensions', () => {
    expect(m.tables.map((t) => [t.name, t.extends, t.inherentPermissions])).toEqual([
      ['FAB Payee', undefined, 'RX'],
      ['FAB Vendor', 'Vendor', undefined],
    ]);
    expect(findAlField(m, 'fab payee', 'iban')).toMatchObject({ table: 'FAB Payee', type: 'Text[34]', caption: 'IBAN', dataClassification: 'EndUserIdentifiableInformation' });
    expect(findAlField(m, 'Vendor', 'FAB Rating')).toMatchObject({ table: 'Vendor', id: 62000 });
    expect(findAlField(m, undefined, 'FAB Rating')?.table).toBe('Vendor');
    expect(findAlField(m, 'Customer', 'IBAN')).toBeUndefined();
  });

  it('knows pages, their source table (through extensions), hidden controls and API exposure', () => {
    const card = m.pages.find((p) => p.name === 'FAB Payee Card')!;
    expect(card.fields).toEqual([{ control: 'IBAN', field: 'IBAN', editable: true, visible: false }]);
    const ext = m.pages.find((p) => p.name === 'FAB Payee Card Ext')!;
    expect(pageSourceTable(m, ext)).toBe('FAB Payee');
    expect(apiExposures(m, 'FAB Payee', 'IBAN').map((x) => [x.page.name, x.writable])).toEqual([['FAB Payee API', true]]);
    expect(apiExposures(m, 'FAB Payee', 'No.').map((x) => x.writable)).toEqual([false]);
  });

  it('reads permission sets and procedures', () => {
    expect(m.permissionSets[0]).toMatchObject({ name: 'FAB PAYEE', assignable: false, includes: ['D365 BASIC', 'FAB READ'] });
    expect(m.permissionSets[0]!.entries.map((e) => `${e.objectType}:${e.objectName}=${e.rights}`)).toEqual(['tabledata:FAB Payee=RIMD', 'codeunit:FAB Pay=X']);
    expect(m.procedures.map((p) => [p.name, p.nonDebuggable, p.handlesSecret, p.params.map((x) => x.typeName).join()])).toEqual([
      ['SetKey', true, true, 'secrettext'],
      ['Post', false, false, 'decimal'],
    ]);
  });

  it('is plain data (structured-clonable) and empty for other kinds', () => {
    expect(structuredClone(m)).toEqual(m);
    expect(mergeAl([])).toEqual({ tables: [], fields: [], pages: [], permissionSets: [], procedures: [] });
  });
});
