/**
 * JS / TS web resources: typescript-estree (no type program) with exact ranges, comments and
 * string facts. Minified and vendored bundles are recognised from their text first and never
 * parsed; a file that does not parse gets one parse-error notice and `failed`.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parse } from './estree';
import type { ArtifactRole, ParsedFileBase, SourceFile, Span } from '../core/types';
import { baseOf } from './base';
import { setParents } from './script-ast';
import { isHtmlPath, scriptBlocksOnly } from './script-html';
import { reparseScript } from './script-incremental';
import { detectMinified } from './script-minified';
import { collectConstants, collectStringFacts, commentFacts, type ScriptConstant } from './script-strings';

export interface ScriptDocument extends ParsedFileBase {
  kind: 'script';
  /** The typescript-estree tree with `range` and `parent` on every node (no `loc`: the LineIndex maps offsets); undefined when minified or failed. */
  ast?: TSESTree.Program;
  language: 'js' | 'ts' | 'jsx' | 'tsx';
  /** Minified or vendored bundle: only cheap text rules run on it. */
  minified: boolean;
  /** String constants of the file by name (declared once, never reassigned). */
  constants?: Map<string, ScriptConstant>;
}

/** Name typescript-estree uses to pick the dialect (JS files allow JSX, .ts does not). */
const DIALECT_FILE: Record<ScriptDocument['language'], string> = { js: 'file.js', jsx: 'file.jsx', ts: 'file.ts', tsx: 'file.tsx' };

/**
 * `previous` is the document's previous version (open in an editor): when the edit lies inside
 * one function body only that body is parsed again. The previous document is used up.
 */
export function parseScript(file: SourceFile, role: ArtifactRole, language: ScriptDocument['language'], previous?: ScriptDocument): ScriptDocument {
  const doc: ScriptDocument = { ...baseOf(file, 'script', role), kind: 'script', language, minified: false };
  // An HTML web resource: its inline scripts, at their offsets in the HTML.
  const html = isHtmlPath(file.path);
  const text = html ? scriptBlocksOnly(file.text) : file.text;
  if (text.trim() === '') return doc;
  // The blanked-out markup of an HTML page is no script: only the scripts' own lines count.
  const m = detectMinified(file.path, html ? text.replace(/[ \t]{80,}/g, ' ') : text);
  if (m.minified) {
    doc.minified = true;
    doc.notices.push({ kind: 'minified', message: `minified or vendored script (${m.reason}); only text-based checks run` });
    return doc;
  }
  let ast = previous?.ast && previous.language === language && !html ? reparseScript(previous.ast, previous.file.text, text, DIALECT_FILE[language], (at) => doc.lines.positionAt(at)) : undefined;
  if (!ast) {
    try {
      ast = parse(text, { range: true, loc: false, comment: true, filePath: DIALECT_FILE[language], errorOnUnknownASTType: false, allowInvalidAST: false });
    } catch (e) {
      doc.failed = true;
      doc.notices.push(parseErrorNotice(e, doc));
      return doc;
    }
    setParents(ast);
  }
  doc.ast = ast;
  doc.comments = (ast.comments ?? []).map((c): Span => ({ start: c.range[0], end: c.range[1] }));
  const constants = collectConstants(ast);
  doc.constants = constants;
  doc.strings = collectStringFacts(ast, file.path, constants);
  doc.strings.push(...commentFacts(text, doc.comments));
  doc.strings.sort((a, b) => a.span.start - b.span.start);
  return doc;
}

function parseErrorNotice(e: unknown, doc: ScriptDocument): { kind: 'parse-error'; message: string; span?: Span } {
  const err = e as { index?: unknown; lineNumber?: unknown; column?: unknown; message?: unknown };
  const raw = typeof err.message === 'string' ? err.message : String(e);
  const index = typeof err.index === 'number' ? Math.max(0, Math.min(err.index, doc.file.text.length)) : undefined;
  if (index === undefined) return { kind: 'parse-error', message: `script: ${raw}` };
  const pos = doc.lines.positionAt(index);
  return {
    kind: 'parse-error',
    message: `script: ${raw} at line ${pos.line + 1}, column ${pos.character + 1}`,
    span: { start: index, end: Math.min(doc.file.text.length, index + 1) },
  };
}
