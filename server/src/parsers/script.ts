// STUB: replaced by the typescript-estree parser for web resources.
import type { ParsedFileBase, SourceFile, ArtifactRole } from '../core/types';
import { baseOf } from './base';

export interface ScriptDocument extends ParsedFileBase {
  kind: 'script';
  ast?: unknown;
  language: 'js' | 'ts' | 'jsx' | 'tsx';
  /** Minified or vendored bundle: only cheap text rules run on it. */
  minified: boolean;
}

export function parseScript(file: SourceFile, role: ArtifactRole, language: ScriptDocument['language']): ScriptDocument {
  return { ...baseOf(file, 'script', role), kind: 'script', language, minified: false };
}
