import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOLE } from '../../server/src/core/types';
import { allRoutines, parseAl, parsePermissionEntries, prop, walkElements, walkStmts, type AlDocument, type AlStmt } from '../../server/src/parsers/al';

const al = (text: string): AlDocument => parseAl({ path: 'src/x.al', text }, 'al-object');
const at = (d: AlDocument, s: { start: number; end: number }): string => d.file.text.slice(s.start, s.end);

describe('AL parser', () => {
  it('reads objects, ids, quoted names, extends and properties, case-insensitively', () => {
    const d = al('TABLEEXTENSION 60000 "FAB Vendor Ext" EXTENDS Vendor\n{\n    CAPTION = \'x\';\n}\nCodeunit 60001 FabMgt { access = internal; }');
    expect(d.notices).toEqual([]);
    expect(d.objects.map((o) => [o.type, o.id, o.name, o.extends])).toEqual([
      ['tableextension', 60000, 'FAB Vendor Ext', 'Vendor'],
      ['codeunit', 60001, 'FabMgt', undefined],
    ]);
    expect(prop(d.objects[0]!.properties, 'Caption')?.value).toBe("'x'");
    expect(prop(d.objects[1]!.properties, 'Access')?.value).toBe('internal');
    expect(at(d, d.objects[0]!.nameSpan)).toBe('"FAB Vendor Ext"');
  });

  it('reads namespaces, interfaces without ids, and procedures without bodies', () => {
    const d = al('namespace Fab.Sales;\nusing Microsoft.Sales.Customer;\ninterface "FAB IPayment"\n{\n    procedure Pay(Amount: Decimal): Boolean;\n    procedure Name(): Text;\n}');
    expect(d.notices).toEqual([]);
    expect(d.objects[0]!.type).toBe('interface');
    expect(d.objects[0]!.procedures.map((p) => [p.name, p.returnTypeName, p.body])).toEqual([
      ['Pay', 'boolean', undefined],
      ['Name', 'text', undefined],
    ]);
  });

  it('reads table fields and page controls with properties and spans', () => {
    const d = al(
      'page 60002 "FAB Card"\n{\n    SourceTable = "FAB Agent";\n    layout\n    {\n        area(Content)\n        {\n            group(Secret)\n            {\n                Visible = false;\n                field("Tax ID"; Rec."Tax ID") { Editable = false; }\n            }\n        }\n    }\n}',
    );
    const controls: string[] = [];
    walkElements(d.objects[0]!.elements, (e, anc) => controls.push(`${anc.map((a) => a.keyword).join('/')}/${e.keyword}:${e.args[0]?.text ?? ''}`));
    expect(controls).toEqual(['/layout:', 'layout/area:Content', 'layout/area/group:Secret', 'layout/area/group/field:Tax ID']);
    let field: ReturnType<typeof Object> | undefined;
    walkElements(d.objects[0]!.elements, (e) => {
      if (e.keyword === 'field') field = e;
    });
    const f = field as unknown as { args: { expr?: { type: string; name?: string } }[]; properties: { name: string; span: { start: number; end: number } }[]; headSpan: { start: number; end: number } };
    expect(f.args[1]!.expr).toMatchObject({ type: 'member', name: 'Tax ID' });
    expect(at(d, f.properties[0]!.span)).toBe('Editable = false;');
    expect(at(d, f.headSpan)).toBe('field("Tax ID"; Rec."Tax ID")');
  });

  it('reads procedures: attributes, access, var parameters, named returns, locals and labels', () => {
    const d = al(
      "codeunit 60003 X\n{\n    var\n        KeyTok: Label 'ab''c', Comment = 'x', Locked = true;\n\n    [NonDebuggable]\n    [Scope('OnPrem')]\n    local procedure Get(var Rec: Record \"FAB Agent\" temporary; A, B: Dictionary of [Text, Text]) Result: SecretText\n    var\n        [NonDebuggable]\n        Pwd: Text[30];\n    begin\n    end;\n}",
    );
    const o = d.objects[0]!;
    expect(o.variables[0]).toMatchObject({ name: 'KeyTok', typeName: 'label', label: { text: "ab'c", locked: true, properties: { comment: 'x' } } });
    const p = o.procedures[0]!;
    expect(p.attributes.map((a) => [a.name, a.args])).toEqual([['NonDebuggable', ''], ['Scope', "'OnPrem'"]]);
    expect(p.access).toBe('local');
    expect(p.params.map((x) => [x.name, x.typeName, x.typeArg, !!x.byRef])).toEqual([
      ['Rec', 'record', 'FAB Agent', true],
      ['A', 'dictionary', undefined, false],
      ['B', 'dictionary', undefined, false],
    ]);
    expect([p.returnName, p.returnTypeName]).toEqual(['Result', 'secrettext']);
    expect(p.locals[0]).toMatchObject({ name: 'Pwd', typeName: 'text', attributes: [{ name: 'NonDebuggable' }] });
    expect(at(d, p.span).startsWith('[NonDebuggable]')).toBe(true);
    expect(at(d, p.span).endsWith('end;')).toBe(true);
  });

  it('parses statements: assignments, calls with dotted callees, exit, if/case/loops', () => {
    const d = al(
      "codeunit 60004 X\n{\n    procedure Run(): Integer\n    begin\n        if not Setup.Get() then\n            exit(0)\n        else begin\n            Setup.\"Log Modification\" := Setup.\"Log Modification\"::\" \";\n            Client.DefaultRequestHeaders().Add('a', 'b');\n        end;\n        case Kind of\n            Kind::A, Kind::B:\n                N += 1;\n            else\n                N := 2;\n        end;\n        repeat N -= 1; until N = 0;\n        for I := 1 to 10 do\n            foreach T in List do\n                Message(T);\n    end;\n}",
    );
    expect(d.notices).toEqual([]);
    const kinds: string[] = [];
    walkStmts(d.objects[0]!.procedures[0]!.body, (s: AlStmt) => kinds.push(s.type === 'loop' ? s.keyword : s.type));
    expect(kinds).toEqual(['block', 'if', 'exit', 'block', 'assign', 'expr', 'case', 'assign', 'assign', 'repeat', 'assign', 'for', 'foreach', 'expr']);
    const facts = d.strings.map((s) => [s.value, s.callee, s.argIndex, s.name]);
    expect(facts).toContainEqual(['b', 'Client.DefaultRequestHeaders.Add', 1, 'a']);
  });

  it('comments: // and /* */ are comments, braces are blocks, strings keep // and /*', () => {
    const text = "codeunit 60005 X\n{\n    // line 'quoted'\n    /* block\n       spans */\n    procedure P()\n    begin\n        Message('http://a/b // not a comment /* nor this */');\n    end;\n}";
    const d = al(text);
    expect(d.comments.map((c) => at(d, c))).toEqual(["// line 'quoted'", '/* block\n       spans */']);
    expect(d.objects[0]!.procedures).toHaveLength(1);
    expect(d.strings.find((s) => !s.inComment)?.value).toBe('http://a/b // not a comment /* nor this */');
    expect(d.strings.find((s) => s.inComment)?.value).toBe('quoted');
  });

  it('string facts: labels, assignments, setter calls, concatenations and exit values', () => {
    const d = al(
      "codeunit 60006 X\n{\n    var\n        ApiKeyTok: Label 'k1', Locked = true;\n    procedure GetSecret(): Text\n    begin\n        Rec.Password := 'p1';\n        Setup.SetClientSecret('a' + 'b');\n        Send('x' + Name + 'y');\n        exit('s1');\n    end;\n}",
    );
    const f = (v: string) => d.strings.find((s) => s.value === v);
    expect(f('k1')).toMatchObject({ name: 'ApiKeyTok', origin: 'literal' });
    expect(f('p1')).toMatchObject({ name: 'Password', path: 'Rec.Password' });
    expect(f('ab')).toMatchObject({ name: 'SetClientSecret', callee: 'Setup.SetClientSecret', argIndex: 0, origin: 'concat' });
    expect(f(`x${HOLE}y`)).toMatchObject({ partial: true, callee: 'Send' });
    expect(f('s1')).toMatchObject({ name: 'GetSecret' });
    expect(at(d, f('ab')!.span)).toBe("'a' + 'b'");
  });

  it('permission entries: types, quoted and wildcard names, letters as written', () => {
    const d = al('permissionset 60007 P\n{\n    Permissions = tabledata * = RIMD,\n        TableData "G/L Entry" = rimd,\n        codeunit Foo = X;\n}');
    const p = prop(d.objects[0]!.properties, 'Permissions')!;
    const e = parsePermissionEntries(p);
    expect(e.map((x) => [x.objectType, x.objectName, x.rights])).toEqual([
      ['tabledata', '*', 'RIMD'],
      ['tabledata', 'G/L Entry', 'rimd'],
      ['codeunit', 'Foo', 'X'],
    ]);
    expect(at(d, e[1]!.span)).toBe('TableData "G/L Entry" = rimd');
  });

  it('half-typed code: one notice, no throw, the tree before the problem is kept', () => {
    const cases = [
      "codeunit 60008 X\n{\n    procedure P()\n    begin\n        Message('unclosed",
      'codeunit 60009 X\n{\n    /* never closed\n    procedure P() begin end;',
      'table 60010 "Half\n{\n    fields\n    {\n        field(1; "No."; Code[20]',
      'page 60011 P\n{\n    layout\n    {\n        area(Content)\n        {\n            field(A; Rec.A) { Visible = false; }',
      'codeunit 60012 X\n{\n    procedure A()\n    begin\n        if X then\n    procedure B()\n    begin\n    end;\n}',
      '}}}) end end begin ((( [[ ::: := \'',
      '',
      'codeunit',
    ];
    for (const text of cases) {
      let d: AlDocument | undefined;
      expect(() => (d = al(text)), text).not.toThrow();
      expect(d!.notices.length, text).toBeLessThanOrEqual(1);
      if (text.trim() !== '' && text !== 'codeunit') expect(d!.notices[0]?.kind, text).toBe('parse-error');
    }
    const last = al('codeunit 60012 X\n{\n    procedure A()\n    begin\n        if X then\n    procedure B()\n    begin\n    end;\n}');
    expect(last.objects[0]!.procedures.map((p) => p.name)).toEqual(['A', 'B']);
    const page = al(cases[3]!);
    let hidden = false;
    walkElements(page.objects[0]!.elements, (e) => {
      if (e.keyword === 'field' && prop(e.properties, 'visible')?.value === 'false') hidden = true;
    });
    expect(hidden).toBe(true);
  });

  it('parses a 5,000-line file in linear time', () => {
    const proc = (i: number) =>
      `    procedure P${i}(Value: Text): Text\n    var\n        T${i}: Label 'x${i}', Locked = true;\n    begin\n        if Value = '' then\n            exit('a' + Value);\n        Rec."F${i}" := StrSubstNo('%1', Value);\n    end;\n`;
    const file = (n: number) => `codeunit 60013 Big\n{\n${Array.from({ length: n }, (_, i) => proc(i)).join('')}}\n`;
    // best of three runs: the machine may be busy with other test files
    const time = (text: string): number => Math.min(...[0, 1, 2].map(() => { const t0 = performance.now(); al(text); return performance.now() - t0; }));
    const small = file(625);
    expect(small.split('\n').length).toBeGreaterThanOrEqual(5000);
    const d = al(small);
    expect(d.notices).toEqual([]);
    expect(allRoutines(d.objects[0]!)).toHaveLength(625);
    const t1 = time(small);
    const t2 = time(file(1250));
    expect(t1).toBeLessThan(1000);
    expect(t2 / Math.max(t1, 1)).toBeLessThan(5); // twice the input, about twice the time: no quadratic step
  });

  it('never throws on any prefix of real files or on shuffled tokens', () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d)) {
        const p = path.join(d, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.al')) files.push(readFileSync(p, 'utf8'));
      }
    };
    walk(path.join(__dirname, '../../examples'));
    expect(files.length).toBeGreaterThan(0);
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (const text of files) {
      for (let cut = 0; cut < text.length; cut += 97) {
        const d = al(text.slice(0, cut));
        expect(d.notices.length).toBeLessThanOrEqual(1);
      }
      const words = text.split(/(\s+)/);
      for (let k = 0; k < 5; k++) {
        const soup = Array.from({ length: 300 }, () => words[rnd(words.length)]).join(' ');
        expect(() => al(soup)).not.toThrow();
      }
    }
  });
});
