/**
 * Light data-flow helpers for C# rules: what a local variable was initialised with, which methods
 * of the file return a constant, and whether code runs in a plug-in or a workflow activity.
 */
import type { CSharpModel } from '../model/csharp';
import { hostKindOfType, type CsHostKind } from '../model/csharp';
import { childByField, declName, declaratorValue, enclosingFunctionCs, functionBody, isTrueLiteral, TYPE_DECLARATIONS, unwrapCs, type CsNode } from './csharp-ast';
import type { CSharpDocument } from './csharp';
import { walkCs } from './csharp-tree';

/**
 * The initializers of a local variable (or a field, when no local matches) named `name`, as seen
 * from `from`: declarations in the enclosing function, then fields of the enclosing types.
 * Returns nothing when the variable is assigned anywhere else (its value is not known).
 */
export function initializersOf(doc: CSharpDocument, from: CsNode, name: string): CsNode[] {
  const fn = enclosingFunctionCs(from);
  const scopes: CsNode[] = [];
  for (let f: CsNode | undefined = fn; f; f = enclosingFunctionCs(f)) scopes.push(f);
  for (let p = from.parent; p; p = p.parent) if (TYPE_DECLARATIONS.has(p.type)) scopes.push(p);
  // C# 9 top-level statements: locals of Program.cs live in global_statement nodes under the root.
  let top: CsNode | undefined;
  for (let p: CsNode | undefined = from; p; p = p.parent) {
    if (p.type === 'global_statement') top = p.parent;
  }
  if (top && !scopes.includes(top)) scopes.push(top);
  for (const scope of scopes) {
    const inits: CsNode[] = [];
    let reassigned = false;
    walkCs(scope, (n) => {
      if (n !== scope && (TYPE_DECLARATIONS.has(n.type) || (scope.type !== 'class_declaration' && n.type === 'local_function_statement'))) return false;
      if (n.type === 'variable_declarator' && childByField(n, 'name')?.text === name) {
        const v = declaratorValue(n);
        if (v) inits.push(v);
      } else if (n.type === 'assignment_expression') {
        const left = unwrapCs(childByField(n, 'left'));
        if (left && (left.text === name || (left.type === 'member_access_expression' && childByField(left, 'name')?.text === name && childByField(left, 'expression')?.type === 'this_expression'))) {
          if (scope.type === 'class_declaration' || scope.type === 'struct_declaration' || scope.type === 'record_declaration') {
            // A field assigned in a constructor: treat the assignment as its initializer.
            const v = childByField(n, 'right');
            if (v) inits.push(v);
          } else reassigned = true;
        }
      }
      return true;
    });
    if (inits.length > 0 || reassigned) return reassigned ? [] : inits;
  }
  return [];
}

/** Methods of the file by name (for method groups passed as callbacks). */
export function methodsNamed(doc: CSharpDocument, name: string): CsNode[] {
  return (doc.nodes ?? []).filter((n) => (n.type === 'method_declaration' || n.type === 'local_function_statement') && declName(n) === name);
}

/** Every `return` of a function body (not of nested functions). */
export function returnsOf(body: CsNode): CsNode[] {
  const out: CsNode[] = [];
  walkCs(body, (n) => {
    if (n !== body && (n.type === 'lambda_expression' || n.type === 'anonymous_method_expression' || n.type === 'local_function_statement')) return false;
    if (n.type === 'return_statement') out.push(n);
    return true;
  });
  return out;
}

/** A lambda, anonymous method, method or local function that returns `true` on every path it returns. */
export function alwaysReturnsTrue(fn: CsNode): boolean {
  const body = functionBody(fn) ?? (fn.type === 'lambda_expression' ? fn.children[fn.children.length - 1] : undefined);
  if (!body) return false;
  if (body.type === 'arrow_expression_clause') return isTrueLiteral(body.children[0]);
  if (body.type !== 'block') return isTrueLiteral(body);
  const returns = returnsOf(body);
  if (returns.length === 0) return false;
  // No `throw` either: a callback that throws on some errors does reject them.
  let throws = false;
  walkCs(body, (n) => {
    if (n.type === 'throw_statement' || n.type === 'throw_expression') throws = true;
    return !throws;
  });
  return !throws && returns.every((r) => isTrueLiteral(r.children[0]));
}

/** Names of the enclosing types, innermost first. */
export function enclosingTypeNames(n: CsNode): string[] {
  const out: string[] = [];
  for (let p = n.parent; p; p = p.parent) if (TYPE_DECLARATIONS.has(p.type)) {
    const nm = declName(p);
    if (nm) out.push(nm);
  }
  return out;
}

const PLUGIN_CONTEXT = /\b(IPluginExecutionContext\d*|LocalPluginContext|PluginExecutionContext)\b/;
const WORKFLOW_CONTEXT = /\b(CodeActivityContext|IWorkflowContext|NativeActivityContext)\b/;

/**
 * Does the code at `n` run in a plug-in? Its own or an enclosing class derives from IPlugin or a
 * plug-in base (in any file); a CodeActivity (custom workflow activity) is not. A helper class that
 * is neither counts when its file works with the plug-in execution context and not a workflow's.
 */
export function hostKindAt(doc: CSharpDocument, model: CSharpModel, n: CsNode): CsHostKind {
  let result: CsHostKind = 'other';
  for (const name of enclosingTypeNames(n)) {
    const k = hostKindOfType(model, name);
    if (k === 'workflow') return 'workflow';
    if (k === 'plugin') result = 'plugin';
  }
  if (result !== 'other') return result;
  const text = doc.file.text;
  if (WORKFLOW_CONTEXT.test(text)) return 'workflow';
  return PLUGIN_CONTEXT.test(text) && !/\bMock<|\[(Fact|Test|TestMethod)\b/.test(text) ? 'plugin' : 'other';
}
