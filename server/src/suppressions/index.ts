/** Suppressions: inline directives, the shared suppressions file, and the notices about them. */
export { parseDirectives, syntaxOf, type Directive, type DirectiveKind } from './directives';
export { applyInlineSuppressions, type InlineFile, type InlineOptions } from './inline';
export {
  applySuppressionsFile,
  validateSuppressionsFile,
  serialiseSuppressionsFile,
  entryFor,
  type SuppressionEntry,
  type SuppressionsFile,
  type FileSuppressionOptions,
} from './file';
export { loadSuppressionsFile } from './load';
export { META_CODES, type SuppressionNotice, type MetaName } from './notices';
export { sarifSuppressions } from './sarif';
