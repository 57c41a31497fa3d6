/**
 * AL (Business Central): the literal moves out of the code into IsolatedStorage, filled from the
 * app's Azure Key Vault through the "App Key Vault Secret Provider" codeunit (the AppSource way,
 * keyVaultUrls in app.json), and read as SecretText in a [NonDebuggable] procedure (formats.md
 * §15.5): the debugger and SecretText's type rules keep it from leaking again.
 *
 * - `NameTok: Label '<secret>', Locked = true;` is removed; every use of NameTok in the object
 *   becomes a call of the new `GetName()` getter, and procedures using it get [NonDebuggable];
 * - `Variable := '<secret>';` becomes `Variable := GetName();` and the variable becomes SecretText.
 */
import { literalLength } from './literal';
import { boundName, eolOf, kebab, pascal } from './names';
import { ROTATE_NOTE, type Fix, type FixContext, type TextEdit } from './types';

export function alFixes(ctx: FixContext): Fix[] {
  const { text, finding } = ctx;
  const lit = alLiteralAt(text, finding.span.start, finding.span.end);
  if (!lit) return [];
  const edits: TextEdit[] = [];
  const lineStart = text.lastIndexOf('\n', lit.start - 1) + 1;
  const before = text.slice(lineStart, lit.start);
  const label = /^\s*("[^"]+"|[A-Za-z_]\w*)\s*:\s*Label\s*$/i.exec(before);
  const assign = /("[^"]+"|[A-Za-z_]\w*)\s*:=\s*$/.exec(before);
  const name = unquote(label?.[1] ?? assign?.[1] ?? boundName(text, lit.start, finding.fixData?.name));
  const getter = `Get${pascal(name)}`;
  const key = kebab(name);
  if (label) {
    // Remove the whole declaration line, then replace every use of the label in the object.
    let lineEnd = text.indexOf('\n', lit.end);
    lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
    edits.push({ span: { start: lineStart, end: lineEnd }, newText: '' });
    const labelName = label[1]!;
    const re = new RegExp(`(?<![\\w"])${escapeRe(labelName)}(?![\\w"])`, 'g');
    for (const m of text.matchAll(re)) {
      if (m.index! >= lineStart && m.index! < lineEnd) continue;
      if (inAlStringOrComment(text, m.index!)) continue;
      edits.push({ span: { start: m.index!, end: m.index! + labelName.length }, newText: `${getter}()` });
      nonDebuggable(text, m.index!, edits);
    }
  } else {
    edits.push({ span: lit, newText: `${getter}()` });
    nonDebuggable(text, lit.start, edits);
    if (assign) secretTextVariable(text, lit.start, assign[1]!, edits);
  }
  const at = objectEnd(text);
  if (at < 0) return [];
  if (!new RegExp(`procedure\\s+${getter}\\s*\\(`, 'i').test(text)) edits.push({ span: { start: at, end: at }, newText: getterSource(getter, key, eolOf(text)) });
  return [
    {
      title: `Move the secret to IsolatedStorage filled from Azure Key Vault (App Key Vault secret "${key}") as SecretText`,
      isPreferred: true,
      changes: [{ path: ctx.path, edits: dedupe(edits) }],
      note: `Add the secret "${key}" to the Key Vault listed in app.json "keyVaultUrls" (AppSource apps), or set it once with IsolatedStorage.Set from a setup page. ${ROTATE_NOTE}`,
    },
  ];
}

function alLiteralAt(text: string, start: number, end: number): { start: number; end: number } | undefined {
  for (let i = start; i < Math.max(end, start + 1); i++) {
    const n = literalLength(text, i, 'al');
    if (n > 0) return { start: i, end: i + n };
  }
  for (let i = start; i >= Math.max(0, start - 400) && text[i] !== '\n'; i--) {
    const n = literalLength(text, i, 'al');
    if (n > 0 && i + n >= end) return { start: i, end: i + n };
  }
  return undefined;
}

function unquote(n: string): string {
  return n.replace(/^"|"$/g, '');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function inAlStringOrComment(text: string, at: number): boolean {
  const ls = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(ls, at);
  if (/\/\//.test(before.replace(/'[^']*'/g, ''))) return true;
  return (before.match(/'/g)?.length ?? 0) % 2 === 1;
}

/** Adds [NonDebuggable] above the procedure that contains `at`, if it has none. */
function nonDebuggable(text: string, at: number, edits: TextEdit[]): void {
  const head = text.slice(0, at);
  const re = /^([ \t]*)((?:local|internal|protected)\s+)?(procedure|trigger)\s/gim;
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(head); m; m = re.exec(head)) last = m;
  // Triggers cannot carry [NonDebuggable]; the getter itself is non-debuggable.
  if (!last || last[3]!.toLowerCase() === 'trigger') return;
  const above = text.slice(Math.max(0, last.index - 200), last.index);
  if (/\[\s*NonDebuggable\s*\]\s*(\[[^\]]*\]\s*)*$/i.test(above)) return;
  edits.push({ span: { start: last.index, end: last.index }, newText: `${last[1]}[NonDebuggable]${eolOf(text)}` });
}

/** `Name: Text;` in the enclosing procedure's (or the object's) var section becomes SecretText. */
function secretTextVariable(text: string, at: number, variable: string, edits: TextEdit[]): void {
  const head = text.slice(0, at);
  const re = new RegExp(`(^|\\n)([ \\t]*${escapeRe(variable)}\\s*:\\s*)(Text|Code)(\\[\\d+\\])?\\s*;`, 'gi');
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(head); m; m = re.exec(head)) last = m;
  if (!last) return;
  const s = last.index + last[1]!.length + last[2]!.length;
  edits.push({ span: { start: s, end: s + last[3]!.length + (last[4]?.length ?? 0) }, newText: 'SecretText' });
}

/** Offset of the object's closing brace (the last `}` of the file). */
function objectEnd(text: string): number {
  return text.lastIndexOf('}');
}

function getterSource(getter: string, key: string, eol: string): string {
  return [
    '',
    '    // Added by d365sec: the value used to be written in this file.',
    '    [NonDebuggable]',
    `    local procedure ${getter}() Value: SecretText`,
    '    var',
    '        AppKeyVaultSecretProvider: Codeunit "App Key Vault Secret Provider";',
    `        SecretNameTok: Label '${key}', Locked = true;`,
    "        SecretMissingErr: Label 'The secret %1 is not set up.', Comment = '%1 = secret name';",
    '    begin',
    '        if IsolatedStorage.Get(SecretNameTok, DataScope::Module, Value) then',
    '            exit;',
    "        // AppSource apps read it from the app's Azure Key Vault (app.json keyVaultUrls).",
    '        if AppKeyVaultSecretProvider.TryInitializeFromCurrentApp() then',
    '            if AppKeyVaultSecretProvider.GetSecret(SecretNameTok, Value) then begin',
    '                IsolatedStorage.Set(SecretNameTok, Value, DataScope::Module);',
    '                exit;',
    '            end;',
    '        Error(SecretMissingErr, SecretNameTok);',
    '    end;',
    '',
  ].join(eol);
}

/** Two uses on one line of a procedure add [NonDebuggable] once. */
function dedupe(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const k = `${e.span.start}:${e.span.end}:${e.newText}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
