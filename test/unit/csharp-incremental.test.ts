// Incremental C# parsing (documents open in an editor): every version parsed from the previous
// one must give exactly the tree, facts and notices a fresh parse gives, whatever the edit.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCSharp, parseCSharp, releaseCSharp, type CSharpDocument } from '../../server/src/parsers/csharp';
import type { CsNode } from '../../server/src/parsers/csharp-tree';

beforeAll(async () => {
  await initCSharp();
});

/** The tree as plain data, with every parent pointer checked on the way. */
function shape(n: CsNode, parent?: CsNode): unknown {
  if (n.parent !== parent) throw new Error(`parent pointer of ${n.type} at ${n.start} is wrong`);
  return { t: n.type, s: n.start, e: n.end, f: n.field, o: n.op, x: n.text, c: n.children.map((c) => shape(c, n)) };
}

function snapshot(d: CSharpDocument) {
  return {
    tree: d.tree ? shape(d.tree) : undefined,
    order: d.nodes?.map((n) => `${n.type}@${n.start}-${n.end}`),
    comments: d.comments,
    strings: d.strings,
    constants: d.constants ? [...d.constants.entries()] : undefined,
    notices: d.notices,
  };
}

function csFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) csFiles(p, out);
    else if (name.endsWith('.cs')) out.push(p);
  }
  return out;
}

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const INSERTS = ['x', ' ', '\n', ';', '{', '}', '(', ')', '"', '"secret"', '// note\n', '/* c */', 'var y = 1;', 'é', '😀', '@"a\nb"', 'public void M() { }', '<', '>', ','];

function randomEdit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (kind < 0.45) return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
  if (kind < 0.8) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 12)));
  // Replace a stretch: a paste over a selection.
  const end = Math.min(text.length, at + Math.floor(next() * 40));
  return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)]! + text.slice(end);
}

describe('incremental C# parsing', () => {
  const files = csFiles(path.resolve('examples/contoso')).slice(0, 6);

  it('finds C# files to edit', () => {
    expect(files.length).toBeGreaterThan(2);
  });

  it('gives the same document as a fresh parse after every random edit', () => {
    let edits = 0;
    files.forEach((file, fi) => {
      const next = rng(1000 + fi);
      let text = readFileSync(file, 'utf8');
      let doc = parseCSharp({ path: 'P.cs', text }, 'other', { live: true });
      for (let i = 0; i < 40; i++) {
        text = randomEdit(text, next);
        const incremental = parseCSharp({ path: 'P.cs', text }, 'other', { previous: doc, live: true });
        const fresh = parseCSharp({ path: 'P.cs', text }, 'other');
        expect(snapshot(incremental), `${path.basename(file)} edit ${i}`).toEqual(snapshot(fresh));
        doc = incremental;
        edits++;
      }
      releaseCSharp(doc);
    });
    expect(edits).toBe(files.length * 40);
  });

  it('reuses unchanged subtrees: nodes far from a one-character edit are the same objects', () => {
    const text = readFileSync(files[0]!, 'utf8');
    const first = parseCSharp({ path: 'P.cs', text }, 'other', { live: true });
    const lastNode = first.nodes![first.nodes!.length - 1]!;
    const firstClass = first.nodes!.find((n) => n.type === 'using_directive')!;
    const lastStart = lastNode.start;
    const at = text.indexOf('{', text.indexOf('class ')) + 1;
    const second = parseCSharp({ path: 'P.cs', text: text.slice(0, at) + ' ' + text.slice(at) }, 'other', { previous: first, live: true });
    expect(second.nodes).toContain(firstClass);
    // The last node moved one character to the right with the edit.
    expect(second.nodes).toContain(lastNode);
    expect(lastNode.start).toBe(lastStart + 1);
    releaseCSharp(second);
  });

  it('parses in full when the previous version kept no state (closed, or never live)', () => {
    const text = 'class A { const string K = "v"; }';
    const notLive = parseCSharp({ path: 'A.cs', text }, 'other');
    const next = parseCSharp({ path: 'A.cs', text: text.replace('"v"', '"w"') }, 'other', { previous: notLive, live: true });
    expect(next.constants?.get('K')?.value).toBe('w');
    // The previous document is untouched when nothing was reused.
    expect(notLive.constants?.get('K')?.value).toBe('v');
    releaseCSharp(next);
    const after = parseCSharp({ path: 'A.cs', text }, 'other', { previous: next });
    expect(snapshot(after)).toEqual(snapshot(parseCSharp({ path: 'A.cs', text }, 'other')));
  });

  it('recovers from a half-typed file and back, reporting the syntax error each time', () => {
    const good = 'class A {\n  void M() { var s = "x"; }\n}\n';
    let doc = parseCSharp({ path: 'A.cs', text: good }, 'other', { live: true });
    const broken = good.replace('"x";', '"x"');
    doc = parseCSharp({ path: 'A.cs', text: broken }, 'other', { previous: doc, live: true });
    expect(doc.notices.map((n) => n.kind)).toEqual(['parse-error']);
    doc = parseCSharp({ path: 'A.cs', text: good }, 'other', { previous: doc, live: true });
    expect(doc.notices).toEqual([]);
    releaseCSharp(doc);
  });
});
