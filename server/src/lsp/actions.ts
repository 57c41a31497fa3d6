/**
 * Code actions: the Key Vault fixes and "suppress" of ../fixes (pure edits over spans) turned
 * into LSP WorkspaceEdits, plus "show rule documentation". The findings come from the server's
 * cache of the same document version, so the spans are exact.
 */
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextDocumentEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
  type CreateFile,
} from 'vscode-languageserver';
import type { ParsedFile } from '../core/documents';
import { LineIndex } from '../core/lines';
import type { Finding } from '../core/types';
import { allFixes, type Fix, type ProjectFiles } from '../fixes/index';
import { toDiagnostic, type DiagnosticData } from './diagnostics';
import type { Project } from './project';

export interface ActionEnv {
  project: Project;
  rel: string;
  doc: ParsedFile;
  uriOf(rel: string): string;
  versionOf(uri: string): number | null;
  documentChanges: boolean;
  createFiles: boolean;
  fixAppliedCommand: string;
  showDocsCommand: string;
}

export function codeActionsFor(findings: Finding[], range: Range, diagnostics: Diagnostic[], env: ActionEnv): CodeAction[] {
  const wanted = new Map<Finding, Diagnostic>();
  for (const d of diagnostics) {
    if (d.source !== 'd365sec') continue;
    const fp = (d.data as DiagnosticData | undefined)?.fingerprint;
    const f = findings.find((x) => (fp ? x.fingerprint === fp : x.code === d.code) && sameRange(x.range, d.range)) ?? findings.find((x) => fp && x.fingerprint === fp);
    if (f) wanted.set(f, d);
  }
  if (!wanted.size) {
    // Clients that send no diagnostics (or a range request from a menu): findings under the range.
    for (const f of findings) if (overlaps(f.range, range)) wanted.set(f, toDiagnostic(f, env.uriOf));
  }
  const files: ProjectFiles = { paths: () => env.project.paths(), read: (p) => env.project.text(p) };
  const actions: CodeAction[] = [];
  const docs = new Set<string>();
  for (const [f, diag] of wanted) {
    const fixes = allFixes({ path: env.rel, text: env.doc.file.text, kind: env.doc.kind, role: env.doc.role, finding: f, files });
    for (const fix of fixes) {
      const edit = toWorkspaceEdit(fix, env);
      if (!edit) continue;
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit };
      if (fix.isPreferred) action.isPreferred = true;
      if (fix.note) action.command = { title: 'd365sec: next steps', command: env.fixAppliedCommand, arguments: [fix.note] };
      actions.push(action);
    }
    if (!docs.has(f.rule)) {
      docs.add(f.rule);
      actions.push({
        title: `Show documentation for ${f.code} ${f.rule}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        command: { title: 'Show rule documentation', command: env.showDocsCommand, arguments: [f.rule] },
      });
    }
  }
  return actions;
}

/** undefined when the client cannot apply it (a new file without resource operations, an unknown file). */
export function toWorkspaceEdit(fix: Fix, env: ActionEnv): WorkspaceEdit | undefined {
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  const changes: Record<string, LspTextEdit[]> = {};
  for (const c of fix.changes) {
    const uri = env.uriOf(c.path);
    if ('create' in c) {
      if (!env.createFiles) return undefined;
      documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
      documentChanges.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: c.create }] });
      continue;
    }
    const text = c.path === env.rel ? env.doc.file.text : env.project.text(c.path);
    if (text === undefined) return undefined;
    const lines = c.path === env.rel ? env.doc.lines : new LineIndex(text);
    const edits = c.edits.map((e) => ({ range: { start: lines.positionAt(e.span.start), end: lines.positionAt(e.span.end) }, newText: e.newText }));
    documentChanges.push({ textDocument: { uri, version: env.versionOf(uri) }, edits });
    (changes[uri] ??= []).push(...edits);
  }
  return env.documentChanges ? { documentChanges } : { changes };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function overlaps(a: Range, b: Range): boolean {
  const le = (x: Range['start'], y: Range['start']): boolean => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(a.start, b.end) && le(b.start, a.end);
}
