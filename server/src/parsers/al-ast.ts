/**
 * The AL tree: objects, their properties, sections and controls (one generic `AlElement` for
 * `field(...)`, `group(...)`, `area(...)`, `modify(...)`, `key(...)`, `dataitem(...)`...), procedures
 * and triggers with parameters, local variables and a statement tree. Every node has a span
 * (UTF-16 offsets into the file text). Names are stored without quotes; compare them lower-case.
 */
import type { Span } from '../core/types';

export interface AlProperty {
  name: string;
  lower: string;
  /** The value as written (trimmed), without the terminating `;`. */
  value: string;
  span: Span;
  valueSpan: Span;
}

/** One entry of a `Permissions` / `InherentPermissions` value: `tabledata "G/L Entry" = RIMD`. */
export interface AlPermissionEntry {
  /** tabledata, table, codeunit, page, report, query, xmlport, system (lower case). */
  objectType: string;
  /** Object name without quotes, or `*`. */
  objectName: string;
  /** The letters as written (RIMDX, upper = direct, lower = indirect). */
  rights: string;
  span: Span;
}

export interface AlAttribute {
  name: string;
  lower: string;
  /** Argument text inside the parentheses, if any. */
  args: string;
  span: Span;
}

export interface AlLabel {
  text: string;
  /** The string literal. */
  span: Span;
  locked: boolean;
  /** Comment, MaxLength, Locked... as written. */
  properties: Record<string, string>;
}

export interface AlVariable {
  name: string;
  nameSpan: Span;
  /** Whole declaration `Name: Type` (through the type). */
  span: Span;
  /** Type as written: `Record "CNT Broker" temporary`, `Text[30]`, `SecretText`. */
  type: string;
  /** Base type, lower case: text, code, secrettext, record, codeunit, label, httpclient... */
  typeName: string;
  /** Subtype of Record / Codeunit / Page / Enum... without quotes. */
  typeArg?: string;
  /** `var` parameter (by reference). */
  byRef?: boolean;
  attributes: AlAttribute[];
  label?: AlLabel;
}

export type AlExpr =
  | { type: 'ident'; name: string; span: Span }
  | { type: 'string'; value: string; span: Span }
  | { type: 'number'; text: string; span: Span }
  | { type: 'member'; object: AlExpr; name: string; nameSpan: Span; span: Span }
  | { type: 'scope'; left: AlExpr; name: string; span: Span }
  | { type: 'call'; callee: AlExpr; args: AlExpr[]; span: Span }
  | { type: 'index'; object: AlExpr; args: AlExpr[]; span: Span }
  | { type: 'binary'; op: string; left: AlExpr; right: AlExpr; span: Span }
  | { type: 'unary'; op: string; operand: AlExpr; span: Span }
  | { type: 'paren'; expr: AlExpr; span: Span }
  | { type: 'set'; items: AlExpr[]; span: Span }
  | { type: 'error'; span: Span };

export type AlStmt =
  | { type: 'block'; body: AlStmt[]; span: Span }
  | { type: 'assign'; op: string; target: AlExpr; value: AlExpr; span: Span }
  | { type: 'expr'; expr: AlExpr; span: Span }
  | { type: 'exit'; value?: AlExpr; span: Span }
  | { type: 'if'; cond: AlExpr; then?: AlStmt; else?: AlStmt; span: Span }
  | { type: 'loop'; keyword: string; head: AlExpr[]; body: AlStmt[]; span: Span }
  | { type: 'case'; subject: AlExpr; branches: { values: AlExpr[]; body?: AlStmt }[]; else: AlStmt[]; span: Span }
  | { type: 'other'; keyword: string; span: Span };

export interface AlProcedure {
  kind: 'procedure' | 'trigger';
  name: string;
  nameSpan: Span;
  /** From the first attribute (or the procedure keyword) to the final `end;`. */
  span: Span;
  attributes: AlAttribute[];
  access?: 'local' | 'internal' | 'protected';
  params: AlVariable[];
  returnType?: string;
  /** Lower-case base of the return type. */
  returnTypeName?: string;
  /** Named return value `procedure X() Result: Text`. */
  returnName?: string;
  returnSpan?: Span;
  locals: AlVariable[];
  body?: Extract<AlStmt, { type: 'block' }>;
}

/** A section (`fields`, `layout`, `actions`) or a control (`field(...)`, `group(...)`, `modify(...)`). */
export interface AlElement {
  keyword: string;
  /** Arguments of `keyword(a; b; c)` as written; `text` is unquoted when the argument is one name. */
  args: { text: string; span: Span; expr?: AlExpr }[];
  span: Span;
  /** `keyword(args)` without the body. */
  headSpan: Span;
  properties: AlProperty[];
  children: AlElement[];
  triggers: AlProcedure[];
  procedures: AlProcedure[];
}

export interface AlObject {
  /** table, tableextension, page, pageextension, codeunit, permissionset, report, query, enum, interface... */
  type: string;
  id?: number;
  name: string;
  nameSpan: Span;
  extends?: string;
  span: Span;
  headSpan: Span;
  properties: AlProperty[];
  /** Sections and controls at the top of the object (fields, keys, layout, actions, dataset...). */
  elements: AlElement[];
  procedures: AlProcedure[];
  triggers: AlProcedure[];
  variables: AlVariable[];
}

