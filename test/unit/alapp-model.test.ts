import { describe, expect, it } from 'vitest';
import { analyzeProject } from '../../server/src/core/engine';
import { contribute, mergeModel } from '../../server/src/model/project';
import { parseFile } from '../../server/src/core/engine';
import { appFolderOf, scanAlLiterals, secretsOfApp } from '../../server/src/model/alapp';

describe('alApp model', () => {
  it('scans AL literals with their label or variable names, skipping comments and quoted identifiers', () => {
    const text = [
      'codeunit 50100 "Api \'Client\'"',
      '{',
      '    var',
      "        ServiceKeyTok: Label 'Zq8-Lm3#Rv7!pW2x', Locked = true;",
      "        // OldKeyTok: Label 'commented'",
      '        /* block',
      "           'also commented' */",
      '    procedure Set()',
      '    begin',
      "        \"Api Password\" := 'It''s-Qv9!';",
      "        Message('plain text');",
      '    end;',
      '}',
    ].join('\n');
    const facts = scanAlLiterals(text);
    expect(facts.map((f) => [f.name, f.value])).toEqual([
      ['ServiceKeyTok', 'Zq8-Lm3#Rv7!pW2x'],
      ['Api Password', "It's-Qv9!"],
      [undefined, 'plain text'],
    ]);
    expect(text.slice(facts[0]!.span.start, facts[0]!.span.end)).toBe("'Zq8-Lm3#Rv7!pW2x'");
  });

  it('maps every AL file to the nearest app.json above it', () => {
    const manifest = '{ "id": "1", "name": "x", "idRanges": [{ "from": 1, "to": 2 }], "runtime": "13.0" }';
    const files = [
      { path: 'apps/main/app.json', text: manifest },
      { path: 'apps/main/test/app.json', text: manifest },
      { path: 'apps/main/src/Api.Codeunit.al', text: "codeunit 1 A\n{\n    var\n        ApiKeyTok: Label 'Kq7#Vw2mZp9xLr4t', Locked = true;\n}\n" },
      { path: 'apps/main/test/src/T.Codeunit.al', text: "codeunit 2 T\n{\n    var\n        TestPasswordTok: Label 'Tp3!Ww8nQz5kLm1v', Locked = true;\n}\n" },
    ];
    const docs = files.map((f) => parseFile(f)!).filter(Boolean);
    const model = mergeModel(docs.map(contribute)).alApp;
    expect(model.appFolders).toEqual(['apps/main/test', 'apps/main']);
    expect(appFolderOf(model, 'apps/main/test/src/T.Codeunit.al')).toBe('apps/main/test');
    expect(secretsOfApp(model, 'apps/main').map((s) => s.path)).toEqual(['apps/main/src/Api.Codeunit.al']);
    expect(secretsOfApp(model, 'apps/main/test').map((s) => s.path)).toEqual(['apps/main/test/src/T.Codeunit.al']);
    // The model is plain data: the CLI's workers send it between threads.
    expect(structuredClone(model)).toEqual(model);
    expect(analyzeProject(files, { rules: [] }).analyzed).toBe(4);
  });
});
