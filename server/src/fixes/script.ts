/**
 * JS/TS web resources: a secret cannot stay in client code, whatever the obfuscation. The fix
 * removes the literal and asks the server for the value: a Dataverse environment variable of
 * type Secret (its value in Azure Key Vault) read through RetrieveEnvironmentVariableSecretValue
 * with Xrm.WebApi. A helper function is appended once per file.
 *
 * - inside a function, the literal becomes `await d365secRetrieveSecret("cnt_X")` and the
 *   function becomes async (form event handlers may return promises);
 * - a variable initialised at module or IIFE level (`var KEY = "..."`) starts empty and is filled
 *   when the server answers, so the surrounding API keeps its shape.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parse } from '../parsers/estree';
import { stringExpression } from './literal';
import { boundName, envVarSchemaName, eolOf } from './names';
import { ROTATE_NOTE, type Fix, type FixContext, type TextEdit } from './types';

export const HELPER = 'd365secRetrieveSecret';

type Node = TSESTree.Node;

export function scriptFixes(ctx: FixContext): Fix[] {
  const { text, finding } = ctx;
  const ts = /\.(ts|tsx|mts|cts)$/i.test(ctx.path);
  let ast: TSESTree.Program;
  try {
    ast = parse(text, { range: true, loc: false, jsx: /x$/i.test(ctx.path), comment: false, errorOnUnknownASTType: false });
  } catch {
    return []; // half-typed code: no fix until it parses again
  }
  const expr = stringExpression(text, finding.span, 'script');
  if (!expr) return [];
  const path = pathTo(ast, expr.start, expr.end);
  if (!path) return [];
  const target = path[path.length - 1]!;
  const name = boundName(text, target.range[0], finding.fixData?.name);
  const schema = envVarSchemaName(name, ctx.files);
  const call = `${HELPER}(${JSON.stringify(schema)})`;
  const edits: TextEdit[] = [];
  const fn = [...path].reverse().find(isFunction);
  const declarator = path[path.length - 2];
  const decl = path[path.length - 3];
  const topLevelVar =
    declarator?.type === 'VariableDeclarator' &&
    declarator.init === target &&
    declarator.id.type === 'Identifier' &&
    decl?.type === 'VariableDeclaration' &&
    (!fn || isIife(fn, path));
  if (topLevelVar && decl?.type === 'VariableDeclaration' && declarator.id.type === 'Identifier') {
    const id = declarator.id.name;
    if (decl.kind === 'const') edits.push({ span: { start: decl.range[0], end: decl.range[0] + 5 }, newText: 'let' });
    edits.push({ span: { start: target.range[0], end: target.range[1] }, newText: '""' });
    const eol = eolOf(text);
    const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', decl.range[0] - 1) + 1))![0];
    edits.push({
      span: { start: decl.range[1], end: decl.range[1] },
      newText: `${eol}${indent}${call}.then(function (value) { ${id} = value; });`,
    });
  } else {
    edits.push({ span: { start: target.range[0], end: target.range[1] }, newText: `(await ${call})` });
    if (fn && !fn.async) edits.push(asyncEdit(fn, path));
    else if (!fn) return []; // top-level await is not valid in a classic script
  }
  if (!new RegExp(`function\\s+${HELPER}\\b`).test(text)) {
    const eol = eolOf(text);
    const end = text.length;
    edits.push({ span: { start: end, end }, newText: (text.endsWith('\n') ? '' : eol) + helperSource(ts, eol) });
  }
  return [
    {
      title: `Remove the secret from client code: read it server-side from a Key Vault-backed Secret environment variable (${schema})`,
      isPreferred: true,
      changes: [{ path: ctx.path, edits }],
      note: `Create the Key Vault secret and the Secret environment variable ${schema}. Better still, move the call that needs it into a custom API so the value never reaches the browser. ${ROTATE_NOTE}`,
    },
  ];
}

function isFunction(n: Node): n is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression';
}

/** `(function () { ... })()`: making it async would turn the module object into a promise. */
function isIife(fn: Node, path: Node[]): boolean {
  const parent = path[path.indexOf(fn) - 1];
  return parent?.type === 'CallExpression' && parent.callee === fn;
}

function asyncEdit(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression, path: Node[]): TextEdit {
  const parent = path[path.indexOf(fn) - 1];
  // Methods and object/class properties: `async` goes before the key, not before `function`.
  if (parent && (parent.type === 'MethodDefinition' || (parent.type === 'Property' && (parent.method || parent.kind !== 'init')))) {
    const at = parent.range[0] + (parent.type === 'MethodDefinition' && parent.static ? 'static '.length : 0);
    return { span: { start: at, end: at }, newText: 'async ' };
  }
  return { span: { start: fn.range[0], end: fn.range[0] }, newText: 'async ' };
}

/** Path from the program to the smallest node covering [start, end). */
function pathTo(root: Node, start: number, end: number): Node[] | undefined {
  const path: Node[] = [];
  let node: Node | undefined = root;
  while (node) {
    path.push(node);
    let next: Node | undefined;
    for (const child of children(node)) {
      if (child.range[0] <= start && child.range[1] >= end) {
        next = child;
        break;
      }
    }
    node = next;
  }
  return path.length > 1 ? path : undefined;
}

function children(n: Node): Node[] {
  const out: Node[] = [];
  for (const [k, v] of Object.entries(n)) {
    if (k === 'parent' || k === 'range' || k === 'loc') continue;
    if (Array.isArray(v)) for (const c of v) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') out.push(c as Node);
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as Node).type === 'string' && Array.isArray((v as Node).range)) out.push(v as Node);
  }
  return out;
}

function helperSource(ts: boolean, eol: string): string {
  const sig = ts ? `function ${HELPER}(name: string): Promise<string>` : `function ${HELPER}(name)`;
  const xrm = ts ? '(window as any).Xrm' : 'Xrm';
  const res = ts ? 'response: any' : 'response';
  const body = ts ? 'body: any' : 'body';
  return [
    '',
    '/**',
    ' * Reads a Dataverse environment variable of type Secret (its value is kept in Azure Key Vault)',
    ' * through the RetrieveEnvironmentVariableSecretValue message. Added by d365sec: the value used',
    ' * to be written here. A custom API that makes the call server-side keeps it out of the browser.',
    ' */',
    `${sig} {`,
    '    var request = {',
    '        EnvironmentVariableName: name,',
    '        getMetadata: function () {',
    '            return {',
    '                boundParameter: null,',
    '                operationType: 0,',
    '                operationName: "RetrieveEnvironmentVariableSecretValue",',
    '                parameterTypes: { EnvironmentVariableName: { typeName: "Edm.String", structuralProperty: 1 } }',
    '            };',
    '        }',
    '    };',
    `    return ${xrm}.WebApi.online.execute(request)`,
    `        .then(function (${res}) { return response.json(); })`,
    `        .then(function (${body}) { return body.EnvironmentVariableSecretValue; });`,
    '}',
    '',
  ].join(eol);
}
