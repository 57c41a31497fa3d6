// STUB: replaced by the tree-sitter C# parser.
import type { ParsedFileBase, SourceFile, ArtifactRole } from '../core/types';
import { baseOf } from './base';

export interface CSharpDocument extends ParsedFileBase {
  kind: 'csharp';
  /** web-tree-sitter Tree; typed loosely here so the core does not depend on its types. */
  tree?: unknown;
}

export async function initCSharp(_wasmDir?: string): Promise<void> {}

export function parseCSharp(file: SourceFile, role: ArtifactRole): CSharpDocument {
  return { ...baseOf(file, 'csharp', role), kind: 'csharp' };
}