export function prop(props: AlProperty[], name: string): AlProperty | undefined {
  const l = name.toLowerCase();
  // The last one wins, like the compiler's "duplicate property" recovery.
  for (let i = props.length - 1; i >= 0; i--) if (props[i]!.lower === l) return props[i];
  return undefined;
}

export function hasAttribute(p: { attributes: AlAttribute[] }, name: string): boolean {
  const l = name.toLowerCase();
  return p.attributes.some((a) => a.lower === l);
}

/** Every procedure and trigger of an object, including field, control and action triggers. */
export function allRoutines(obj: AlObject): AlProcedure[] {
  const out = [...obj.procedures, ...obj.triggers];
  const visit = (els: AlElement[]): void => {
    for (const e of els) {
      out.push(...e.procedures, ...e.triggers);
      visit(e.children);
    }
  };
  visit(obj.elements);
  return out;
}

/** Depth-first over elements with the chain of ancestors (outermost first). */
export function walkElements(els: AlElement[], cb: (e: AlElement, ancestors: AlElement[]) => void, ancestors: AlElement[] = []): void {
  for (const e of els) {
    cb(e, ancestors);
    walkElements(e.children, cb, [...ancestors, e]);
  }
}

export function childExprs(e: AlExpr): AlExpr[] {
  switch (e.type) {
    case 'member':
      return [e.object];
    case 'scope':
      return [e.left];
    case 'call':
      return [e.callee, ...e.args];
    case 'index':
      return [e.object, ...e.args];
    case 'binary':
      return [e.left, e.right];
    case 'unary':
      return [e.operand];
    case 'paren':
      return [e.expr];
    case 'set':
      return e.items;
    default:
      return [];
  }
}

/** Statements in source order, nested ones included. */
export function walkStmts(s: AlStmt | undefined, cb: (s: AlStmt) => void): void {
  if (!s) return;
  cb(s);
  switch (s.type) {
    case 'block':
      for (const x of s.body) walkStmts(x, cb);
      break;
    case 'if':
      walkStmts(s.then, cb);
      walkStmts(s.else, cb);
      break;
    case 'loop':
      for (const x of s.body) walkStmts(x, cb);
      break;
    case 'case':
      for (const b of s.branches) walkStmts(b.body, cb);
      for (const x of s.else) walkStmts(x, cb);
      break;
  }
}

/** The top-level expressions of one statement (not of nested statements). */
export function stmtExprs(s: AlStmt): AlExpr[] {
  switch (s.type) {
    case 'assign':
      return [s.target, s.value];
    case 'expr':
      return [s.expr];
    case 'exit':
      return s.value ? [s.value] : [];
    case 'if':
      return [s.cond];
    case 'loop':
      return s.head;
    case 'case':
      return [s.subject, ...s.branches.flatMap((b) => b.values)];
    default:
      return [];
  }
}

/** Every expression of a routine, with its parent expression (undefined at the top of a statement). */
export function walkExprs(p: AlProcedure, cb: (e: AlExpr, parent: AlExpr | undefined, stmt: AlStmt) => void): void {
  const visit = (e: AlExpr, parent: AlExpr | undefined, stmt: AlStmt, depth: number): void => {
    cb(e, parent, stmt);
    if (depth > 200) return;
    for (const c of childExprs(e)) visit(c, e, stmt, depth + 1);
  };
  walkStmts(p.body, (s) => {
    for (const e of stmtExprs(s)) visit(e, undefined, s, 0);
  });
}

/** `Client.DefaultRequestHeaders().Add` -> `Client.DefaultRequestHeaders.Add`; undefined if not a name chain. */
export function dottedName(e: AlExpr): string | undefined {
  switch (e.type) {
    case 'ident':
      return e.name;
    case 'member': {
      const o = dottedName(e.object);
      return o === undefined ? undefined : `${o}.${e.name}`;
    }
    case 'call':
      return dottedName(e.callee);
    case 'paren':
      return dottedName(e.expr);
    default:
      return undefined;
  }
}

/** The last segment of a name chain: the method of a call, the field of `Rec."Tax ID"`. */
export function lastName(e: AlExpr): string | undefined {
  if (e.type === 'ident') return e.name;
  if (e.type === 'member') return e.name;
  if (e.type === 'call') return lastName(e.callee);
  if (e.type === 'paren') return lastName(e.expr);
  return undefined;
}

export function unparen(e: AlExpr): AlExpr {
  let x = e;
  while (x.type === 'paren') x = x.expr;
  return x;
}

/** Declarations visible in a routine by lower-case name: its locals and parameters over the object's globals. */
export function scopeOf(obj: AlObject, routine: AlProcedure | undefined): Map<string, AlVariable> {
  const m = new Map<string, AlVariable>();
  for (const v of obj.variables) m.set(v.name.toLowerCase(), v);
  if (routine) for (const v of [...routine.params, ...routine.locals]) m.set(v.name.toLowerCase(), v);
  return m;
}

/** Identifiers and member names an expression reads (`'Basic ' + User + ':' + Rec.Password` -> User, Password). */
export function namesIn(e: AlExpr, out: AlExpr[] = [], depth = 0): AlExpr[] {
  if (depth > 100) return out;
  if (e.type === 'ident' || e.type === 'member') out.push(e);
  if (e.type === 'member') return out; // `Rec.Password`: the member is the value, not `Rec`
  for (const c of childExprs(e)) namesIn(c, out, depth + 1);
  return out;
}
