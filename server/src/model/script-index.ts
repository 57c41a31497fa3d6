/**
 * The per-tree index of the script model: one walk over the cached pre-order list collects what
 * the model needs (calls by callee, setVisible / setDisabled calls, named functions, declarations,
 * loops, aliases, returns, imports). Cached per tree, so the model contribution and the rule share it.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ScriptDocument } from '../parsers/script';
import { calleeMethod, enclosingFunction, keyName, parentOf, unwrap, walk, type Node } from '../parsers/script-ast';

export type SetterCall = TSESTree.CallExpression & { callee: TSESTree.MemberExpression };

const indexes = new WeakMap<Node, ScriptIndex>();

/** The index of a parsed script, built once per tree. */
export function scriptIndex(doc: ScriptDocument): ScriptIndex {
  const ast = doc.ast!;
  let ix = indexes.get(ast);
  if (!ix) {
    ix = new ScriptIndex(doc);
    indexes.set(ast, ix);
  }
  return ix;
}

export class ScriptIndex {
  readonly calls: TSESTree.CallExpression[] = [];
  /** setVisible / setDisabled calls on a member (`x.setVisible(...)`). */
  readonly setters: SetterCall[] = [];
  /** Function -> its short name (declaration, variable, property, method or assigned member). */
  readonly fnNames = new Map<Node, string>();
  /** Short name -> functions of that name. */
  readonly fnByName = new Map<string, Node[]>();
  readonly decls = new Map<string, Node[]>();
  /** `for (const n of names)`: loop variable -> iterated expression. */
  readonly forOf = new Map<string, Node[]>();
  /** `import { a as b }` / `import * as ns`: local name -> imported name ('*' for a namespace). */
  readonly imports = new Map<string, string>();
  /** Every function of the file. */
  readonly functions: Node[] = [];
  /** `x = hide` and `{ hide: hide }`: identifiers stored somewhere, for names a function is published under. */
  readonly aliases = new Map<string, TSESTree.Identifier[]>();
  /** Calls whose callee is a plain identifier, by name (`fn(control)` inside a helper). */
  readonly callsByName = new Map<string, TSESTree.CallExpression[]>();
  /** Calls by the last segment of their callee (`hide` of `Ns.Form.hide(...)`). */
  readonly callsByMethod = new Map<string, TSESTree.CallExpression[]>();
  /** Function -> the identifiers it returns (`return api;`). */
  readonly returns = new Map<Node, string[]>();

  constructor(readonly doc: ScriptDocument) {
    const addName = (fn: Node, name: string): void => {
      this.fnNames.set(fn, name);
      const list = this.fnByName.get(name) ?? [];
      list.push(fn);
      this.fnByName.set(name, list);
    };
    walk(doc.ast!, (n) => {
      switch (n.type) {
        case 'CallExpression': {
          this.calls.push(n);
          const c = unwrap(n.callee);
          if (c.type === 'Identifier') push(this.callsByName, c.name, n);
          const m = calleeMethod(n);
          if (m) push(this.callsByMethod, m, n);
          if ((m === 'setVisible' || m === 'setDisabled') && unwrap(n.callee).type === 'MemberExpression') this.setters.push(n as SetterCall);
          break;
        }
        case 'VariableDeclarator':
          if (n.id.type === 'Identifier' && n.init) {
            const list = this.decls.get(n.id.name) ?? [];
            list.push(n.init);
            this.decls.set(n.id.name, list);
          }
          break;
        case 'ForOfStatement':
          if (n.left.type === 'VariableDeclaration' && n.left.declarations[0]?.id.type === 'Identifier') {
            const name = n.left.declarations[0].id.name;
            push(this.forOf, name, n.right);
          }
          break;
        case 'Property': {
          const v = unwrap(n.value);
          if (v.type === 'Identifier') this.alias(v);
          break;
        }
        case 'AssignmentExpression': {
          const v = unwrap(n.right);
          if (v.type === 'Identifier' && unwrap(n.left).type === 'MemberExpression') this.alias(v);
          break;
        }
        case 'ReturnStatement': {
          const v = n.argument ? unwrap(n.argument) : undefined;
          const fn = enclosingFunction(n);
          if (v?.type === 'Identifier' && fn) push(this.returns, fn, v.name);
          break;
        }
        case 'ImportDeclaration':
          for (const s of n.specifiers) {
            if (s.type === 'ImportNamespaceSpecifier') this.imports.set(s.local.name, '*');
            else if (s.type === 'ImportSpecifier') this.imports.set(s.local.name, s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value));
          }
          break;
        case 'FunctionDeclaration':
          if (n.id) addName(n, n.id.name);
          this.functions.push(n);
          break;
        case 'FunctionExpression':
        case 'ArrowFunctionExpression': {
          this.functions.push(n);
          const p = parentOf(n);
          if (p?.type === 'VariableDeclarator' && p.id.type === 'Identifier') addName(n, p.id.name);
          else if ((p?.type === 'Property' || p?.type === 'MethodDefinition' || p?.type === 'PropertyDefinition') && p.value === n) {
            const k = keyName(p.key, p.computed);
            if (k) addName(n, k);
          } else if (p?.type === 'AssignmentExpression' && p.right === n) {
            const t = unwrap(p.left);
            const k = t.type === 'Identifier' ? t.name : t.type === 'MemberExpression' ? keyName(t.property, t.computed) : undefined;
            if (k) addName(n, k);
          }
          break;
        }
        default:
          break;
      }
    });
  }

  private alias(id: TSESTree.Identifier): void {
    const list = this.aliases.get(id.name) ?? [];
    if (list.length < 20) list.push(id);
    this.aliases.set(id.name, list);
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
