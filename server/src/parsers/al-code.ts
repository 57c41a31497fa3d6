/**
 * Statements and expressions of AL procedure bodies. Tolerant: an unexpected token becomes an
 * `error` expression or an `other` statement and parsing goes on; a body that runs into
 * `procedure`, `trigger`, `[` or `}` (a missing `end`) stops there so the object parser can
 * recover the next member.
 */
import type { Span } from '../core/types';
import type { AlExpr, AlStmt } from './al-ast';
import { Cursor, RESERVED } from './al-cursor';

const MAX_DEPTH = 150;

const REL_OPS = new Set(['=', '<>', '<', '>', '<=', '>=']);
const ADD_OPS = new Set(['+', '-']);
const MUL_OPS = new Set(['*', '/']);
const ASSIGN_OPS = new Set([':=', '+=', '-=', '*=', '/=']);

/** Tokens at which a statement list stops (its owner consumes them). */
function atStatementEnd(c: Cursor): boolean {
  const t = c.peek();
  if (t.kind === 'eof') return true;
  if (t.kind === 'op') return t.text === '}' || t.text === '[';
  if (t.kind !== 'ident') return false;
  return t.lower === 'end' || t.lower === 'until' || t.lower === 'else' || t.lower === 'procedure' || t.lower === 'trigger' || t.lower === 'local' || t.lower === 'internal' || t.lower === 'protected' || (t.lower === 'var' && !c.isOp(':', 1));
}

const span = (start: number, end: number): Span => ({ start, end: Math.max(start, end) });

export function parseExpr(c: Cursor): AlExpr {
  if (++c.depth > MAX_DEPTH) {
    c.depth--;
    const t = c.peek();
    return { type: 'error', span: span(t.start, t.start) };
  }
  try {
    return parseRelational(c);
  } finally {
    c.depth--;
  }
}

function parseRelational(c: Cursor): AlExpr {
  let left = parseAdditive(c);
  for (;;) {
    const t = c.peek();
    const op = t.kind === 'op' && REL_OPS.has(t.text) ? t.text : t.kind === 'ident' && t.lower === 'in' ? 'in' : undefined;
    if (!op) return left;
    c.next();
    const right = parseAdditive(c);
    left = { type: 'binary', op, left, right, span: span(left.span.start, right.span.end) };
  }
}

function parseAdditive(c: Cursor): AlExpr {
  let left = parseMultiplicative(c);
  for (;;) {
    const t = c.peek();
    const op = t.kind === 'op' && ADD_OPS.has(t.text) ? t.text : t.kind === 'ident' && (t.lower === 'or' || t.lower === 'xor') ? t.lower : undefined;
    if (!op) return left;
    c.next();
    const right = parseMultiplicative(c);
    left = { type: 'binary', op, left, right, span: span(left.span.start, right.span.end) };
  }
}

function parseMultiplicative(c: Cursor): AlExpr {
  let left = parseUnary(c);
  for (;;) {
    const t = c.peek();
    const op = t.kind === 'op' && MUL_OPS.has(t.text) ? t.text : t.kind === 'ident' && (t.lower === 'and' || t.lower === 'div' || t.lower === 'mod') ? t.lower : undefined;
    if (!op) return left;
    c.next();
    const right = parseUnary(c);
    left = { type: 'binary', op, left, right, span: span(left.span.start, right.span.end) };
  }
}

function parseUnary(c: Cursor): AlExpr {
  const t = c.peek();
  if ((t.kind === 'ident' && t.lower === 'not') || (t.kind === 'op' && (t.text === '-' || t.text === '+'))) {
    c.next();
    const operand = parseUnary(c);
    return { type: 'unary', op: t.lower, operand, span: span(t.start, operand.span.end) };
  }
  return parsePostfix(c);
}

function parseArgs(c: Cursor, close: string): AlExpr[] {
  const args: AlExpr[] = [];
  if (c.eatOp(close)) return args;
  for (let guard = 0; guard < 10000; guard++) {
    if (c.eof) {
      c.fail(`unclosed '${close === ')' ? '(' : '['}'`);
      return args;
    }
    const before = c.i;
    args.push(parseExpr(c));
    if (c.eatOp(',')) continue;
    if (c.eatOp(close)) return args;
    if (c.isOp(';') || c.isOp('}') || atStatementEnd(c)) {
      c.fail(c.eof ? `unexpected end of file: unclosed '${close === ')' ? '(' : '['}'` : `expected '${close}'`);
      return args;
    }
    if (c.i === before) c.next(); // no progress: drop the stray token
  }
  return args;
}

