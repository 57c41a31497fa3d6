/**
 * Small helpers over the typescript-estree tree, shared by the script parser, the script model
 * and the script rules. Nodes carry `range` and (after parseScript) `parent` pointers.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';

export type Node = TSESTree.Node;
export type Program = TSESTree.Program;

const SKIP_KEYS = new Set(['parent', 'range', 'loc', 'tokens', 'comments', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);

/** True for a value that looks like an AST node. */
export function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string' && Array.isArray((v as { range?: unknown }).range);
}

/** The child nodes of a node, in source order, without type annotations. */
export function childrenOf(n: Node): Node[] {
  const out: Node[] = [];
  for (const k of Object.keys(n)) {
    if (SKIP_KEYS.has(k)) continue;
    const v = (n as unknown as Record<string, unknown>)[k];
    if (Array.isArray(v)) {
      for (const x of v) if (isNode(x)) out.push(x);
    } else if (isNode(v)) out.push(v);
  }
  // Object keys are not in source order (a FunctionDeclaration lists `body` before `id`).
  if (out.length > 1) out.sort((a, b) => a.range[0] - b.range[0]);
  return out;
}

/** Pre-order node list of a parsed program, built once by setParents, so rules and the model do not re-walk the tree. */
interface Flat {
  order: Node[];
  parents: (Node | undefined)[];
  /** Index of the last descendant of order[i] (subtree = i..end[i]). */
  end: Int32Array;
}
const flats = new WeakMap<Node, Flat>();

/**
 * Depth-first walk with an explicit stack (deeply nested bundles must not overflow the call
 * stack). `enter` returning false skips the node's children. A program that went through
 * setParents is walked over its cached pre-order list: ten rules walking one tree cost one walk.
 */
export function walk(root: Node, enter: (n: Node, parent: Node | undefined) => boolean | void): void {
  const flat = flats.get(root);
  if (flat) {
    const { order, parents, end } = flat;
    for (let i = 0; i < order.length; ) i = enter(order[i]!, parents[i]) === false ? end[i]! + 1 : i + 1;
    return;
  }
  const stack: [Node, Node | undefined][] = [[root, undefined]];
  while (stack.length > 0) {
    const [n, p] = stack.pop()!;
    if (enter(n, p) === false) continue;
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, n]);
  }
}

/** Sets `parent` on every node (typescript-estree's `parse` does not) and caches the pre-order list. */
export function setParents(root: Node): void {
  flats.set(root, flatten(root, undefined));
}

/** Pre-order list of a subtree, setting parent pointers on the way; `end` indices are relative to the subtree. */
function flatten(root: Node, rootParent: Node | undefined): Flat {
  const order: Node[] = [];
  const parents: (Node | undefined)[] = [];
  const ends: number[] = [];
  // Explicit stack of [node, parent, index-or-marker]: a negative entry closes a subtree.
  const stack: { n: Node; p: Node | undefined; close: number }[] = [{ n: root, p: rootParent, close: -1 }];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.close >= 0) {
      ends[e.close] = order.length - 1;
      continue;
    }
    (e.n as { parent?: Node }).parent = e.p;
    const i = order.length;
    order.push(e.n);
    parents.push(e.p);
    ends.push(i);
    stack.push({ n: e.n, p: e.p, close: i });
    const kids = childrenOf(e.n);
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ n: kids[k]!, p: e.n, close: -1 });
  }
  return { order, parents, end: Int32Array.from(ends) };
}

/** The cached pre-order list of a tree that went through setParents. */
export function flatOf(root: Node): Readonly<Flat> | undefined {
  return flats.get(root);
}

/**
 * A new root object for a tree whose parts are being updated in place: caches keyed by the old
 * root (the script index, resolvers) must not answer for the new version.
 */
