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
export function convertTree(tree: Tree, text: string): ConvertedTree {
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
  const root: CsNode = { type: cursor.nodeType, start: cursor.startIndex, end: cursor.endIndex, field: undefined, children: [], parent: undefined, op: undefined, text: undefined };
  order.push(root);
  // Named ancestors, one per cursor depth below the root.
  const stack: CsNode[] = [root];
  try {
    if (!cursor.gotoFirstChild()) {
      root.text = text.slice(root.start, root.end);
      return { root, order, comments };
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
        if (hasError && !firstError && cursor.nodeIsMissing) {
          const at = cursor.startIndex;
          firstError = { start: at, end: at, missing: type };
        }
      }
      if (descended) continue;
      // Next sibling, or climb until one exists.
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return finish();
        const closed = stack.pop()!;
        if (closed.children.length === 0) closed.text = text.slice(closed.start, closed.end);
        if (stack.length === 0) return finish();
      }
    }
  } finally {
    cursor.delete();
  }

  function finish(): ConvertedTree {
    const out: ConvertedTree = { root, order, comments };
    // The innermost ERROR says where the problem is (an outer one can span the whole namespace).
    for (const e of errors) {
      const inner = !errors.some((o) => o !== e && o.start >= e.start && o.end <= e.end);
      if (inner && (!firstError || e.start < firstError.start)) firstError = { start: e.start, end: e.end };
    }
    if (firstError) out.firstError = firstError;
    return out;
  }
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
