// The solution part of the project model. INTERFACES are shared with other rule groups (script,
// AL, C# rules read them); contributeSolution/mergeSolution are filled in by the solution parser work.
import type { ParsedFile } from '../core/documents';
import type { Span } from '../core/types';

export interface ColumnInfo {
  /** Table logical name, lower case (`contact`, `cnt_policy`). */
  table: string;
  /** Column logical name, lower case (`cnt_nationalid`). */
  name: string;
  displayName?: string;
  description?: string;
  /** `<IsSecured>1</IsSecured>` in Entity.xml. */
  isSecured: boolean;
  /** Column-level `<IsAuditEnabled>`; undefined when absent. */
  isAuditEnabled?: boolean;
  /** Some field security profile lists this column. */
  inFieldSecurityProfile: boolean;
  path: string;
  /** The `<attribute ...>` element. */
  span: Span;
}

export interface TableInfo {
  name: string;
  displayName?: string;
  isAuditEnabled?: boolean;
  path: string;
}

export interface EnvVarInfo {
  schemaName: string;
  displayName?: string;
  /** 100000000 String, 100000001 Number, 100000002 Boolean, 100000003 JSON, 100000004 Data source, 100000005 Secret. */
  type?: number;
  defaultValue?: string;
  /** Value from environmentvariablevalues.json, if exported. */
  currentValue?: string;
  path: string;
}

export interface PluginStepInfo {
  path: string;
  name?: string;
  /** Plug-in type (class) the step runs, when known (`Contoso.Plugins.ClaimPostApprove`). */
  pluginTypeName?: string;
  hasUnsecureConfiguration: boolean;
  /** Set when the step impersonates a fixed user. */
  impersonatingUser?: string;
}

export interface SolutionModel {
  /** Lower-case logical column name -> every column of that name (one per table). */
  columns: Map<string, ColumnInfo[]>;
  tables: Map<string, TableInfo>;
  /** Lower-case column names listed by any field security profile. */
  securedByProfile: Set<string>;
  /** Lower-case schema name -> environment variable. */
  envVars: Map<string, EnvVarInfo>;
  steps: PluginStepInfo[];
  /** True when the scan holds at least one unpacked solution. */
  present: boolean;
}

/** Is the column protected by field-level security (IsSecured, or listed in a profile)? */
export function isColumnSecured(model: SolutionModel, column: string, table?: string): boolean | undefined {
  const key = column.toLowerCase();
  const cols = model.columns.get(key)?.filter((c) => !table || c.table === table.toLowerCase());
  if (cols && cols.length > 0) return cols.some((c) => c.isSecured || c.inFieldSecurityProfile) || model.securedByProfile.has(key);
  if (model.securedByProfile.has(key)) return true;
  return undefined; // unknown: the column is not in the scanned solution
}

export type SolutionContribution = Record<string, unknown>;

export function contributeSolution(_doc: ParsedFile): SolutionContribution | undefined {
  return undefined;
}

export function mergeSolution(_parts: SolutionContribution[]): SolutionModel {
  return { columns: new Map(), tables: new Map(), securedByProfile: new Set(), envVars: new Map(), steps: [], present: false };
}
