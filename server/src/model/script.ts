// STUB: replaced by the script part of the project model.
import type { ParsedFile } from '../core/documents';

export type ScriptModel = Record<string, unknown>;
export type ScriptContribution = Record<string, unknown>;
export function contributeScript(_doc: ParsedFile): ScriptContribution | undefined {
  return undefined;
}
export function mergeScript(_parts: ScriptContribution[]): ScriptModel {
  return {};
}
