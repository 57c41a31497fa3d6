import type { Rule } from '../server/src/core/rule';

/** Built-in rules of the al group, sorted by code. */
export const alRules: readonly Rule[] = [];
