import type { Rule } from '../server/src/core/rule';

/** Built-in rules of the script group, sorted by code. */
export const scriptRules: readonly Rule[] = [];