function parsePrimary(c: Cursor): AlExpr {
  const t = c.peek();
  switch (t.kind) {
    case 'string':
      c.next();
      return { type: 'string', value: t.text, span: span(t.start, t.end) };
    case 'number':
      c.next();
      return { type: 'number', text: t.text, span: span(t.start, t.end) };
    case 'qident':
      c.next();
      return { type: 'ident', name: t.text, span: span(t.start, t.end) };
    case 'ident':
      if (RESERVED.has(t.lower)) return { type: 'error', span: span(t.start, t.start) };
      c.next();
      return { type: 'ident', name: t.text, span: span(t.start, t.end) };
    case 'op':
      if (t.text === '(') {
        c.next();
        const inner = parseExpr(c);
        if (!c.eatOp(')')) c.fail("expected ')'");
        return { type: 'paren', expr: inner, span: span(t.start, c.prevEnd) };
      }
      if (t.text === '[') {
        c.next();
        const items = parseArgs(c, ']');
        return { type: 'set', items, span: span(t.start, c.prevEnd) };
      }
      return { type: 'error', span: span(t.start, t.start) };
    default:
      return { type: 'error', span: span(t.start, t.start) };
  }
}

function parsePostfix(c: Cursor): AlExpr {
  let e = parsePrimary(c);
  if (e.type === 'error') return e;
  for (;;) {
    if (c.isOp('.') && c.isName(1)) {
      c.next();
      const n = c.next();
      e = { type: 'member', object: e, name: n.text, nameSpan: span(n.start, n.end), span: span(e.span.start, n.end) };
    } else if (c.isOp('::')) {
      c.next();
      const n = c.peek();
      const name = n.kind === 'ident' || n.kind === 'qident' || n.kind === 'number' ? (c.next(), n.text) : '';
      e = { type: 'scope', left: e, name, span: span(e.span.start, c.prevEnd) };
    } else if (c.isOp('(')) {
      c.next();
      const args = parseArgs(c, ')');
      e = { type: 'call', callee: e, args, span: span(e.span.start, c.prevEnd) };
    } else if (c.isOp('[')) {
      c.next();
      const args = parseArgs(c, ']');
      e = { type: 'index', object: e, args, span: span(e.span.start, c.prevEnd) };
    } else if (c.isOp('..')) {
      // a range in a case label or a set: `1..5`
      c.next();
      const right = parseAdditive(c);
      e = { type: 'binary', op: '..', left: e, right, span: span(e.span.start, right.span.end) };
    } else return e;
  }
}

/** A statement list up to (not including) `end`, `until`, or a recovery point. */
export function parseStatements(c: Cursor): AlStmt[] {
  const out: AlStmt[] = [];
  for (let guard = 0; guard < 1_000_000; guard++) {
    while (c.eatOp(';'));
    if (c.isWord('else')) {
      // `...; else` is a stray else (an `if` consumes its own): note it and go on.
      c.fail("unexpected 'else'");
      c.next();
      continue;
    }
    if (atStatementEnd(c)) break;
    const before = c.i;
    const s = parseStatement(c);
    if (s) out.push(s);
    if (c.i === before) c.next();
  }
  return out;
}

/** `begin ... end` (the cursor is on `begin`). */
export function parseBlock(c: Cursor): Extract<AlStmt, { type: 'block' }> {
  const b = c.next();
  const body = parseStatements(c);
  if (!c.eatWord('end')) c.fail(c.eof ? "unexpected end of file: missing 'end'" : "expected 'end'");
  return { type: 'block', body, span: span(b.start, c.prevEnd) };
}

export function parseStatement(c: Cursor): AlStmt | undefined {
  if (++c.depth > MAX_DEPTH) {
    c.depth--;
    c.skipToSemicolon();
    return undefined;
  }
  try {
    return statement(c);
  } finally {
    c.depth--;
  }
}

