import { describe, expect, it } from 'vitest';
import { HOLE } from '../../server/src/core/types';
import { parseScript } from '../../server/src/parsers/script';
import { detectMinified } from '../../server/src/parsers/script-minified';

const js = (text: string, path = 'web/a.js') => parseScript({ path, text }, 'webresource', 'js');
const ts = (text: string, path = 'web/a.ts') => parseScript({ path, text }, 'webresource', 'ts');
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('script parser', () => {
  it('builds a typed AST with ranges and parents, and collects comments', () => {
    const d = js('// head\nvar a = 1; /* tail */');
    expect(d.failed).toBe(false);
    expect(d.ast?.type).toBe('Program');
    expect(d.ast?.body[0]?.range).toEqual([8, 18]);
    expect(d.lines.positionAt(d.ast!.body[0]!.range[0]).line).toBe(1);
    expect((d.ast?.body[0] as { parent?: unknown }).parent).toBe(d.ast);
    expect(d.comments).toEqual([{ start: 0, end: 7 }, { start: 19, end: 29 }]);
  });

  it('parses TypeScript and TSX', () => {
    expect(ts('namespace A { export const x: string = "v"; const y = <string>z; }').failed).toBe(false);
    expect(parseScript({ path: 'a.tsx', text: 'const e = <div title="t">{x as string}</div>;' }, 'webresource', 'tsx').failed).toBe(false);
    expect(js('const e = <b>hi</b>;').failed).toBe(false);
  });

  it('a file that does not parse yields one parse-error notice with its position, and no throw', () => {
    const text = 'function f(ctx) {\n  var fc = ctx.getFormContext(;\n  var k = "\n}';
    const d = js(text);
    expect(d.failed).toBe(true);
    expect(d.ast).toBeUndefined();
    expect(d.notices).toHaveLength(1);
    expect(d.notices[0]!.kind).toBe('parse-error');
    expect(d.notices[0]!.message).toMatch(/line 2/);
    expect(lineOf(text, d.notices[0]!.span!.start)).toBe(2);
    expect(() => js('\u0000\u0001\u0002garbage((')).not.toThrow();
  });

  it('recognises minified and vendored bundles before parsing', () => {
    const long = '"use strict";var a={' + Array.from({ length: 3000 }, (_, i) => `p${i}:${i}`).join(',') + '};';
    const d = js(long, 'web/bundle.js');
    expect(d.minified).toBe(true);
    expect(d.ast).toBeUndefined();
    expect(d.notices.map((n) => n.kind)).toEqual(['minified']);
    expect(detectMinified('lib/jquery.min.js', 'x').minified).toBe(true);
    expect(detectMinified('lib/jquery.js', '/*!\n * jQuery JavaScript Library v3.7.1\n */\n(function(){})();').minified).toBe(true);
    // One long data URI in hand-written code is not a bundle.
    const handWritten = Array.from({ length: 80 }, (_, i) => `var v${i} = ${i};`).join('\n') + `\nvar PNG = "data:image/png;base64,${'A'.repeat(1500)}";\n`;
    expect(detectMinified('web/a.js', handWritten).minified).toBe(false);
  });

  it('names a string by variable, property key, assignment target and callee', () => {
    const text = [
      'var apiKey = "k1";',
      'obj.password = "p1";',
      'fetch(u, { headers: { "Ocp-Apim-Subscription-Key": "s1" } });',
      'xhr.setRequestHeader("Authorization", "Bearer b1");',
      'btoa("u:p");',
      'process.env.SECRET = "e1";',
    ].join('\n');
    const f = (v: string) => js(text).strings.find((s) => s.value === v)!;
    expect(f('k1')).toMatchObject({ name: 'apiKey', origin: 'literal' });
    expect(f('p1')).toMatchObject({ name: 'password', path: 'obj.password' });
    expect(f('s1')).toMatchObject({ name: 'Ocp-Apim-Subscription-Key', path: 'headers.Ocp-Apim-Subscription-Key' });
    expect(f('Bearer b1')).toMatchObject({ name: 'Authorization', callee: 'xhr.setRequestHeader', argIndex: 1 });
    expect(f('u:p')).toMatchObject({ callee: 'btoa', argIndex: 0 });
    expect(f('e1')).toMatchObject({ name: 'SECRET', path: 'process.env.SECRET' });
  });

  it('keeps a concatenation as one fact over the whole expression, with holes', () => {
    const text = 'var h = {\n  Authorization: "Basic " +\n    btoa(user + ":" + pass)\n};';
    const d = js(text);
    const outer = d.strings.find((s) => s.name === 'Authorization')!;
    expect(outer).toMatchObject({ value: `Basic ${HOLE}`, origin: 'concat', partial: true });
    expect(text.slice(outer.span.start, outer.span.end)).toBe('"Basic " +\n    btoa(user + ":" + pass)');
    // The literal parts are not separate facts; the nested call argument is its own fact.
    expect(d.strings.filter((s) => s.value === 'Basic ')).toHaveLength(0);
    expect(d.strings.find((s) => s.callee === 'btoa')).toMatchObject({ value: `${HOLE}:${HOLE}`, partial: true });
  });

  it('templates: holes become HOLE, resolved constants are inlined', () => {
    const d = ts('const BASE = "https://x.contoso.com";\nconst u = `${BASE}/api/${id}`;');
    const t = d.strings.find((s) => s.name === 'u')!;
    expect(t).toMatchObject({ value: `https://x.contoso.com/api/${HOLE}`, origin: 'template', partial: true });
    expect(t.definedAt?.span.start).toBe(13);
  });

  it('resolves constants where they are used, pointing back to the definition', () => {
    const text = 'var KEY = "f1e52ca39fe5bd72122932362c4903f5";\nfunction go() {\n  fetch(url, { headers: { "x-api-key": KEY } });\n}';
    const d = js(text);
    const use = d.strings.find((s) => s.origin === 'constant')!;
    expect(use).toMatchObject({ value: 'f1e52ca39fe5bd72122932362c4903f5', name: 'x-api-key' });
    expect(lineOf(text, use.span.start)).toBe(3);
    expect(use.definedAt).toEqual({ path: 'web/a.js', span: { start: 10, end: 44 } });
  });

  it('does not resolve reassigned or shadowed variables', () => {
    const d = js('var t = "a";\nt = "b";\nfunction f(u) { return u; }\nvar u = "c";\nf(t); f(u);');
    expect(d.strings.filter((s) => s.origin === 'constant')).toHaveLength(0);
  });

  it('skips directives, module specifiers and property keys; reads strings in comments', () => {
    const d = ts('"use strict";\nimport x from "./x";\nconst o = { "k": 1 };\n// const password = "hunter2-old";');
    expect(d.strings.map((s) => s.value)).toEqual(['hunter2-old']);
    expect(d.strings[0]).toMatchObject({ origin: 'comment', inComment: true, name: 'password' });
  });

  it('decodes escapes', () => {
    expect(js('var s = "a\\u0041\\n";').strings[0]!.value).toBe('aA\n');
  });
});

describe('shared walk', () => {
  it('visits the cached pre-order list in source order and skips a subtree when enter returns false', async () => {
    const { walk } = await import('../../server/src/parsers/script-ast');
    const d = js('function f() { var inner = 1; }\nvar outer = 2;');
    const all: string[] = [];
    walk(d.ast!, (n) => {
      if (n.type === 'Identifier') all.push(n.name);
    });
    expect(all).toEqual(['f', 'inner', 'outer']);
    const skipped: string[] = [];
    walk(d.ast!, (n) => {
      if (n.type === 'FunctionDeclaration') return false;
      if (n.type === 'Identifier') skipped.push(n.name);
    });
    expect(skipped).toEqual(['outer']);
  });
});
