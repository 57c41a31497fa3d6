/**
 * The plain C# syntax tree every C# rule shares. tree-sitter's own tree lives in WASM memory and
 * must be freed by hand; a language server that kept one per open file would leak. So the parser
 * converts it once into plain JS objects (named nodes only, UTF-16 offsets into the file text,
 * parent pointers) and deletes the WASM tree right away.
 */
import type { Tree, TreeCursor } from 'web-tree-sitter';
import { FIELD_PARENTS, LEAF_TYPES } from './csharp-grammar';

export interface CsNode {
  /** tree-sitter node type (`invocation_expression`, `string_literal`, `ERROR`). */
  type: string;
  /** UTF-16 offsets into SourceFile.text. */
  start: number;
  end: number;
  /** The field this node fills in its parent (`name`, `left`, `function`, `arguments`...). */
  field?: string;
  /** Named children in source order (punctuation and keywords are dropped). */
  children: CsNode[];
  parent?: CsNode;
  /** The operator of binary, assignment and unary expressions (`+`, `==`, `+=`, `!`). */
  op?: string;
  /** Source text of nodes without named children (identifiers, literals, modifiers, keywords). */
  text?: string;
}

export interface ConvertedTree {
  root: CsNode;
  /** Pre-order list of every node (rules walk this instead of recursing). */
  order: CsNode[];
  comments: CsNode[];
  /** First ERROR or MISSING node, if the parse had to recover. */
  firstError?: { start: number; end: number; missing?: string };
  /** Every MISSING token (only when the parse had to recover), kept so a re-parse can reuse subtrees holding one. */
  missing: { at: number; type: string; parent: CsNode }[];
}

/**
 * What an incremental re-parse may reuse: the previous conversion, the single edit between the
 * two texts (UTF-16 offsets), and the ranges whose syntax tree-sitter reports as changed.
 * The previous tree's nodes are moved into the new tree (re-parented, offsets shifted), so the
 * previous conversion must not be used afterwards.
 */
export interface TreeReuse {
  previous: ConvertedTree;
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  changed: { startIndex: number; endIndex: number }[];
}

/** The child list of every leaf: frozen, never pushed to. */
const NO_CHILDREN = Object.freeze([]) as unknown as CsNode[];

const OPERATOR_PARENTS = new Set(['binary_expression', 'assignment_expression', 'prefix_unary_expression', 'postfix_unary_expression']);

/** Node type names and named flags by type id, per grammar (one WASM call per id, once). */
const typeCache = new WeakMap<object, { names: (string | undefined)[]; named: (boolean | undefined)[] }>();

/**
 * Converts with a cursor (no Node objects) and an explicit stack, so deeply nested expressions
 * cannot overflow the call stack. Each cursor property is a WASM call, so the loop asks only what
 * it needs: type ids are mapped to names once per grammar, and anonymous tokens (punctuation,
 * keywords) cost one call unless they are an operator or may be a MISSING token.
 */
export function convertTree(tree: Tree, text: string, reuse?: TreeReuse): ConvertedTree {
  const lang = tree.language;
  let cache = typeCache.get(lang);
  if (!cache) typeCache.set(lang, (cache = { names: [], named: [] }));
  const { names, named: namedIds } = cache;
  const hasError = tree.rootNode.hasError;
  const cursor: TreeCursor = tree.walk();
  const order: CsNode[] = [];
  const comments: CsNode[] = [];
  let firstError: ConvertedTree['firstError'];
  const errors: CsNode[] = [];
  const missing: ConvertedTree['missing'] = [];
  const adopt = reuse ? adopter(reuse, order, comments, errors, missing) : undefined;
  const root: CsNode = { type: cursor.nodeType, start: cursor.startIndex, end: cursor.endIndex, field: undefined, children: [], parent: undefined, op: undefined, text: undefined };
  order.push(root);
  // Named ancestors, one per cursor depth below the root.
  const stack: CsNode[] = [root];
  try {
    if (!cursor.gotoFirstChild()) {
      root.text = text.slice(root.start, root.end);
      return { root, order, comments, missing };
    }
    for (;;) {
      const parent = stack[stack.length - 1]!;
      const id = cursor.nodeTypeId;
      let type = names[id];
      if (type === undefined) type = names[id] = lang.types[id] || 'ERROR';
      let isNamed = namedIds[id];
      if (isNamed === undefined) isNamed = namedIds[id] = id === 65535 || lang.nodeTypeIsNamed(id);
      let descended = false;
      if (isNamed) {
        const start = cursor.startIndex;
        const end = cursor.endIndex;
        let field: string | undefined;
        if (FIELD_PARENTS.has(parent.type)) {
          const fieldId = cursor.currentFieldId;
          if (fieldId) field = lang.fields[fieldId] ?? undefined;
        }
        // Tokens like `modifier` or `boolean_literal` only have keyword children: their text is enough.
        const leaf = LEAF_TYPES.has(type);
        // An unchanged subtree of the previous parse is moved over whole, not walked again.
        if (!leaf && adopt?.(type, start, end, parent, field)) {
          if (!advance()) return finish();
          continue;
        }
        // Every node gets the same properties in the same order (one hidden class for the engine);
        // leaves share one frozen empty child list.
        const node: CsNode = { type, start, end, field, children: leaf ? NO_CHILDREN : [], parent, op: undefined, text: leaf ? text.slice(start, end) : undefined };
        parent.children.push(node);
        order.push(node);
        if (type === 'comment') comments.push(node);
        else if (type === 'ERROR') errors.push(node);
        if (leaf) {
          // nothing below a leaf token
        } else if (cursor.gotoFirstChild()) {
          stack.push(node);
          descended = true;
        } else node.text = text.slice(start, end);
      } else {
        if (OPERATOR_PARENTS.has(parent.type) && parent.op === undefined && type !== '(' && type !== ')') parent.op = type;
        if (hasError && cursor.nodeIsMissing) missing.push({ at: cursor.startIndex, type, parent });
      }
      if (!descended && !advance()) return finish();
    }
  } finally {
    cursor.delete();
  }

  /** Next sibling, or climb until one exists; false at the end of the tree. */
  function advance(): boolean {
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return false;
      const closed = stack.pop()!;
      if (closed.children.length === 0) closed.text = text.slice(closed.start, closed.end);
      if (stack.length === 0) return false;
    }
    return true;
  }

  function finish(): ConvertedTree {
    const out: ConvertedTree = { root, order, comments, missing };
    // Adopted subtrees bring their MISSING tokens in tree order, not source order.
    let firstMissing: ConvertedTree['missing'][number] | undefined;
    for (const m of missing) if (!firstMissing || m.at < firstMissing.at) firstMissing = m;
    if (firstMissing) firstError = { start: firstMissing.at, end: firstMissing.at, missing: firstMissing.type };
    // The innermost ERROR says where the problem is (an outer one can span the whole namespace).
    for (const e of errors) {
      const inner = !errors.some((o) => o !== e && o.start >= e.start && o.end <= e.end);
      if (inner && (!firstError || e.start < firstError.start)) firstError = { start: e.start, end: e.end };
    }
    if (firstError) out.firstError = firstError;
    return out;
  }
}

