/**
 * AL objects and their members: `<type> <id> <name> [extends <target>] { ... }` with properties,
 * sections and controls (generic elements), `var` sections, procedures and triggers. Tolerant: it
 * never throws; anything it does not understand is skipped token by token, and an unclosed brace
 * ends the object at the end of the file with one notice.
 */
import type { Span } from '../core/types';
import type { AlAttribute, AlElement, AlObject, AlProcedure, AlProperty, AlVariable } from './al-ast';
import { parseBlock, parseExpr } from './al-code';
import { Cursor } from './al-cursor';

export const OBJECT_TYPES = new Set([
  'table', 'tableextension', 'page', 'pageextension', 'pagecustomization', 'codeunit', 'report', 'reportextension',
  'query', 'xmlport', 'enum', 'enumextension', 'interface', 'permissionset', 'permissionsetextension', 'profile',
  'profileextension', 'controladdin', 'entitlement', 'dotnet',
]);

const span = (start: number, end: number): Span => ({ start, end: Math.max(start, end) });

export function parseObjects(c: Cursor): AlObject[] {
  const out: AlObject[] = [];
  for (let guard = 0; guard < 1_000_000 && !c.eof; guard++) {
    const t = c.peek();
    if (t.kind === 'ident' && (t.lower === 'namespace' || t.lower === 'using')) {
      c.next();
      c.skipToSemicolon();
      c.eatOp(';');
      continue;
    }
    if (t.kind === 'ident' && OBJECT_TYPES.has(t.lower) && (c.isName(1) || c.peek(1).kind === 'number')) {
      out.push(parseObject(c));
      continue;
    }
    if (!c.problem && t.kind !== 'op') c.fail(`unexpected '${c.slice(t).slice(0, 40)}' outside an object`);
    c.next();
  }
  return out;
}

function parseObject(c: Cursor): AlObject {
  const kw = c.next();
  let id: number | undefined;
  if (c.peek().kind === 'number') id = Number.parseInt(c.next().text, 10);
  const nameTok = c.isName() ? c.next() : c.peek();
  const obj: AlObject = {
    type: kw.lower,
    name: nameTok.kind === 'ident' || nameTok.kind === 'qident' ? nameTok.text : '',
    nameSpan: span(nameTok.start, nameTok.end),
    span: span(kw.start, kw.end),
    headSpan: span(kw.start, nameTok.end),
    properties: [],
    elements: [],
    procedures: [],
    triggers: [],
    variables: [],
  };
  if (id !== undefined && !Number.isNaN(id)) obj.id = id;
  // `extends "Target"`, `implements "I1", "I2"`, `customizes`: read to the opening brace.
  while (!c.eof && !c.isOp('{')) {
    if (c.eatWord('extends') || c.eatWord('customizes')) {
      if (c.isName()) obj.extends = c.next().text;
      continue;
    }
    if (OBJECT_TYPES.has(c.peek().lower) && (c.isName(1) || c.peek(1).kind === 'number') && c.peek().start > obj.nameSpan.end) break;
    c.next();
  }
  obj.headSpan = span(kw.start, c.prevEnd);
  if (!c.eatOp('{')) {
    c.fail(`expected '{' after ${kw.text} ${obj.name}`);
    obj.span = span(kw.start, c.prevEnd);
    return obj;
  }
  const body = parseMembers(c);
  obj.properties = body.properties;
  obj.elements = body.children;
  obj.procedures = body.procedures;
  obj.triggers = body.triggers;
  obj.variables = body.variables;
  if (!c.eatOp('}')) c.fail(`unexpected end of file: unclosed '{' of ${kw.text} ${obj.name}`);
  obj.span = span(kw.start, c.prevEnd);
  return obj;
}

interface Members {
  properties: AlProperty[];
  children: AlElement[];
  procedures: AlProcedure[];
  triggers: AlProcedure[];
  variables: AlVariable[];
}

