// Incremental script parsing (documents open in an editor): re-parsing only the edited function
// body must give exactly the tree, pre-order list, comments, facts and notices of a full parse.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScript, type ScriptDocument } from '../../server/src/parsers/script';
import { walk, type Node } from '../../server/src/parsers/script-ast';
import { editBetween } from '../../server/src/core/edit';

/** The tree as plain data (no parent pointers), every key included: type annotations too. */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    if (v instanceof RegExp) return String(v);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'parent') out[k] = plain(x);
    return out;
  }
  return v;
}

function snapshot(d: ScriptDocument) {
  const visited: string[] = [];
  if (d.ast) {
    walk(d.ast, (n: Node, parent) => {
      if ((n as { parent?: Node }).parent !== parent) throw new Error(`parent pointer of ${n.type} at ${n.range[0]} is wrong`);
      visited.push(`${n.type}@${n.range[0]}-${n.range[1]}`);
    });
  }
  return { ast: plain(d.ast), visited, comments: d.comments, strings: d.strings, constants: d.constants ? [...d.constants.entries()] : undefined, notices: d.notices, failed: d.failed };
}

function scriptFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) scriptFiles(p, out);
    else if (/\.(js|ts)$/.test(name)) out.push(p);
  }
  return out;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const INSERTS = ['x', ' ', '\n', ';', '{', '}', '(', ')', '"', "'k'", '`t${a}`', '// note\n', '/* c */', '/re/g', 'var y = 1;', 'é', '😀', 'await f();', 'yield 1;', 'return;', ',', 'function g() { return 2; }'];

function randomEdit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  // Typing: a character after a letter or a statement after a semicolon, which mostly keeps the file valid.
  if (kind < 0.3) {
    const semi = text.indexOf(';', at);
    if (kind < 0.15 && semi >= 0) return text.slice(0, semi + 1) + ' var t' + at + ' = "v";' + text.slice(semi + 1);
    const letter = text.slice(at).search(/[a-z]/i);
    if (letter >= 0) return text.slice(0, at + letter) + 'q' + text.slice(at + letter);
  }
  if (kind < 0.5) return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
  if (kind < 0.8) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 10)));
  const end = Math.min(text.length, at + Math.floor(next() * 30));
  return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)]! + text.slice(end);
}

const lang = (file: string): ScriptDocument['language'] => (file.endsWith('.ts') ? 'ts' : 'js');