function statement(c: Cursor): AlStmt | undefined {
  // `if X then` followed by `end` or by the next procedure (half-typed): no statement here.
  if (atStatementEnd(c) && !c.isWord('else')) return undefined;
  const t = c.peek();
  const start = t.start;
  if (t.kind === 'ident') {
    switch (t.lower) {
      case 'begin':
        return parseBlock(c);
      case 'if': {
        c.next();
        const cond = parseExpr(c);
        if (!c.eatWord('then')) c.fail("expected 'then'");
        const thenS = c.isWord('else') ? undefined : parseStatement(c);
        let elseS: AlStmt | undefined;
        if (c.eatWord('else')) elseS = parseStatement(c);
        return { type: 'if', cond, ...(thenS ? { then: thenS } : {}), ...(elseS ? { else: elseS } : {}), span: span(start, c.prevEnd) };
      }
      case 'while':
      case 'with': {
        c.next();
        const head = [parseExpr(c)];
        if (!c.eatWord('do')) c.fail("expected 'do'");
        const body = parseStatement(c);
        return { type: 'loop', keyword: t.lower, head, body: body ? [body] : [], span: span(start, c.prevEnd) };
      }
      case 'for':
      case 'foreach': {
        c.next();
        const head: AlExpr[] = [parseExpr(c)];
        for (let g = 0; g < 4 && !c.isWord('do') && !c.eof && !c.isOp(';'); g++) {
          const before = c.i;
          if (c.eatOp(':=') || c.eatWord('to') || c.eatWord('downto') || c.eatWord('in')) head.push(parseExpr(c));
          if (c.i === before) break;
        }
        if (!c.eatWord('do')) c.fail("expected 'do'");
        const body = parseStatement(c);
        return { type: 'loop', keyword: t.lower, head, body: body ? [body] : [], span: span(start, c.prevEnd) };
      }
      case 'repeat': {
        c.next();
        const body = parseStatements(c);
        const head: AlExpr[] = [];
        if (c.eatWord('until')) head.push(parseExpr(c));
        else c.fail("expected 'until'");
        return { type: 'loop', keyword: 'repeat', head, body, span: span(start, c.prevEnd) };
      }
      case 'case':
        return parseCase(c);
      case 'exit': {
        c.next();
        let value: AlExpr | undefined;
        if (c.eatOp('(')) {
          if (!c.isOp(')')) value = parseExpr(c);
          if (!c.eatOp(')')) c.fail("expected ')'");
        }
        return { type: 'exit', ...(value ? { value } : {}), span: span(start, c.prevEnd) };
      }
      case 'asserterror':
        c.next();
        return parseStatement(c);
      case 'break':
      case 'continue':
      case 'then':
      case 'do':
      case 'of':
        c.next();
        return { type: 'other', keyword: t.lower, span: span(start, t.end) };
    }
  }
  const target = parseExpr(c);
  if (target.type === 'error') {
    // skip the unreadable statement, but never past the end of the body
    while (!c.isOp(';') && !atStatementEnd(c)) c.next();
    return { type: 'other', keyword: '', span: span(start, c.prevEnd) };
  }
  const op = c.peek();
  if (op.kind === 'op' && ASSIGN_OPS.has(op.text)) {
    c.next();
    const value = parseExpr(c);
    return { type: 'assign', op: op.text, target, value, span: span(start, value.span.end) };
  }
  return { type: 'expr', expr: target, span: target.span };
}

function parseCase(c: Cursor): AlStmt {
  const start = c.next().start;
  const subject = parseExpr(c);
  if (!c.eatWord('of')) c.fail("expected 'of'");
  const branches: { values: AlExpr[]; body?: AlStmt }[] = [];
  let elseBody: AlStmt[] = [];
  for (let guard = 0; guard < 100000; guard++) {
    while (c.eatOp(';'));
    if (c.eof || c.isWord('end') || c.isOp('}') || c.isWord('procedure') || c.isWord('trigger')) break;
    if (c.eatWord('else')) {
      elseBody = parseStatements(c);
      break;
    }
    const before = c.i;
    const values: AlExpr[] = [parseExpr(c)];
    while (c.eatOp(',')) values.push(parseExpr(c));
    if (!c.eatOp(':')) {
      c.fail("expected ':' in case");
      if (c.i === before) c.next();
      continue;
    }
    const body = parseStatement(c);
    branches.push({ values, ...(body ? { body } : {}) });
  }
  if (!c.eatWord('end')) c.fail("expected 'end' of case");
  return { type: 'case', subject, branches, else: elseBody, span: span(start, c.prevEnd) };
}