/** Members up to the `}` that closes the current block (not consumed). */
function parseMembers(c: Cursor): Members {
  const m: Members = { properties: [], children: [], procedures: [], triggers: [], variables: [] };
  let attrs: AlAttribute[] = [];
  for (let guard = 0; guard < 1_000_000; guard++) {
    const t = c.peek();
    if (t.kind === 'eof' || (t.kind === 'op' && t.text === '}')) break;
    // a new object keyword at the start of a member means this block was never closed
    if (t.kind === 'ident' && OBJECT_TYPES.has(t.lower) && c.peek(1).kind === 'number' && c.isName(2)) break;
    if (t.kind === 'op' && t.text === '[') {
      attrs.push(parseAttribute(c));
      continue;
    }
    if (t.kind === 'ident') {
      const w = t.lower;
      if (w === 'procedure' || ((w === 'local' || w === 'internal' || w === 'protected') && c.isWord('procedure', 1))) {
        m.procedures.push(parseRoutine(c, attrs));
        attrs = [];
        continue;
      }
      if (w === 'trigger') {
        m.triggers.push(parseRoutine(c, attrs));
        attrs = [];
        continue;
      }
      if (w === 'var' || (w === 'protected' && c.isWord('var', 1))) {
        if (w === 'protected') c.next();
        c.next();
        m.variables.push(...parseVarSection(c));
        attrs = [];
        continue;
      }
    }
    attrs = [];
    if (c.isName() && c.isOp('=', 1)) {
      m.properties.push(parseProperty(c));
      continue;
    }
    if (c.isName() && (c.isOp('(', 1) || c.isOp('{', 1))) {
      m.children.push(parseElement(c));
      continue;
    }
    c.next(); // stray token: skip
  }
  return m;
}

function parseProperty(c: Cursor): AlProperty {
  const n = c.next();
  c.next(); // =
  const v = c.skipToSemicolon();
  c.eatOp(';');
  return { name: n.text, lower: n.lower, value: c.slice(v).trim(), span: span(n.start, c.prevEnd), valueSpan: v };
}

function parseElement(c: Cursor): AlElement {
  const kw = c.next();
  const el: AlElement = { keyword: kw.lower, args: [], span: span(kw.start, kw.end), headSpan: span(kw.start, kw.end), properties: [], children: [], triggers: [], procedures: [] };
  if (c.eatOp('(')) {
    for (let guard = 0; guard < 1000 && !c.eof; guard++) {
      const startTok = c.peek();
      if (startTok.kind === 'op' && startTok.text === ')') break;
      const save = c.i;
      const expr = parseExpr(c);
      const exprEnd = c.i;
      c.i = save;
      const s = c.skipToSemicolon([')']);
      const single = exprEnd === save + 1 && (startTok.kind === 'ident' || startTok.kind === 'qident');
      el.args.push({ text: single ? startTok.text : c.slice(s).trim(), span: s, ...(expr.type !== 'error' ? { expr } : {}) });
      if (!c.eatOp(';')) break;
    }
    if (!c.eatOp(')')) c.fail(`expected ')' after ${kw.text}(`);
  }
  el.headSpan = span(kw.start, c.prevEnd);
  if (c.eatOp('{')) {
    const body = parseMembers(c);
    el.properties = body.properties;
    el.children = body.children;
    el.triggers = body.triggers;
    el.procedures = body.procedures;
    if (!c.eatOp('}')) c.fail(`unexpected end of file: unclosed '{' of ${kw.text}`);
  }
  c.eatOp(';');
  el.span = span(kw.start, c.prevEnd);
  return el;
}

function parseAttribute(c: Cursor): AlAttribute {
  const open = c.next();
  const n = c.isName() ? c.next() : undefined;
  let args = '';
  if (c.isOp('(')) {
    const a = c.peek().end;
    c.skipBalanced();
    args = c.text.slice(a, Math.max(a, c.prevEnd - 1)).trim();
  }
  while (!c.eof && !c.isOp(']') && !c.isWord('procedure') && !c.isOp('}')) c.next();
  c.eatOp(']');
  return { name: n?.text ?? '', lower: n?.lower ?? '', args, span: span(open.start, c.prevEnd) };
}

