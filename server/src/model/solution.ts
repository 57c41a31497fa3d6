// STUB: replaced by the solution model (tables, columns, profiles, forms, roles, steps, env vars, flows).
import type { ParsedFile } from '../core/documents';

export interface SolutionModel {
  /** Lower-case logical column name -> columns with that name (a name can exist on several tables). */
  columns: Map<string, unknown[]>;
}
export type SolutionContribution = Record<string, unknown>;
export function contributeSolution(_doc: ParsedFile): SolutionContribution | undefined {
  return undefined;
}
export function mergeSolution(_parts: SolutionContribution[]): SolutionModel {
  return { columns: new Map() };
}
