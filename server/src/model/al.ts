// STUB: replaced by the al part of the project model.
import type { ParsedFile } from '../core/documents';

export type AlModel = Record<string, unknown>;
export type AlContribution = Record<string, unknown>;
export function contributeAl(_doc: ParsedFile): AlContribution | undefined {
  return undefined;
}
export function mergeAl(_parts: AlContribution[]): AlModel {
  return {};
}