/** `[local] procedure Name(params) [Ret: ]Type [;] [var ...] begin ... end;` and `trigger Name() ...`. */
function parseRoutine(c: Cursor, attributes: AlAttribute[]): AlProcedure {
  const first = c.peek();
  let access: AlProcedure['access'];
  if (first.lower === 'local' || first.lower === 'internal' || first.lower === 'protected') {
    access = first.lower;
    c.next();
  }
  const kw = c.next();
  const nameTok = c.isName() ? c.next() : c.peek();
  const p: AlProcedure = {
    kind: kw.lower === 'trigger' ? 'trigger' : 'procedure',
    name: nameTok.kind === 'ident' || nameTok.kind === 'qident' ? nameTok.text : '',
    nameSpan: span(nameTok.start, nameTok.end),
    span: span(attributes[0]?.span.start ?? first.start, kw.end),
    attributes,
    params: [],
    locals: [],
  };
  if (access) p.access = access;
  // `procedure Codeunit::"X"::Method` style names do not occur in declarations; a dotted event name can.
  while (c.isOp('.') && c.isName(1)) {
    c.next();
    p.name += '.' + c.next().text;
  }
  if (c.eatOp('(')) p.params = parseParams(c);
  // Return: `: Type` or `Name: Type`
  if (c.isName() && c.isOp(':', 1) && !c.isWord('var') && !c.isWord('begin')) {
    p.returnName = c.next().text;
  }
  if (c.eatOp(':')) {
    const s = c.skipToSemicolon(['{']);
    const words = trimTypeAtKeyword(c, s);
    p.returnType = c.slice(words).trim();
    p.returnTypeName = baseTypeName(p.returnType).name;
    p.returnSpan = words;
  }
  c.eatOp(';');
  if (c.isWord('var')) {
    c.next();
    p.locals = parseVarSection(c);
  }
  if (c.isWord('begin')) {
    p.body = parseBlock(c);
    c.eatOp(';');
  }
  p.span = span(p.span.start, c.prevEnd);
  return p;
}

/** A return type read to `;` may run into `var`/`begin` when the `;` is missing: cut it there. */
function trimTypeAtKeyword(c: Cursor, s: Span): Span {
  const m = /\b(var|begin)\b/i.exec(c.slice(s));
  if (!m) return s;
  // rewind the cursor to that keyword
  const at = s.start + m.index;
  while (c.i > 0 && c.peek().start > at) c.i--;
  return span(s.start, s.start + c.slice(s).slice(0, m.index).trimEnd().length);
}

function parseParams(c: Cursor): AlVariable[] {
  const out: AlVariable[] = [];
  for (let guard = 0; guard < 1000 && !c.eof; guard++) {
    if (c.eatOp(')')) return out;
    const attributes: AlAttribute[] = [];
    while (c.isOp('[')) attributes.push(parseAttribute(c));
    const byRef = c.isWord('var') && c.isName(1) ? (c.next(), true) : false;
    if (!c.isName()) {
      if (c.isOp('{') || c.isOp('}') || c.isWord('begin')) {
        c.fail("expected ')'");
        return out;
      }
      c.next();
      continue;
    }
    const names: { name: string; span: Span }[] = [];
    do {
      if (!c.isName()) break;
      const n = c.next();
      names.push({ name: n.text, span: span(n.start, n.end) });
    } while (c.eatOp(','));
    const typeSpan = c.eatOp(':') ? c.skipToSemicolon([')']) : span(c.peek().start, c.peek().start);
    const type = c.slice(typeSpan).trim();
    for (const n of names) out.push(variable(n.name, n.span, type, typeSpan, attributes, byRef));
    c.eatOp(';');
  }
  return out;
}

