/**
 * C# files: tree-sitter C# (WASM through web-tree-sitter), converted at once into a plain JS tree
 * (csharp-tree.ts) so no WASM memory outlives the call. tree-sitter never throws: it recovers
 * with ERROR / MISSING nodes, so a half-typed file keeps every sound part of its tree and gets one
 * parse-error notice.
 *
 * `initCSharp` loads the two WASM files once (async); `parseCSharp` is synchronous afterwards.
 * Web-tree-sitter reads a JS string as UTF-16, so node offsets are UTF-16 code units: exact
 * offsets into SourceFile.text whatever the characters.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TreeSitter from 'web-tree-sitter';
import type { Edit, Parser, Tree } from 'web-tree-sitter';
import type { ArtifactRole, ParsedFileBase, SourceFile, Span } from '../core/types';
import { editBetween } from '../core/edit';
import { baseOf } from './base';
import { collectCsConstants, collectCsStringFacts, csCommentFacts, type CsConstant } from './csharp-strings';
import { convertTree, type ConvertedTree, type CsNode, type TreeReuse } from './csharp-tree';

export interface CSharpDocument extends ParsedFileBase {
  kind: 'csharp';
  /** The plain syntax tree (named nodes, UTF-16 offsets, parent pointers); undefined when the parser is not ready. */
  tree?: CsNode;
  /** Every node of `tree` in pre-order: rules loop over this instead of re-walking. */
  nodes?: CsNode[];
  /** String constants of the file by simple name and by `Class.Name`. */
  constants?: Map<string, CsConstant>;
}

let parser: Parser | undefined;
let initializing: Promise<void> | undefined;

function loadTreeSitter(): typeof TreeSitter {
  // A direct require call, so esbuild bundles the package; plain ESM hosts fall back to createRequire.
  if (typeof require === 'function') return require('web-tree-sitter') as typeof TreeSitter;
  return createRequire(path.join(process.cwd(), 'index.js'))('web-tree-sitter') as typeof TreeSitter;
}

function resolveDir(): string {
  // Tests and tools run from the sources: find the packages through node's resolution.
  const req = typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'index.js'));
  return path.dirname(req.resolve('web-tree-sitter/tree-sitter.wasm'));
}

function grammarPath(dir: string | undefined): string {
  if (dir) return path.join(dir, 'tree-sitter-c_sharp.wasm');
  const req = typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'index.js'));
  return req.resolve('tree-sitter-c-sharp/tree-sitter-c_sharp.wasm');
}

/**
 * Loads web-tree-sitter and the C# grammar. `wasmDir` is the bundle directory where esbuild.mjs
 * copies both .wasm files; without it they are resolved from node_modules. Safe to call often.
 */
export async function initCSharp(wasmDir?: string): Promise<void> {
  if (parser) return;
  if (!initializing) {
    initializing = (async () => {
      // Loaded with require so bundles (CommonJS) get the package's CommonJS build: its ESM build
      // needs import.meta.url, which a CommonJS bundle does not have.
      const { Parser, Language } = loadTreeSitter();
      const runtimeDir = wasmDir ?? resolveDir();
      await Parser.init({ locateFile: (name: string) => path.join(runtimeDir, name) });
      const lang = await Language.load(grammarPath(wasmDir));
      const p = new Parser();
      p.setLanguage(lang);
      parser = p;
    })().catch((e: unknown) => {
      initializing = undefined;
      throw e;
    });
  }
  await initializing;
}

export function csharpReady(): boolean {
  return parser !== undefined;
}

/**
 * State kept for a document open in an editor: its WASM tree and conversion, so the next version
 * re-parses incrementally (tree-sitter reuses unchanged subtrees, and so does the conversion).
 * Held outside the document (a document stays plain data) and bounded: beyond MAX_LIVE trees the
 * oldest is freed and its document simply parses in full next time.
 */
interface LiveState {
  text: string;
  tree: Tree;
  converted: ConvertedTree;
}
const MAX_LIVE = 16;
const live = new Map<CSharpDocument, LiveState>();

/** Frees the WASM tree kept for `doc` (a closed or replaced document); the document stays usable. */
export function releaseCSharp(doc: CSharpDocument): void {
  const s = live.get(doc);
  if (!s) return;
  live.delete(doc);
  s.tree.delete();
}

