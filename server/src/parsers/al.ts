// STUB: replaced by the tolerant AL parser.
import type { ParsedFileBase, SourceFile, ArtifactRole } from '../core/types';
import { baseOf } from './base';

export interface AlDocument extends ParsedFileBase {
  kind: 'al';
  objects: unknown[];
}

export function parseAl(file: SourceFile, role: ArtifactRole): AlDocument {
  return { ...baseOf(file, 'al', role), kind: 'al', objects: [] };
}