function variable(name: string, nameSpan: Span, type: string, typeSpan: Span, attributes: AlAttribute[], byRef = false): AlVariable {
  const base = baseTypeName(type);
  const v: AlVariable = { name, nameSpan, span: span(nameSpan.start, typeSpan.end), type, typeName: base.name, attributes };
  if (base.arg) v.typeArg = base.arg;
  if (byRef) v.byRef = true;
  return v;
}

/** `Record "CNT Broker" temporary` -> record / CNT Broker; `array[3] of Text` -> text; `Text[30]` -> text. */
export function baseTypeName(type: string): { name: string; arg?: string } {
  let t = type.trim();
  const arr = /^array\s*\[[^\]]*\]\s*of\s+(.*)$/is.exec(t);
  if (arr) t = arr[1]!;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:"([^"]*)"|([A-Za-z_][A-Za-z0-9_.]*))?/.exec(t);
  if (!m) return { name: t.toLowerCase() };
  const name = m[1]!.toLowerCase();
  const arg = m[2] ?? m[3];
  return arg && !/^(temporary|of)$/i.test(arg) ? { name, arg } : { name };
}

/**
 * Declarations `[Attr] A, B: Type;` and labels `X: Label 'text', Comment = '..', Locked = true;`
 * until something that is not a declaration.
 */
function parseVarSection(c: Cursor): AlVariable[] {
  const out: AlVariable[] = [];
  for (let guard = 0; guard < 100000 && !c.eof; guard++) {
    const save = c.i;
    const attributes: AlAttribute[] = [];
    while (c.isOp('[')) attributes.push(parseAttribute(c));
    if (!(c.isName() && (c.isOp(':', 1) || c.isOp(',', 1))) || (c.peek().kind === 'ident' && /^(begin|procedure|trigger|local|var)$/.test(c.peek().lower))) {
      c.i = save; // attributes belong to the next procedure
      return out;
    }
    const names: { name: string; span: Span }[] = [];
    do {
      if (!c.isName()) break;
      const n = c.next();
      names.push({ name: n.text, span: span(n.start, n.end) });
    } while (c.eatOp(','));
    if (!c.eatOp(':')) {
      c.skipToSemicolon();
      c.eatOp(';');
      continue;
    }
    const typeStart = c.peek();
    if (typeStart.kind === 'ident' && (typeStart.lower === 'label' || typeStart.lower === 'textconst')) {
      const v = parseLabel(c, names[0]!, attributes);
      out.push(v);
      continue;
    }
    const typeSpan = c.skipToSemicolon();
    const type = c.slice(typeSpan).trim();
    c.eatOp(';');
    for (const n of names) out.push(variable(n.name, n.span, type, typeSpan, attributes));
  }
  return out;
}

function parseLabel(c: Cursor, n: { name: string; span: Span }, attributes: AlAttribute[]): AlVariable {
  const kw = c.next();
  const props: Record<string, string> = {};
  let text = '';
  let strSpan = span(kw.end, kw.end);
  // TextConst: `ENU = 'x', DEU = 'y'` -> the first language; Label: `'text', Prop = value, ...`
  if (kw.lower === 'textconst' && c.isName() && c.isOp('=', 1)) {
    c.next();
    c.next();
  }
  if (c.peek().kind === 'string') {
    const s = c.next();
    text = s.text;
    strSpan = span(s.start, s.end);
  }
  while (c.eatOp(',')) {
    if (!c.isName()) break;
    const k = c.next();
    if (!c.eatOp('=')) continue;
    const v = c.skipToSemicolon([',']);
    props[k.lower] = c.slice(v).trim().replace(/^'(.*)'$/s, '$1');
  }
  const end = c.prevEnd;
  c.skipToSemicolon();
  c.eatOp(';');
  return {
    name: n.name,
    nameSpan: n.span,
    span: span(n.span.start, end),
    type: c.text.slice(kw.start, end),
    typeName: 'label',
    attributes,
    label: { text, span: strSpan, locked: /^true$/i.test(props['locked'] ?? ''), properties: props },
  };
}
