/** Public API of the analysis core: what the CLI, the language server and the tests import. */
export * from './types';
export * from './engine';
export * from './classify';
export * from './decode';
export * from './redact';
export * from './settings';
export * from './lines';
export type { Rule, RuleMeta, RuleContext, RuleVisitors, RuleDocs } from './rule';
export { defineRule } from './rule';
export type { ParsedFile } from './documents';
export { initCSharp } from '../parsers/csharp';
