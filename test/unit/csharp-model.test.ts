import { beforeAll, describe, expect, it } from 'vitest';
import { contribute, mergeModel } from '../../server/src/model/project';
import { hostKindOfType, resolveCsConstant } from '../../server/src/model/csharp';
import { initCSharp, parseCSharp } from '../../server/src/parsers/csharp';

beforeAll(async () => {
  await initCSharp();
});

const model = (files: Record<string, string>) => mergeModel(Object.entries(files).map(([path, text]) => contribute(parseCSharp({ path, text }, 'other'))));

describe('C# project model', () => {
  it('follows base classes across files to tell plug-ins from workflow activities', () => {
    const m = model({
      'a/Base.cs': 'namespace X { public abstract class SyncBase : Microsoft.Xrm.Sdk.IPlugin { } }',
      'a/Mid.cs': 'namespace X { public abstract class AccountSyncBase : SyncBase { } }',
      'a/Leaf.cs': 'namespace X { public sealed class AccountSync : AccountSyncBase { } public sealed class Helper { } }',
      'a/Act.cs': 'public abstract class StepBase : CodeActivity { }\npublic sealed class Recalc : StepBase { }',
      'a/Generic.cs': 'public sealed class Lookup : CodeActivity<string> { }',
      'a/Primary.cs': 'public sealed class Typed(string unsecure, string secure) : SyncBase(unsecure, secure) { }',
    });
    expect(hostKindOfType(m.csharp, 'AccountSync')).toBe('plugin');
    expect(hostKindOfType(m.csharp, 'Recalc')).toBe('workflow');
    expect(hostKindOfType(m.csharp, 'Lookup')).toBe('workflow');
    expect(hostKindOfType(m.csharp, 'Helper')).toBe('other');
    expect(hostKindOfType(m.csharp, 'Typed')).toBe('plugin');
  });

  it('records string and Guid constants by class, with where they are written', () => {
    const text = 'namespace S\n{\n    internal static class Keys\n    {\n        internal const string Header = "x-api-key";\n        internal static readonly string Url = "https://a.example.net/" + "v1";\n        internal static readonly Guid Bot = new Guid("0d3c8a51-3c1e-4f0b-9a6d-2b7f1e9c4a11");\n    }\n}';
    const m = model({ 'S/Keys.cs': text });
    const url = resolveCsConstant(m.csharp, 'S.Keys.Url')!;
    expect(url.value).toBe('https://a.example.net/v1');
    expect(url.path).toBe('S/Keys.cs');
    expect(text.slice(url.span.start, url.span.end)).toBe('"https://a.example.net/" + "v1"');
    const bot = resolveCsConstant(m.csharp, 'Keys.Bot')!;
    expect(bot).toMatchObject({ kind: 'guid', value: '0d3c8a51-3c1e-4f0b-9a6d-2b7f1e9c4a11' });
    expect(resolveCsConstant(m.csharp, 'Keys.Missing')).toBeUndefined();
  });

  it('is structured-clonable (the CLI ships contributions and the model between threads)', () => {
    const c = contribute(parseCSharp({ path: 'a.cs', text: 'class A : IPlugin { const string K = "v"; }' }, 'other'));
    expect(structuredClone(c)).toEqual(c);
    const m = mergeModel([c]);
    expect(structuredClone(m.csharp)).toEqual(m.csharp);
  });
});