/**
 * Finds, for a named node of the new tree, the same subtree in the previous conversion and moves
 * it over: re-parented, offsets shifted past the edit, its pre-order slice, comments, errors and
 * MISSING tokens appended. A subtree qualifies when it lies wholly before or after the edited
 * text and outside every range whose syntax changed; it is then matched by type and extent.
 */
function adopter(reuse: TreeReuse, order: CsNode[], comments: CsNode[], errors: CsNode[], missing: ConvertedTree['missing']) {
  const prev = reuse.previous;
  const old = prev.order;
  const delta = reuse.newEndIndex - reuse.oldEndIndex;
  // Offsets of the previous tree as they were: adopted nodes are shifted in place, so searches
  // read these copies instead.
  const starts = new Int32Array(old.length);
  const ends = new Int32Array(old.length);
  for (let i = 0; i < old.length; i++) {
    starts[i] = old[i]!.start;
    ends[i] = old[i]!.end;
  }
  const changed = reuse.changed;
  return (type: string, start: number, end: number, parent: CsNode, field: string | undefined): boolean => {
    let shift: number;
    if (end < reuse.startIndex) shift = 0;
    else if (start > reuse.newEndIndex) shift = delta;
    else return false;
    for (const r of changed) if (start < r.endIndex && end > r.startIndex) return false;
    const oldStart = start - shift;
    const oldEnd = end - shift;
    // First node of the previous pre-order that starts at oldStart (pre-order is sorted by start).
    let lo = 0;
    let hi = old.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < oldStart) lo = mid + 1;
      else hi = mid;
    }
    let i = lo;
    while (i < old.length && starts[i] === oldStart && !(ends[i] === oldEnd && old[i]!.type === type)) i++;
    if (i >= old.length || starts[i] !== oldStart) return false;
    const node = old[i]!;
    node.parent = parent;
    node.field = field;
    parent.children.push(node);
    // The pre-order slice of the subtree: nodes that start inside it, plus zero-width ones at its end that descend from it.
    let j = i;
    for (; j < old.length; j++) {
      if (j > i && (starts[j]! > oldEnd || (starts[j] === oldEnd && !descends(old[j]!, node)))) break;
      const n = old[j]!;
      if (shift !== 0) {
        n.start += shift;
        n.end += shift;
      }
      order.push(n);
      if (n.type === 'comment') comments.push(n);
      else if (n.type === 'ERROR') errors.push(n);
    }
    for (const m of prev.missing) if (m.parent === node || descends(m.parent, node)) missing.push({ at: m.at + shift, type: m.type, parent: m.parent });
    return true;
  };
}

function descends(n: CsNode, ancestor: CsNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Pre-order walk over a converted subtree; `enter` returning false skips the node's children. */
export function walkCs(root: CsNode, enter: (n: CsNode) => boolean | void): void {
  const stack: CsNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (enter(n) === false) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
}

export function childByField(n: CsNode | undefined, field: string): CsNode | undefined {
  if (!n) return undefined;
  for (const c of n.children) if (c.field === field) return c;
  return undefined;
}

export function childOfType(n: CsNode | undefined, type: string): CsNode | undefined {
  if (!n) return undefined;
  for (const c of n.children) if (c.type === type) return c;
  return undefined;
}

export function childrenOfType(n: CsNode | undefined, type: string): CsNode[] {
  return n ? n.children.filter((c) => c.type === type) : [];
}
