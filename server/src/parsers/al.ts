/**
 * Business Central AL: a hand-written tolerant parser (al-lexer, al-parser, al-code). It never
 * throws: half-typed code (unclosed braces, strings, comments, a missing `end`) yields one
 * parse-error notice and a best-effort tree, so rules still see everything before the problem.
 * Linear in the file size.
 */
import type { ArtifactRole, ParsedFileBase, SourceFile } from '../core/types';
import type { AlObject } from './al-ast';
import { Cursor } from './al-cursor';
import { lexAl } from './al-lexer';
import { parseObjects } from './al-parser';
import { collectAlStrings } from './al-strings';
import { baseOf } from './base';
import { commentFacts } from './script-strings';

export * from './al-ast';
export { parsePermissionEntries, directRights } from './al-permissions';

export interface AlDocument extends ParsedFileBase {
  kind: 'al';
  objects: AlObject[];
}

export function parseAl(file: SourceFile, role: ArtifactRole): AlDocument {
  const doc: AlDocument = { ...baseOf(file, 'al', role), kind: 'al', objects: [] };
  const text = file.text;
  if (text.trim() === '') return doc;
  const lex = lexAl(text);
  doc.comments = lex.comments;
  const c = new Cursor(lex.tokens, text);
  try {
    doc.objects = parseObjects(c);
  } catch (e) {
    // Defensive: the parser is written not to throw; if it ever does, keep the lexical views.
    c.fail(`internal parser error: ${(e as Error).message}`);
  }
  // One notice: the earliest problem, lexical or syntactic.
  const problems = [lex.problem, c.problem].filter((p): p is NonNullable<typeof p> => !!p).sort((a, b) => a.span.start - b.span.start);
  const first = problems[0];
  if (first) {
    const pos = doc.lines.positionAt(first.span.start);
    doc.notices.push({ kind: 'parse-error', message: `al: ${first.message} at line ${pos.line + 1}, column ${pos.character + 1}`, span: first.span });
  }
  try {
    doc.strings = collectAlStrings(doc.objects);
  } catch {
    doc.strings = [];
  }
  doc.strings.push(...commentFacts(text, doc.comments));
  doc.strings.sort((a, b) => a.span.start - b.span.start);
  return doc;
}
