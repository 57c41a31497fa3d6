// YAML (Azure Pipelines, GitHub Actions, compose files) with exact spans for every scalar. The
// `yaml` package gives each node its source range; script steps (`script:`, `run:`, `pwsh:`,
// `inlineScript:`) are handed to the command-line lexer so their values get names and the
// pipeline rules see one command per logical line.
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { ParseNotice, Span, StringFact } from '../core/types';
import { scanShell, type Shell, type ShellScan, type TextCommand } from './text-shell';

export interface YamlScan {
  strings: StringFact[];
  comments: Span[];
  commands: TextCommand[];
  notices: ParseNotice[];
}

/** Keys whose value is a script, and the shell it runs in when nothing else says. */
const SCRIPT_KEYS: Record<string, Shell> = {
  script: 'unknown',
  bash: 'bash',
  sh: 'bash',
  pwsh: 'powershell',
  powershell: 'powershell',
  run: 'unknown',
  inlinescript: 'unknown',
  inline: 'powershell',
  scripttorun: 'unknown',
  command: 'unknown',
};

type Pairs = { key: string; value: unknown }[];

const NAME_KEYS = /^(name|adx_name|mspp_name)$/i;
const VALUE_KEYS = /^(value|default|adx_value|mspp_value)$/i;

export function scanYaml(text: string): YamlScan {
  const out: YamlScan = { strings: [], comments: [], commands: [], notices: [] };
  const blocks: Span[] = [];
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    const parsed = parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: false, strict: false });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    out.notices.push({ kind: 'parse-error', message: `YAML: ${(e as Error).message.split('\n')[0]}` });
    return out;
  }
  for (const d of docs) {
    const err = d.errors[0];
    if (err && out.notices.length === 0) {
      const [line, col] = err.linePos?.[0] ? [err.linePos[0].line, err.linePos[0].col] : [undefined, undefined];
      const at = line !== undefined ? ` at line ${line}, column ${col}` : '';
      out.notices.push({ kind: 'parse-error', message: `YAML: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}${at}`, span: { start: err.pos[0], end: err.pos[1] } });
    }
    walk(d.contents as YamlNode | null, [], text, out, blocks, undefined);
  }
  yamlComments(text, blocks, out);
  return out;
}

function pairsOf(node: YamlNode): Pairs {
  if (!isMap(node)) return [];
  return node.items.map((p) => ({ key: isScalar(p.key) ? String(p.key.value) : String(p.key ?? ''), value: p.value }));
}

function sibling(pairs: Pairs, key: string): string | undefined {
  const p = pairs.find((x) => x.key.toLowerCase() === key);
  return p && isScalar(p.value as YamlNode) ? String((p.value as { value: unknown }).value) : undefined;
}

/** The shell of a script step, from its key and its siblings (`shell: pwsh`, `scriptType: ps`). */
function shellOf(key: string, siblings: Pairs, task: string | undefined, inherited: Shell | undefined): Shell {
  const k = key.toLowerCase();
  const declared = (sibling(siblings, 'shell') ?? sibling(siblings, 'scripttype') ?? sibling(siblings, 'targettype') ?? '').toLowerCase();
  if (/pwsh|powershell|^ps(core)?$/.test(declared)) return 'powershell';
  if (/bash|^sh$/.test(declared)) return 'bash';
  if (/^cmd$/.test(declared)) return 'cmd';
  if (task && /powershell/i.test(task)) return 'powershell';
  if (task && /bash|shellscript/i.test(task)) return 'bash';
  const dflt = SCRIPT_KEYS[k] ?? 'unknown';
  return dflt === 'unknown' && inherited ? inherited : dflt;
}

/** GitHub Actions `defaults: run: shell: pwsh` at workflow or job level. */
function defaultShell(node: YamlNode): Shell | undefined {
  if (!isMap(node)) return undefined;
  const d = node.get('defaults', true) as YamlNode | undefined;
  const run = d && isMap(d) ? (d.get('run', true) as YamlNode | undefined) : undefined;
  const sh = run && isMap(run) ? run.get('shell') : undefined;
  if (typeof sh !== 'string') return undefined;
  return /pwsh|powershell/i.test(sh) ? 'powershell' : /bash|^sh$/i.test(sh) ? 'bash' : /^cmd$/i.test(sh) ? 'cmd' : undefined;
}