export function replaceRoot<T extends Node>(old: T): T {
  const flat = flats.get(old);
  const root = { ...old } as T;
  for (const v of Object.values(root)) {
    for (const x of Array.isArray(v) ? v : [v]) if (x && typeof x === 'object' && (x as { parent?: Node }).parent === old) (x as { parent?: Node }).parent = root;
  }
  if (flat) {
    const order = flat.order.slice();
    order[0] = root;
    flats.set(root, { order, parents: flat.parents.map((p) => (p === old ? root : p)), end: flat.end });
  }
  return root;
}

/**
 * Replaces `deleteCount` statements of `parent.body` from `index` on by `inserted` (statements of
 * a partial re-parse), keeping the pre-order list of the tree under `root` and parent pointers right.
 */
export function spliceChildren(root: Node, parent: Node & { body: unknown }, index: number, deleteCount: number, inserted: Node[]): void {
  const flat = flats.get(root);
  if (!flat || !Array.isArray(parent.body)) throw new Error('spliceChildren: not a statement list of a flattened tree');
  const list = parent.body as Node[];
  const at = flat.order.indexOf(parent);
  // Where the run starts in the pre-order list, and the last index of its last subtree.
  const first = deleteCount > 0 ? flat.order.indexOf(list[index]!) : index < list.length ? flat.order.indexOf(list[index]!) : flat.end[at]! + 1;
  const last = deleteCount > 0 ? flat.end[flat.order.indexOf(list[index + deleteCount - 1]!)]! : first - 1;
  if (at < 0 || first < 0) throw new Error('spliceChildren: node not in the pre-order list');
  list.splice(index, deleteCount, ...inserted);
  const subs = inserted.map((n) => flatten(n, parent));
  const size = subs.reduce((k, f) => k + f.order.length, 0);
  const diff = size - (last - first + 1);
  const end = new Int32Array(flat.order.length + diff);
  // Subtrees that hold the run (the container and its ancestors) grow by diff.
  for (let i = 0; i < first; i++) end[i] = flat.end[i]! >= last ? flat.end[i]! + diff : flat.end[i]!;
  let k = first;
  for (const f of subs) {
    for (let i = 0; i < f.order.length; i++) end[k + i] = f.end[i]! + k;
    k += f.order.length;
  }
  for (let i = last + 1; i < flat.order.length; i++) end[i + diff] = flat.end[i]! + diff;
  flats.set(root, {
    order: [...flat.order.slice(0, first), ...subs.flatMap((f) => f.order), ...flat.order.slice(last + 1)],
    parents: [...flat.parents.slice(0, first), ...subs.flatMap((f) => f.parents), ...flat.parents.slice(last + 1)],
    end,
  });
}

export function parentOf(n: Node): Node | undefined {
  return (n as { parent?: Node }).parent;
}

/** Strips wrappers that do not change a value: `x!`, `x as T`, `<T>x`, `x satisfies T`, `a?.b` chains. */
export function unwrap(n: Node): Node {
  let x: Node = n;
  for (;;) {
    if (x.type === 'TSNonNullExpression' || x.type === 'TSAsExpression' || x.type === 'TSTypeAssertion' || x.type === 'TSSatisfiesExpression') x = x.expression;
    else if (x.type === 'ChainExpression') x = x.expression;
    else return x;
  }
}

/** The node's parent, skipping the same value-preserving wrappers. */
export function valueParent(n: Node): { parent: Node | undefined; child: Node } {
  let child = n;
  let p = parentOf(n);
  while (p && (p.type === 'TSNonNullExpression' || p.type === 'TSAsExpression' || p.type === 'TSTypeAssertion' || p.type === 'TSSatisfiesExpression' || p.type === 'ChainExpression')) {
    child = p;
    p = parentOf(p);
  }
  return { parent: p, child };
}

export function isStringLiteral(n: Node | undefined): n is TSESTree.StringLiteral {
  return !!n && n.type === 'Literal' && typeof n.value === 'string';
}

