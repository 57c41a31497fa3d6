// The language server's in-memory project: live (open) documents re-parse incrementally, and
// only a change other files can depend on counts as a model change.
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules';
import { defaultSettings } from '../../server/src/core/settings';
import { Project } from '../../server/src/lsp/project';
import { initCSharp } from '../../server/src/parsers/csharp';

beforeAll(async () => {
  await initCSharp();
});

const SECRET = 'Zq8RkV2pLmW4nXt7Yb3HcJ6dFs9Gu1Ae';
const plugin = (body: string): string =>
  `using Microsoft.Xrm.Sdk;\nnamespace P\n{\n  public static class Keys { public const string Region = "west"; }\n  public class Step : IPlugin\n  {\n    public void Execute(System.IServiceProvider sp)\n    {\n${body}\n    }\n  }\n}\n`;

function findingsOf(p: Project, path: string): string[] {
  return p.check(path, builtinRules, defaultSettings())!.findings.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}`);
}

describe('Project with live documents', () => {
  it('gives the same findings as a fresh project after each keystroke', () => {
    const live = new Project('/ws');
    let text = plugin('      var x = 1;');
    live.set({ path: 'Step.cs', text }, true, true);
    const typed = `      var password = "${SECRET}";`;
    for (let i = 1; i <= typed.length; i++) {
      text = plugin('      var x = 1;\n' + typed.slice(0, i));
      live.set({ path: 'Step.cs', text }, true, true);
      const fresh = new Project('/ws');
      fresh.set({ path: 'Step.cs', text });
      expect(findingsOf(live, 'Step.cs'), `after ${i} characters`).toEqual(findingsOf(fresh, 'Step.cs'));
    }
    expect(findingsOf(live, 'Step.cs').some((f) => f.startsWith('D365S'))).toBe(true);
    live.release('Step.cs');
  });

  it('typing inside a method is not a model change; changing a shared constant or a base class is', () => {
    const p = new Project('/ws');
    p.set({ path: 'Step.cs', text: plugin('      var x = 1;') }, true, true);
    expect(p.set({ path: 'Step.cs', text: plugin('      var x = 12;') }, true, true).modelChanged).toBe(false);
    expect(p.set({ path: 'Step.cs', text: plugin('\n\n      var x = 12;') }, true, true).modelChanged).toBe(false);
    expect(p.set({ path: 'Step.cs', text: plugin('      var x = 12;').replace('"west"', '"east"') }, true, true).modelChanged).toBe(true);
    expect(p.set({ path: 'Step.cs', text: plugin('      var x = 12;').replace('"west"', '"east"').replace(': IPlugin', ': CodeActivity') }, true, true).modelChanged).toBe(true);
    p.release('Step.cs');
  });
});
