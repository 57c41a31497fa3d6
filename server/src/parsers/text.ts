// STUB: replaced by the structured-text parser (.env, YAML, PowerShell, Markdown, ini).
import type { ParsedFileBase, SourceFile, ArtifactRole } from '../core/types';
import { baseOf } from './base';

export interface TextDocument extends ParsedFileBase {
  kind: 'text';
}

export function parseText(file: SourceFile, role: ArtifactRole): TextDocument {
  return { ...baseOf(file, 'text', role), kind: 'text' };
}
