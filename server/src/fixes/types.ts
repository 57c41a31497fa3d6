/**
 * Quick-fix builders are pure functions: (document text, finding, project files) -> edits.
 * No editor, no file system, so the CLI can offer the same fixes later (`d365sec fix`).
 */
import type { ArtifactKind, ArtifactRole, Finding, Span } from '../core/types';

/** Read-only view of the project the fix may look at (the .csproj, the solution, a vault URI). */
export interface ProjectFiles {
  /** Every known path, relative to the project root, `/` separators. */
  paths(): string[];
  read(path: string): string | undefined;
}

export interface FixContext {
  path: string;
  text: string;
  kind: ArtifactKind;
  role: ArtifactRole;
  finding: Finding;
  files: ProjectFiles;
}

export interface TextEdit {
  span: Span;
  newText: string;
}

/** Edits to an existing file, or a new file (never overwrites: builders check it is absent). */
export type FileChange = { path: string; edits: TextEdit[] } | { path: string; create: string };

export interface Fix {
  title: string;
  changes: FileChange[];
  isPreferred?: boolean;
  /** What the user must still do (choose the vault, rotate the old value). Shown after applying. */
  note?: string;
}

export const ROTATE_NOTE =
  'Rotate the old credential now: it stays in the git history and in every copy of this file.';
