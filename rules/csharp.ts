import type { Rule } from '../server/src/core/rule';

/** Built-in rules of the csharp group, sorted by code. */
export const csharpRules: readonly Rule[] = [];
