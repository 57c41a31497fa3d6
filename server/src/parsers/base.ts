import { LineIndex } from '../core/lines';
import type { ArtifactKind, ArtifactRole, ParsedFileBase, SourceFile } from '../core/types';

/** The part of every parsed document that does not depend on the syntax. */
export function baseOf(file: SourceFile, kind: ArtifactKind, role: ArtifactRole): ParsedFileBase {
  return { file, kind, role, lines: new LineIndex(file.text), strings: [], comments: [], notices: [], failed: false };
}

/** True if `offset` lies inside one of the (sorted or unsorted) comment spans. */
export function inComments(comments: { start: number; end: number }[], offset: number): boolean {
  for (const c of comments) if (offset >= c.start && offset < c.end) return true;
  return false;
}