export interface CSharpParseOptions {
  /** The previous version of the same document: its kept state is used up (its tree nodes move into the new document). */
  previous?: CSharpDocument;
  /** Keep state for the next version (documents open in an editor). */
  live?: boolean;
}

export function parseCSharp(file: SourceFile, role: ArtifactRole, opts: CSharpParseOptions = {}): CSharpDocument {
  const doc: CSharpDocument = { ...baseOf(file, 'csharp', role), kind: 'csharp' };
  try {
    return parseInto(doc, opts);
  } catch (e) {
    // Never throw: a crash in the conversion or the facts is a notice, and the tree-based rules skip the file.
    doc.failed = true;
    doc.tree = undefined;
    doc.nodes = undefined;
    doc.notices.push({ kind: 'internal-error', message: `C# parser failed: ${(e as Error).message}` });
    return doc;
  }
}

function parseInto(doc: CSharpDocument, opts: CSharpParseOptions): CSharpDocument {
  const file = doc.file;
  const text = file.text;
  const previous = opts.previous ? live.get(opts.previous) : undefined;
  if (previous) live.delete(opts.previous!);
  if (!parser) {
    previous?.tree.delete();
    doc.failed = true;
    doc.notices.push({ kind: 'internal-error', message: 'C# parser not initialised (initCSharp was not awaited); C# rules skipped this file' });
    return doc;
  }
  if (text.trim() === '') {
    previous?.tree.delete();
    return doc;
  }
  let converted: ConvertedTree;
  let tree: Tree | null = null;
  let reuse: TreeReuse | undefined;
  try {
    if (previous) {
      const edit = treeEdit(previous.text, text, opts.previous!, doc);
      previous.tree.edit(edit);
      tree = parser.parse(text, previous.tree);
      if (tree) reuse = { previous: previous.converted, ...edit, changed: previous.tree.getChangedRanges(tree) };
    } else tree = parser.parse(text);
  } finally {
    previous?.tree.delete();
  }
  if (!tree) {
    doc.failed = true;
    doc.notices.push({ kind: 'parse-error', message: 'C#: the parser gave no tree' });
    return doc;
  }
  let keep = false;
  try {
    converted = convertTree(tree, text, reuse);
    keep = opts.live === true;
  } finally {
    if (keep) remember(doc, { text, tree, converted: converted! });
    else tree.delete();
  }
  doc.tree = converted.root;
  doc.nodes = converted.order;
  doc.comments = converted.comments.map((c): Span => ({ start: c.start, end: c.end }));
  if (converted.firstError) {
    const e = converted.firstError;
    const pos = doc.lines.positionAt(e.start);
    const what = e.missing ? `missing ${JSON.stringify(e.missing)}` : 'syntax error';
    doc.notices.push({
      kind: 'parse-error',
      message: `C#: ${what} at line ${pos.line + 1}, column ${pos.character + 1}; the rest of the file is still checked`,
      span: { start: e.start, end: Math.max(e.end, Math.min(text.length, e.start + 1)) },
    });
  }
  const constants = collectCsConstants(converted.order, text);
  doc.constants = constants;
  doc.strings = collectCsStringFacts(converted.order, file.path, constants, text);
  doc.strings.push(...csCommentFacts(text, converted.comments));
  doc.strings.sort((a, b) => a.span.start - b.span.start);
  return doc;
}

function remember(doc: CSharpDocument, state: LiveState): void {
  live.set(doc, state);
  while (live.size > MAX_LIVE) releaseCSharp(live.keys().next().value!);
}

/** The edit between two versions as tree-sitter wants it: offsets and row/column points, in UTF-16 code units as web-tree-sitter counts them for JS strings. */
function treeEdit(before: string, after: string, oldDoc: CSharpDocument, newDoc: CSharpDocument): Edit {
  const e = editBetween(before, after);
  const point = (lines: CSharpDocument['lines'], at: number) => {
    const pos = lines.positionAt(at);
    return { row: pos.line, column: pos.character };
  };
  return {
    startIndex: e.start,
    oldEndIndex: e.oldEnd,
    newEndIndex: e.newEnd,
    startPosition: point(newDoc.lines, e.start),
    oldEndPosition: point(oldDoc.lines, e.oldEnd),
    newEndPosition: point(newDoc.lines, e.newEnd),
  };
}
