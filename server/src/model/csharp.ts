// STUB: replaced by the csharp part of the project model.
import type { ParsedFile } from '../core/documents';

export type CSharpModel = Record<string, unknown>;
export type CSharpContribution = Record<string, unknown>;
export function contributeCSharp(_doc: ParsedFile): CSharpContribution | undefined {
  return undefined;
}
export function mergeCSharp(_parts: CSharpContribution[]): CSharpModel {
  return {};
}