/** The string of a literal or a template without holes. */
export function staticString(n: Node | undefined): string | undefined {
  if (!n) return undefined;
  const x = unwrap(n);
  if (isStringLiteral(x)) return x.value;
  if (x.type === 'TemplateLiteral' && x.expressions.length === 0) return x.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** Name of a property key (`apiKey`, `"x-api-key"`, `[`k`]`), when it is static. */
export function keyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (!computed && key.type === 'PrivateIdentifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (computed) return staticString(key);
  return undefined;
}

/** The property name of a member expression (`a.b` and `a["b"]` give `b`). */
export function memberName(n: Node): string | undefined {
  const x = unwrap(n);
  if (x.type !== 'MemberExpression') return undefined;
  return keyName(x.property, x.computed);
}

/**
 * A callee or member chain as written, compacted: `Xrm.WebApi.updateRecord`, `console.log`,
 * `formContext.getControl`, `new https.Agent`. Calls inside the chain are kept as `()`.
 */
export function dottedName(n: Node, depth = 0): string | undefined {
  if (depth > 12) return undefined;
  const x = unwrap(n);
  switch (x.type) {
    case 'Identifier':
      return x.name;
    case 'ThisExpression':
      return 'this';
    case 'Super':
      return 'super';
    case 'MemberExpression': {
      const obj = dottedName(x.object, depth + 1);
      const prop = keyName(x.property, x.computed);
      if (prop === undefined) return obj === undefined ? undefined : `${obj}[]`;
      return obj === undefined ? prop : `${obj}.${prop}`;
    }
    case 'CallExpression': {
      const c = dottedName(x.callee, depth + 1);
      return c === undefined ? undefined : `${c}()`;
    }
    default:
      return undefined;
  }
}

/** The callee of a call or `new` as written (`fetch`, `req.setRequestHeader`, `new Error`). */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const d = dottedName(call.callee);
  if (d === undefined) return undefined;
  return call.type === 'NewExpression' ? `new ${d}` : d;
}

/** The last segment of a callee (`updateRecord` of `Xrm.WebApi.online.updateRecord`). */
export function calleeMethod(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const c = unwrap(call.callee);
  if (c.type === 'Identifier') return c.name;
  if (c.type === 'MemberExpression') return keyName(c.property, c.computed);
  return undefined;
}

export function isFunction(n: Node): n is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression';
}

/** The innermost function that contains a node, or the program. */
export function enclosingFunction(n: Node): Node | undefined {
  for (let p = parentOf(n); p; p = parentOf(p)) if (isFunction(p)) return p;
  return undefined;
}

export function spanOf(n: Node): { start: number; end: number } {
  return { start: n.range[0], end: n.range[1] };
}

/** `false`, `0`, `!1` (minifier style), `"false"`: a literal that switches something off. */
export function isFalsy(n: Node | undefined): boolean {
  if (!n) return false;
  const x = unwrap(n);
  if (x.type === 'Literal') return x.value === false || x.value === 0 || x.value === 'false' || x.value === '0';
  if (x.type === 'UnaryExpression' && x.operator === '!' && x.argument.type === 'Literal') return !!x.argument.value;
  return false;
}

/** `true`, `1`, `!0`. */
export function isTruthy(n: Node | undefined): boolean {
  if (!n) return false;
  const x = unwrap(n);
  if (x.type === 'Literal') return x.value === true || x.value === 1 || x.value === 'true';
  if (x.type === 'UnaryExpression' && x.operator === '!' && x.argument.type === 'Literal') return !x.argument.value;
  return false;
}

/** Every node of a type under a root (the rules' main query). */
export function findAll<T extends Node['type']>(root: Node, type: T): Extract<Node, { type: T }>[] {
  const out: Extract<Node, { type: T }>[] = [];
  walk(root, (n) => {
    if (n.type === type) out.push(n as Extract<Node, { type: T }>);
  });
  return out;
}
