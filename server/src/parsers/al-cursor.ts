/**
 * Token cursor shared by the AL object and code parsers. Reading past the end returns the eof
 * token forever, so every loop that checks for eof terminates; the first problem met is kept as
 * the document's single parse notice.
 */
import type { Span } from '../core/types';
import type { AlToken } from './al-lexer';

export class Cursor {
  i = 0;
  problem: { message: string; span: Span } | undefined;
  depth = 0;

  constructor(
    readonly toks: AlToken[],
    readonly text: string,
  ) {}

  peek(k = 0): AlToken {
    const j = this.i + k;
    return this.toks[j < this.toks.length ? j : this.toks.length - 1]!;
  }
  next(): AlToken {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  get eof(): boolean {
    return this.peek().kind === 'eof';
  }
  /** The current token is the operator `op`. */
  isOp(op: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'op' && t.text === op;
  }
  /** The current token is the (unquoted) word `w` (lower case). */
  isWord(w: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'ident' && t.lower === w;
  }
  isName(k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'ident' || t.kind === 'qident';
  }
  eatOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.next();
    return true;
  }
  eatWord(w: string): boolean {
    if (!this.isWord(w)) return false;
    this.next();
    return true;
  }
  /** End offset of the previous token. */
  get prevEnd(): number {
    return this.i > 0 ? this.toks[this.i - 1]!.end : 0;
  }
  fail(message: string, at?: AlToken): void {
    if (this.problem) return;
    const t = at ?? this.peek();
    this.problem = { message, span: { start: t.start, end: Math.max(t.end, t.start + (t.kind === 'eof' ? 0 : 1)) } };
  }
  /** Skips to the token after the bracket that closes the one at the cursor. */
  skipBalanced(): void {
    const open = this.next().text;
    const close = open === '(' ? ')' : open === '[' ? ']' : '}';
    let depth = 1;
    while (!this.eof) {
      const t = this.next();
      if (t.kind !== 'op') continue;
      if (t.text === open) depth++;
      else if (t.text === close && --depth === 0) return;
    }
    this.fail(`unclosed '${open}'`);
  }
  /**
   * Advances to the next `;` (or a stop token) at bracket depth 0 and returns the span of what was
   * skipped; never crosses an unbalanced `}`.
   */
  skipToSemicolon(stops: string[] = []): Span {
    const start = this.peek().start;
    let end = start;
    let depth = 0;
    while (!this.eof) {
      const t = this.peek();
      if (t.kind === 'op') {
        if (depth === 0 && (t.text === ';' || t.text === '}' || stops.includes(t.text))) break;
        if (t.text === '(' || t.text === '[') depth++;
        else if (t.text === ')' || t.text === ']') depth = Math.max(0, depth - 1);
        else if (t.text === '{' && depth === 0) break;
      }
      end = t.end;
      this.next();
    }
    return { start, end: Math.max(start, end) };
  }
  slice(s: Span): string {
    return this.text.slice(s.start, s.end);
  }
}

/** Words that end or structure statements; never an identifier in expression position. */
export const RESERVED = new Set([
  'begin', 'end', 'if', 'then', 'else', 'case', 'of', 'while', 'do', 'repeat', 'until', 'for', 'to', 'downto',
  'foreach', 'in', 'exit', 'with', 'var', 'procedure', 'trigger', 'local', 'internal', 'protected', 'and', 'or', 'xor',
  'not', 'div', 'mod', 'asserterror',
]);