function walk(node: YamlNode | null | undefined, path: string[], text: string, out: YamlScan, blocks: Span[], task: string | undefined, depth = 0, inherited?: Shell): void {
  if (!node || depth > 200 || isAlias(node)) return;
  if (isMap(node)) {
    const pairs = pairsOf(node);
    const shell = defaultShell(node) ?? inherited;
    const ownTask = sibling(pairs, 'task') ?? sibling(pairs, 'uses') ?? task;
    // Name/value records in a list bind the value to the name: Azure Pipelines variables
    // (`- name: X` / `value: Y`) and Power Pages site settings (`adx_name` / `adx_value`).
    const nameKey = pairs.find((p) => NAME_KEYS.test(p.key) && isScalar(p.value as YamlNode));
    const listName = nameKey ? String((nameKey.value as { value: unknown }).value) : undefined;
    const inList = /^\d+$/.test(path[path.length - 1] ?? '');
    const isNamedValue = listName !== undefined && inList && pairs.some((p) => VALUE_KEYS.test(p.key));
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = isScalar(item.key) ? String(item.key.value) : '';
      const v = item.value as YamlNode | null;
      if (isNamedValue && VALUE_KEYS.test(key) && isScalar(v)) {
        scalar(v, listName!, [...path.slice(0, -1), listName!].join('.'), text, out);
        continue;
      }
      const childPath = [...path, key];
      if (isScalar(v) && typeof v.value === 'string' && SCRIPT_KEYS[key.toLowerCase()] !== undefined && looksLikeScript(key, v.value)) {
        script(v, key, childPath, pairs, ownTask, text, out, blocks, shell);
        continue;
      }
      walk(v, childPath, text, out, blocks, ownTask, depth + 1, shell);
    }
  } else if (isSeq(node)) {
    node.items.forEach((it, i) => walk(it as YamlNode, [...path, String(i)], text, out, blocks, task, depth + 1, inherited));
  } else if (isScalar(node)) {
    scalar(node, lastKey(path), path.join('.'), text, out);
  }
}

/** `command:` and `run:` are also ordinary settings in some files; a script has a space or a line break. */
function looksLikeScript(key: string, value: string): boolean {
  const k = key.toLowerCase();
  if (k === 'command' || k === 'run' || k === 'inline') return /\s/.test(value.trim());
  return true;
}

/** The name a value is bound to: its key, or for `password: { default: x }` the key above `default` / `value`. */
function lastKey(path: string[]): string | undefined {
  const keys = path.filter((p) => !/^\d+$/.test(p));
  const last = keys[keys.length - 1];
  if (last !== undefined && /^(default|value)$/i.test(last) && keys.length > 1) return keys[keys.length - 2];
  return last;
}

function scalar(node: { value: unknown; range?: [number, number, number] | null }, name: string | undefined, path: string, _text: string, out: YamlScan): void {
  // Booleans and numbers too (`NODE_TLS_REJECT_UNAUTHORIZED: 0`, `skipCertificateCheck: true`), as written.
  const v = node.value;
  if (!node.range || (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) return;
  const f: StringFact = { value: typeof v === 'string' ? v : _text.slice(node.range[0], node.range[1]), span: { start: node.range[0], end: node.range[1] }, path, origin: 'text' };
  if (name) f.name = name;
  out.strings.push(f);
}

function script(v: { value: unknown; range?: [number, number, number] | null; type?: string | null }, key: string, path: string[], siblings: Pairs, task: string | undefined, text: string, out: YamlScan, blocks: Span[], inherited: Shell | undefined): void {
  if (!v.range) return;
  const shell = shellOf(key, siblings, task, inherited);
  const [start, end] = v.range;
  const p = path.join('.');
  let scan: ShellScan;
  if (v.type === 'BLOCK_LITERAL' || v.type === 'BLOCK_FOLDED') {
    // The body of a block scalar is the script as written: lex the source in place (exact spans).
    const nl = text.slice(start, end).search(/\r?\n/);
    const bodyStart = nl < 0 ? end : start + nl + 1;
    blocks.push({ start: bodyStart, end });
    scan = scanShell(text, shell, bodyStart, end, p);
  } else if (v.type === 'PLAIN') {
    scan = scanShell(text, shell, start, end, p);
  } else {
    // Quoted: lex the decoded value and map every span onto the whole scalar.
    const value = String(v.value);
    scan = scanShell(value, shell, 0, value.length, p);
    const whole = { start, end };
    for (const f of scan.strings) f.span = whole;
    for (const c of scan.commands) c.span = whole;
    scan.comments = [];
  }
  for (const f of scan.strings) if (!f.path) f.path = p;
  out.strings.push(...scan.strings);
  out.comments.push(...scan.comments);
  out.commands.push(...scan.commands);
}

/** `#` comments outside quoted scalars and outside script blocks (the lexer found those). */
function yamlComments(text: string, blocks: Span[], out: YamlScan): void {
  if (text.indexOf('#') < 0) return;
  // Blocks come in document order: walk them with one pointer instead of searching per line.
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  let bi = 0;
  const inBlock = (o: number): boolean => {
    while (bi < sorted.length && sorted[bi]!.end <= o) bi++;
    return bi < sorted.length && o >= sorted[bi]!.start && o < sorted[bi]!.end;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (!inBlock(lineStart)) {
      let quote = '';
      for (let i = lineStart; i < lineEnd; i++) {
        const c = text[i]!;
        const prev = i === lineStart ? ' ' : text[i - 1]!;
        if (quote) {
          if (c === quote) quote = '';
          continue;
        }
        if ((c === '"' || c === "'") && /[\s:[{,-]/.test(prev)) quote = c;
        else if (c === '#' && /\s/.test(prev)) {
          const end = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
          out.comments.push({ start: i, end });
          const body = text.slice(i + 1, end).trim();
          if (body) out.strings.push({ value: body, span: { start: i, end }, origin: 'comment', inComment: true });
          break;
        }
      }
    }
    lineStart = lineEnd + 1;
  }
}
