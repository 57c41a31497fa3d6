// A small, tolerant lexer for command lines: PowerShell scripts, shell scripts, and the script
// steps of pipelines. It never throws. It finds quoted strings (with their exact spans), comments
// and logical command lines (continuations joined), and names each value from its context:
// `$Password = "..."`, `-ClientSecret '...'`, `--password x`, `export KEY=value`, `@{ Key = '...' }`.
import { HOLE, type Span, type StringFact } from '../core/types';

export type Shell = 'powershell' | 'bash' | 'cmd' | 'unknown';

/** One logical command line (continuation lines joined), as a rule sees it. */
export interface TextCommand {
  /** The command with continuations and line breaks collapsed to single spaces. */
  text: string;
  span: Span;
  shell: Shell;
  /** For a pipeline script step: the YAML key path of the step (`jobs.build.steps.2.run`). */
  path?: string;
}

export interface ShellScan {
  strings: StringFact[];
  comments: Span[];
  commands: TextCommand[];
}

interface Token {
  type: 'word' | 'string' | 'op';
  /** Source text for words and ops; the decoded value for strings. */
  text: string;
  start: number;
  end: number;
  partial?: boolean;
  /** Here-string or multi-line string. */
  multiline?: boolean;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\f' || c === '\v';
const isNl = (c: string | undefined): boolean => c === '\n' || c === '\r';
const OPS = new Set(['|', ';', '(', ')', '{', '}', ',', '&']);

/**
 * Scans `text[from, to)`. `shell` decides the escape rules: PowerShell uses backtick escapes,
 * `''` inside single quotes, here-strings and `<# #>` block comments; bash uses backslashes.
 */
export function scanShell(text: string, shell: Shell, from = 0, to = text.length, path?: string): ShellScan {
  const out: ShellScan = { strings: [], comments: [], commands: [] };
  const ps = shell === 'powershell';
  const esc = ps ? '`' : shell === 'cmd' ? '^' : '\\';
  let line: Token[] = [];
  let i = from;
  const flush = (): void => {
    if (line.length > 0) emitLine(text, line, shell, out, path);
    line = [];
  };
  let guard = 0;
  while (i < to && guard++ < 1_000_000) {
    const c = text[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isNl(c)) {
      flush();
      i++;
      continue;
    }
    // line continuation: escape char right before the line break
    if (c === esc && (isNl(text[i + 1]) || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
      continue;
    }
    if (ps && c === '<' && text[i + 1] === '#') {
      const close = text.indexOf('#>', i + 2);
      const end = close < 0 || close >= to ? to : close + 2;
      addComment(text, i, end, out);
      i = end;
      continue;
    }
    const atWordStart = line.length === 0 || i === from || isSpace(text[i - 1]) || isNl(text[i - 1]) || OPS.has(text[i - 1]!);
    if (c === '#' && atWordStart) {
      let end = i;
      while (end < to && !isNl(text[end])) end++;
      addComment(text, i, end, out);
      i = end;
      continue;
    }
    if (shell === 'cmd' && line.length === 0 && (/^(rem\b|::)/i.test(text.slice(i, i + 4)))) {
      let end = i;
      while (end < to && !isNl(text[end])) end++;
      addComment(text, i, end, out);
      i = end;
      continue;
    }
    if (ps && c === '@' && (text[i + 1] === '"' || text[i + 1] === "'") && isNl(text[i + 2] ?? '\n')) {
      const q = text[i + 1]!;
      const bodyStart = text[i + 2] === '\r' && text[i + 3] === '\n' ? i + 4 : i + 3;
      const re = new RegExp(`(\\r?\\n|\\r)${q}@`, 'g');
      re.lastIndex = bodyStart - 1;
      const m = re.exec(text);
      const bodyEnd = m && m.index < to ? m.index : to;
      const end = m && m.index < to ? m.index + m[0].length : to;
      const raw = text.slice(bodyStart, bodyEnd);
      const { value, partial } = q === '"' ? interpolate(raw, true) : { value: raw, partial: false };
      line.push({ type: 'string', text: value, start: i, end, partial, multiline: true });
      i = end;
      continue;
    }
    if (c === '"' || c === "'" || (ps && (c === '\u201c' || c === '\u2018'))) {
      const r = readQuoted(text, i, to, ps, shell);
      line.push({ type: 'string', text: r.value, start: i, end: r.end, partial: r.partial, multiline: r.multiline });
      i = r.end;
      continue;
    }
    if (c === '&' && text[i + 1] === '&') {
      line.push({ type: 'op', text: '&&', start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (c === '|' && text[i + 1] === '|') {
      line.push({ type: 'op', text: '||', start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (OPS.has(c) && !(c === '{' && text[i - 1] === '$') && !(c === '(' && text[i - 1] === '$')) {
      // `@{` and `@(` open a hashtable / array: keep the `@` out of the word.
      line.push({ type: 'op', text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    // a word: up to whitespace, an operator or a quote; `name=` before a quote ends the word
    let end = i;
    let depth = 0;
    while (end < to) {
      const d = text[end]!;
      if (isSpace(d) || isNl(d)) break;
      if (d === esc && end + 1 < to && !isNl(text[end + 1])) {
        end += 2;
        continue;
      }
      if (d === '$' && (text[end + 1] === '(' || text[end + 1] === '{')) {
        depth++;
        end += 2;
        continue;
      }
      if (depth > 0 && (d === ')' || d === '}')) {
        depth--;
        end++;
        continue;
      }
      if (depth === 0 && (OPS.has(d) || d === '"' || d === "'")) break;
      if (d === '=' && (text[end + 1] === '"' || text[end + 1] === "'")) {
        end++;
        break;
      }
      end++;
    }
    if (end === i) end = i + 1; // never stall
    line.push({ type: 'word', text: text.slice(i, end), start: i, end });
    i = end;
  }
  flush();
  return out;
}

function addComment(text: string, start: number, end: number, out: ShellScan): void {
  out.comments.push({ start, end });
  const body = text.slice(start, end).replace(/^(<#|#|::|rem\b)/i, '').replace(/#>$/, '').trim();
  if (body) out.strings.push({ value: body, span: { start, end }, origin: 'comment', inComment: true });
}

function readQuoted(text: string, i: number, to: number, ps: boolean, shell: Shell): { value: string; end: number; partial: boolean; multiline: boolean } {
  const open = text[i]!;
  const single = open === "'" || open === '\u2018';
  let j = i + 1;
  let raw = '';
  let multiline = false;
  while (j < to) {
    const d = text[j]!;
    if (isNl(d)) multiline = true;
    if (single) {
      if (d === "'" || d === '\u2019' || d === '\u2018') {
        if (ps && text[j + 1] === "'") {
          raw += "'";
          j += 2;
          continue;
        }
        return { value: raw, end: j + 1, partial: false, multiline };
      }
      raw += d;
      j++;
      continue;
    }
    if (ps && d === '`' && j + 1 < to) {
      raw += d + text[j + 1];
      j += 2;
      continue;
    }
    if (!ps && shell !== 'cmd' && d === '\\' && j + 1 < to) {
      raw += d + text[j + 1];
      j += 2;
      continue;
    }
    if (d === '"' || d === '\u201d' || d === '\u201c') {
      if (ps && text[j + 1] === '"') {
        raw += '`"';
        j += 2;
        continue;
      }
      const r = interpolate(raw, ps);
      return { value: r.value, end: j + 1, partial: r.partial, multiline };
    }
    raw += d;
    j++;
  }
  // unterminated: the rest of the line is the string
  const nl = text.slice(i, to).search(/[\r\n]/);
  const end = nl < 0 ? to : i + nl;
  const r = single ? { value: text.slice(i + 1, end), partial: false } : interpolate(text.slice(i + 1, end), ps);
  return { value: r.value, end, partial: r.partial, multiline: false };
}

/**
 * Decodes a double-quoted body: escapes, and variables / subexpressions replaced by HOLE so a
 * secret rule never mistakes `"$user:$pass"` for a literal. Pipeline macros `$(X)` become holes too.
 */
export function interpolate(raw: string, ps: boolean): { value: string; partial: boolean } {
  let partial = false;
  let s = raw.replace(/\$(\(([^()]|\([^()]*\))*\)|\{[^}]*\}|(env:|script:|global:|local:|using:)?[A-Za-z_][A-Za-z0-9_]*(:[A-Za-z_][A-Za-z0-9_]*)?)/g, () => {
    partial = true;
    return HOLE;
  });
  if (ps) s = s.replace(/`([0nrt"'`$abfv])/g, (_m, ch: string) => ({ '0': '\0', n: '\n', r: '\r', t: '\t', a: '\x07', b: '\b', f: '\f', v: '\v' })[ch] ?? ch);
  else s = s.replace(/\\(["\\$`])/g, '$1');
  return { value: s, partial };
}

const SCOPE = /^\$(?:\{)?(?:env|script|global|local|private|using|variable):/i;

/** `$Name`, `$env:NAME`, `[string]$Name`, `${Name}` -> Name. */
function varName(word: string): string | undefined {
  const w = word.replace(/^(\[[^\]]*\])+/, '');
  if (!w.startsWith('$')) return undefined;
  const n = w.replace(SCOPE, '$').replace(/^\$\{?/, '').replace(/\}$/, '');
  return /^[A-Za-z_][\w.-]*$/.test(n) ? n : undefined;
}

/** Splits the tokens of one logical line into statements and names every value. */
function emitLine(text: string, tokens: Token[], shell: Shell, out: ShellScan, path?: string): void {
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const span = { start: first.start, end: last.end };
  const srcText = text.slice(span.start, span.end);
  // A line that is only a here-string body is data, not a command.
  if (!(tokens.length === 1 && first.multiline)) {
    const cmd: TextCommand = { text: srcText.replace(/[`\\^]?(\r\n|\r|\n)\s*/g, ' ').replace(/[ \t]+/g, ' ').trim(), span, shell };
    if (path) cmd.path = path;
    out.commands.push(cmd);
  }
  let stmt: Token[] = [];
  const run = (): void => {
    if (stmt.length > 0) emitStatement(stmt, shell, out);
    stmt = [];
  };
  for (const t of tokens) {
    if (t.type === 'op' && (t.text === ';' || t.text === '|' || t.text === '&&' || t.text === '||' || t.text === '{' || t.text === '}' || t.text === '(' || t.text === ')')) {
      // `"P@ss" | ConvertTo-SecureString`: the piped literal is the cmdlet's input
      if (t.text === '|' && stmt.length === 1 && stmt[0]!.type === 'string') {
        const next = tokens[tokens.indexOf(t) + 1];
        if (next?.type === 'word') {
          pushFact(stmt[0]!, out, { callee: next.text, argIndex: 0, name: impliedParam(next.text, 0) });
          stmt = [];
          continue;
        }
      }
      run();
      continue;
    }
    stmt.push(t);
  }
  run();
}

/** The parameter a positional argument binds to, for the few cmdlets where it names a secret. */
function impliedParam(callee: string, index: number): string | undefined {
  if (index === 0 && /^ConvertTo-SecureString$/i.test(callee)) return 'String';
  return undefined;
}

function pushFact(t: Token, out: ShellScan, ctx: { name?: string | undefined; callee?: string; argIndex?: number }): void {
  const f: StringFact = { value: t.text, span: { start: t.start, end: t.end }, origin: 'text' };
  if (ctx.name) f.name = ctx.name;
  if (ctx.callee) {
    f.callee = ctx.callee;
    if (ctx.argIndex !== undefined) f.argIndex = ctx.argIndex;
  }
  if (t.partial) f.partial = true;
  out.strings.push(f);
}

/** A bare word that is a value worth checking (not a variable, flag, path-like expression or macro). */
function valueWord(w: string): boolean {
  return w.length > 0 && !/^[-$@([{%]/.test(w) && !/\$\(|\$\{/.test(w);
}

function emitStatement(toks: Token[], shell: Shell, out: ShellScan): void {
  // skip the `@` of `@{` / `@(` left as a word
  const t = toks.filter((x) => !(x.type === 'word' && x.text === '@'));
  if (t.length === 0) return;
  // assignment forms
  const a0 = t[0]!;
  if (a0.type === 'word') {
    // `$x = "v"`, `[string]$x = "v"`, `Key = "v"` (hashtable entry), `$x="v"`, `export KEY="v"`, `KEY=v`
    let k = 0;
    if (/^(export|set|setx|declare|local|readonly|ENV|ARG)$/i.test(a0.text) && t.length > 1) k = 1;
    const w = t[k];
    if (w?.type === 'word') {
      const eq = /^(.+?)=(.*)$/s.exec(w.text);
      const nextIsEq = t[k + 1]?.type === 'word' && t[k + 1]!.text === '=';
      const rawName = eq ? eq[1]! : nextIsEq ? w.text : undefined;
      if (rawName !== undefined && !rawName.startsWith('-')) {
        const name = varName(rawName) ?? (/^[A-Za-z_][\w.:-]*$/.test(rawName) ? rawName.replace(/^env:/i, '') : undefined);
        if (name) {
          const valueTok = eq && eq[2] !== '' ? undefined : t[k + (nextIsEq ? 2 : 1)];
          if (eq && eq[2] !== '' && valueWord(eq[2]!)) {
            // `KEY=value` as one word: the value starts after the `=`
            const start = w.start + eq[1]!.length + 1;
            out.strings.push({ value: eq[2]!, span: { start, end: w.end }, name, origin: 'text' });
          } else if (valueTok?.type === 'string') {
            pushFact(valueTok, out, { name });
          }
          // the rest of the statement (`$x = Get-Thing -Param "v"`) is a command
          const restAt = k + (nextIsEq ? 2 : 1) + (valueTok?.type === 'string' ? 1 : 0);
          if (restAt < t.length && !(eq && eq[2] !== '')) emitCommand(t.slice(restAt), shell, out);
          else if (eq && eq[2] !== '' && t.length > k + 1) emitCommand(t.slice(k + 1), shell, out);
          return;
        }
      }
    }
  }
  emitCommand(t, shell, out);
}

/** `cmd -Name "v" --name v --name=v positional`: names values by their parameter. */
function emitCommand(t: Token[], shell: Shell, out: ShellScan): void {
  if (t.length === 0) return;
  const callee = t[0]!.type === 'word' ? t[0]!.text : undefined;
  let pos = 0;
  for (let i = callee ? 1 : 0; i < t.length; i++) {
    const tok = t[i]!;
    if (tok.type === 'op') continue;
    if (tok.type === 'word' && /^--?[A-Za-z][\w-]*(=|:)?/.test(tok.text)) {
      const m = /^--?([A-Za-z][\w-]*)(?:([=:])(.*))?$/s.exec(tok.text);
      if (!m) continue;
      const name = m[1]!;
      if (m[2] && m[3] !== undefined && m[3] !== '') {
        if (valueWord(m[3])) {
          const start = tok.start + tok.text.length - m[3].length;
          const f: StringFact = { value: m[3], span: { start, end: tok.end }, name, origin: 'text' };
          if (callee) f.callee = callee;
          out.strings.push(f);
        }
        continue;
      }
      const next = t[i + 1];
      if (next?.type === 'string') {
        pushFact(next, out, { name, ...(callee ? { callee } : {}) });
        i++;
      } else if (next?.type === 'word' && !/^-/.test(next.text) && shell !== 'powershell' && valueWord(next.text)) {
        // bash `--password value`; in PowerShell a bare word after a switch may be another positional
        const f: StringFact = { value: next.text, span: { start: next.start, end: next.end }, name, origin: 'text' };
        if (callee) f.callee = callee;
        out.strings.push(f);
        i++;
      } else if (next?.type === 'word' && shell === 'powershell' && valueWord(next.text) && !/^\$/.test(next.text)) {
        const f: StringFact = { value: next.text, span: { start: next.start, end: next.end }, name, origin: 'text' };
        if (callee) f.callee = callee;
        out.strings.push(f);
        i++;
      }
      continue;
    }
    if (tok.type === 'string') {
      pushFact(tok, out, callee ? { callee, argIndex: pos, name: impliedParam(callee, pos) } : {});
    } else if (/^https?:\/\//i.test(tok.text)) {
      // `curl http://host/path`: an address written as a bare word
      const f: StringFact = { value: tok.text, span: { start: tok.start, end: tok.end }, origin: 'text' };
      if (callee) Object.assign(f, { callee, argIndex: pos });
      out.strings.push(f);
    }
    pos++;
  }
}