describe('incremental script parsing', () => {
  const files = [...scriptFiles(path.resolve('examples/contoso/webresources')), ...scriptFiles(path.resolve('test/corpora/tailspin/webresources'))];

  it('finds scripts to edit, in both dialects', () => {
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.some((f) => f.endsWith('.ts'))).toBe(true);
  });

  it('gives the same document as a full parse after every random edit', () => {
    let compared = 0;
    files.forEach((file, fi) => {
      const next = rng(7 + fi);
      let text = readFileSync(file, 'utf8');
      const l = lang(file);
      let doc = parseScript({ path: 'w.' + l, text }, 'webresource', l);
      for (let i = 0; i < 30; i++) {
        text = randomEdit(text, next);
        const incremental = parseScript({ path: 'w.' + l, text }, 'webresource', l, doc);
        const full = parseScript({ path: 'w.' + l, text }, 'webresource', l);
        expect(snapshot(incremental), `${path.basename(file)} edit ${i}`).toEqual(snapshot(full));
        // A broken file keeps no tree to build on: go on from the last version that parsed.
        if (incremental.failed) text = doc.file.text;
        else doc = incremental;
        compared++;
      }
    });
    expect(compared).toBe(files.length * 30);
  });

  it('re-parses only the edited function: nodes elsewhere are the same objects, shifted', () => {
    const text = 'function a() {\n  var k = 1;\n}\nfunction b(x: number): string {\n  return "v" + x;\n}\n';
    const first = parseScript({ path: 'w.ts', text }, 'webresource', 'ts');
    const fnB = first.ast!.body[1]!;
    const fnA = first.ast!.body[0]!;
    const annotationStart = (fnB as { returnType?: Node }).returnType!.range[0];
    const edited = text.replace('var k = 1;', 'var k = 12;');
    const second = parseScript({ path: 'w.ts', text: edited }, 'webresource', 'ts', first);
    expect(second.ast).not.toBe(first.ast);
    expect(second.ast!.body[1]).toBe(fnB);
    expect(second.ast!.body[0]).toBe(fnA);
    expect(fnB.range[0]).toBe(edited.indexOf('function b'));
    // Type annotations are outside the pre-order list and still move with their function.
    expect((fnB as { returnType?: Node }).returnType!.range[0]).toBe(annotationStart + 1);
  });

  it('an edit that opens a comment or unbalances braces falls back to a full parse', () => {
    const text = 'function a() {\n  var k = 1;\n}\nfunction b() { return 2; }\n';
    const first = parseScript({ path: 'w.js', text }, 'webresource', 'js');
    for (const edited of [text.replace('var k', '/* var k'), text.replace('var k = 1;', 'var k = 1; }'), text.replace('var k', '"var k')]) {
      const inc = parseScript({ path: 'w.js', text: edited }, 'webresource', 'js', parseScript({ path: 'w.js', text }, 'webresource', 'js'));
      expect(snapshot(inc)).toEqual(snapshot(parseScript({ path: 'w.js', text: edited }, 'webresource', 'js')));
    }
    expect(first.failed).toBe(false);
  });

  it('matches a full parse for edits between statements, at program level, in modules and around directives', () => {
    const cases: [string, string, ScriptDocument['language']][] = [
      // Between two functions of a namespace IIFE: only the neighbours are parsed again.
      ['var N = (function () {\n  "use strict";\n  function a() { return 1; }\n\n  function b() { return 2; }\n  return { a: a, b: b };\n})();\n', '\n\n  function b', 'js'],
      // Program level of a script: new statements appear.
      ['var a = 1;\nvar b = 2;\nvar c = 3;\n', 'var b = 2;', 'js'],
      // The first statement of a function body: a directive stays a directive.
      ['function f() {\n  "use strict";\n  var x = 1;\n}\n', '"use strict";', 'js'],
      // A string statement in a plain block is not a directive.
      ['function f() {\n  if (x) {\n    "not a directive";\n    y();\n  }\n}\n', '"not a directive";', 'js'],
      // A module: program-level edits parse in full (an added import is still seen).
      ['import { a } from "./a";\nexport const k = 1;\nconst z = 2;\n', 'const z = 2;', 'ts'],
      // An async arrow: await in the region keeps its meaning.
      ['const h = async () => {\n  const r = await fetch(u);\n  return r;\n};\n', 'return r;', 'ts'],
      // A generator.
      ['function* g() {\n  yield 1;\n  yield 2;\n}\n', 'yield 2;', 'js'],
    ];
    const insertions = ['', ' ', 'var q = "k";', 'import { b } from "./b";', '"use strict";', 'await w;', 'yield 3;', '}', '/*'];
    for (const [text, anchor, l] of cases) {
      const at = text.indexOf(anchor);
      expect(at, anchor).toBeGreaterThanOrEqual(0);
      for (const ins of insertions) {
        for (const pos of [at, at + anchor.length]) {
          const edited = text.slice(0, pos) + ins + text.slice(pos);
          const prev = parseScript({ path: 'w.' + l, text }, 'webresource', l);
          const inc = parseScript({ path: 'w.' + l, text: edited }, 'webresource', l, prev);
          expect(snapshot(inc), `${JSON.stringify(ins)} at ${pos} in ${JSON.stringify(text.slice(0, 30))}`).toEqual(snapshot(parseScript({ path: 'w.' + l, text: edited }, 'webresource', l)));
        }
      }
    }
  });

  it('editBetween frames the change by the common prefix and suffix', () => {
    expect(editBetween('abcdef', 'abXdef')).toEqual({ start: 2, oldEnd: 3, newEnd: 3 });
    expect(editBetween('aaa', 'aaaa')).toEqual({ start: 3, oldEnd: 3, newEnd: 4 });
    expect(editBetween('abc', 'abc')).toEqual({ start: 3, oldEnd: 3, newEnd: 3 });
  });
});
