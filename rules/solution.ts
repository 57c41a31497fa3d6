import type { Rule } from '../server/src/core/rule';

/** Built-in rules of the solution group, sorted by code. */
export const solutionRules: readonly Rule[] = [];
