/**
 * Incremental re-parse of a script open in an editor. typescript-estree has no incremental mode
 * and parses 1-2 MB/s, so a keystroke in a 3,000-line form script would re-parse everything.
 * So only the few statements around the edit are parsed again (inside a function of the same
 * kind as the one that holds them) and spliced into the previous tree; every node after the edit
 * is shifted. Anything else (a region that no longer parses on its own, program-level code of a
 * module, `super` or private names that need a class around them) returns undefined and the caller
 * parses the whole file, so the result is always what a full parse gives.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { editBetween, type TextEdit } from '../core/edit';
import { parse } from './estree';
import { flatOf, isNode, parentOf, replaceRoot, spliceChildren, type Node } from './script-ast';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
type Container = TSESTree.Program | TSESTree.BlockStatement;

/**
 * Re-parses the statements around the edit in the innermost block (or the program) that holds
 * it, with one unchanged statement of margin on each side, and returns the new program (a new
 * root object: caches keyed by the old root stay with the old version). The previous program's
 * nodes move into the new one, so the previous program must not be used afterwards.
 */
export function reparseScript(
  previous: TSESTree.Program,
  before: string,
  after: string,
  filePath: string,
  positionAt: (offset: number) => { line: number; character: number },
): TSESTree.Program | undefined {
  const flat = flatOf(previous);
  if (!flat) return undefined;
  const edit = editBetween(before, after);
  const delta = edit.newEnd - edit.oldEnd;
  const container = innermostContainer(flat, edit) ?? previous;
  const stmts = container.body as Node[];
  const n = stmts.length;
  // The run of statements to parse again: those touching the edit plus one on each side, so the
  // region starts and ends at statement boundaries the edit cannot have moved.
  let i = 0;
  while (i < n && stmts[i]!.range[1] < edit.start) i++;
  i = Math.max(0, i - 1);
  let j = n - 1;
  while (j >= 0 && stmts[j]!.range[0] > edit.oldEnd) j--;
  j = Math.min(n - 1, j + 1);
  const isProgram = container.type === 'Program';
  const from = n > 0 && i > 0 ? stmts[i]!.range[0] : isProgram ? 0 : container.range[0] + 1;
  const to = n > 0 && j < n - 1 ? stmts[j]!.range[1] : isProgram ? before.length : container.range[1] - 1;
  if (from > edit.start || edit.oldEnd > to) return undefined;
  const region = after.slice(from, to + delta);
  // Code that needs a class around it is left to the full parse.
  if (/\bsuper\b|#/.test(region)) return undefined;

  const fn = enclosingFunction(container);
  // Strings at the start of a region are directives only where they are in the file too.
  const guard = i === 0 && (isProgram || fn?.body === container) ? '' : ';';
  let head: string;
  let parsed: { statements: Node[]; comments: TSESTree.Comment[] } | undefined;
  if (fn) {
    head = (fn.type === 'ArrowFunctionExpression' ? `(${fn.async ? 'async ' : ''}() => {` : `(${fn.async ? 'async ' : ''}function${fn.generator ? '*' : ''} () {`) + guard;
    const wrapped = tryParse(head + region + '})', filePath);
    const stmt = wrapped?.body[0];
    if (!wrapped || wrapped.body.length !== 1 || stmt?.type !== 'ExpressionStatement') return undefined;
    const f = stmt.expression;
    if ((f.type !== 'FunctionExpression' && f.type !== 'ArrowFunctionExpression') || f.body.type !== 'BlockStatement') return undefined;
    if (f.body.range[1] !== head.length + region.length + 1) return undefined;
    parsed = { statements: f.body.body, comments: wrapped.comments ?? [] };
  } else {
    // Program-level code: the region alone is a program. Modules are left to the full parse, since
    // a region would be parsed as a script (and an added import would turn a script into a module).
    if (previous.sourceType === 'module') return undefined;
    head = guard;
    const wrapped = tryParse(head + region, filePath);
    if (!wrapped || wrapped.sourceType === 'module') return undefined;
    parsed = { statements: wrapped.body, comments: wrapped.comments ?? [] };
  }
  const statements = guard ? parsed.statements.slice(1) : parsed.statements;
  if (guard && parsed.statements[0]?.type !== 'EmptyStatement') return undefined;

  // Offsets: new statements move to the region; everything after the old region shifts.
  const offset = from - head.length;
  for (const st of statements) shiftSubtree(st, offset);
  shiftAround(flat, from, to, delta);
  const program = replaceRoot(previous);
  const owner = container === previous ? program : container;
  if (n === 0) spliceChildren(program, owner, 0, 0, statements);
  else spliceChildren(program, owner, i, j - i + 1, statements);
  const comments = (previous.comments ?? []).filter((c) => c.range[1] <= from || c.range[0] >= to);
  for (const c of comments) if (c.range[0] >= to) c.range = [c.range[0] + delta, c.range[1] + delta];
  for (const c of parsed.comments) c.range = [c.range[0] + offset, c.range[1] + offset];
  program.comments = [...comments, ...parsed.comments].sort((a, b) => a.range[0] - b.range[0]);
  // Comments keep a `loc` even without the loc option; those in or after the region move lines.
  const loc = (at: number) => {
    const p = positionAt(at);
    return { line: p.line + 1, column: p.character };
  };
  for (const c of program.comments) if (c.range[0] >= from) c.loc = { start: loc(c.range[0]), end: loc(c.range[1]) };
  return program;
}

function tryParse(text: string, filePath: string): TSESTree.Program | undefined {
  try {
    return parse(text, { range: true, loc: false, comment: true, filePath, errorOnUnknownASTType: false, allowInvalidAST: false });
  } catch {
    return undefined;
  }
}

/** The innermost block that holds the edit strictly inside its braces (undefined: the program). */
function innermostContainer(flat: ReturnType<typeof flatOf> & object, edit: TextEdit): TSESTree.BlockStatement | undefined {
  let found: TSESTree.BlockStatement | undefined;
  const { order, end } = flat;
  for (let i = 0; i < order.length; ) {
    const n = order[i]!;
    // Only nodes that contain the whole edit can contain the block we want.
    if (!(n.range[0] <= edit.start && edit.oldEnd <= n.range[1])) {
      i = end[i]! + 1;
      continue;
    }
    if (n.type === 'BlockStatement' && n.range[0] < edit.start && edit.oldEnd < n.range[1]) found = n;
    i++;
  }
  return found;
}

function enclosingFunction(n: Container): FunctionNode | undefined {
  for (let p = parentOf(n); p; p = parentOf(p)) {
    if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression') return p;
  }
  return undefined;
}

/**
 * Shifts the previous tree around a replaced region: nodes after it move by `delta`, nodes that
 * contain it grow or shrink by `delta`. Reads offsets copied up front, so a range array shared by
 * two nodes is not shifted twice.
 */
function shiftAround(flat: ReturnType<typeof flatOf> & object, from: number, to: number, delta: number): void {
  const { order } = flat;
  const starts = new Int32Array(order.length);
  const ends = new Int32Array(order.length);
  order.forEach((n, k) => {
    starts[k] = n.range[0];
    ends[k] = n.range[1];
  });
  order.forEach((n, k) => {
    if (starts[k]! >= to) {
      n.range[0] = starts[k]! + delta;
      n.range[1] = ends[k]! + delta;
    } else if (ends[k]! >= to && starts[k]! <= from) n.range[1] = ends[k]! + delta;
    else return;
    // Type annotations and decorators are not in the pre-order list: shift them with their owner.
    for (const key of OFF_LIST_KEYS) {
      const v = (n as unknown as Record<string, unknown>)[key];
      for (const x of Array.isArray(v) ? v : [v]) if (isNode(x) && x.range[0] >= to) shiftSubtree(x, delta);
    }
  });
}

/** Keys whose nodes the pre-order list leaves out (script-ast.ts childrenOf). */
const OFF_LIST_KEYS = ['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators'];

function shiftSubtree(root: Node, offset: number): void {
  const seen = new Set<unknown>();
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (!seen.has(n.range)) {
      seen.add(n.range);
      n.range[0] += offset;
      n.range[1] += offset;
    }
    for (const k of Object.keys(n)) {
      if (k === 'parent' || k === 'range' || k === 'loc') continue;
      const v = (n as unknown as Record<string, unknown>)[k];
      if (Array.isArray(v)) {
        for (const x of v) if (isNode(x)) stack.push(x);
      } else if (isNode(v)) stack.push(v);
    }
  }
}
