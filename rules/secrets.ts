import type { Rule } from '../server/src/core/rule';

/** Built-in rules of the secrets group, sorted by code. */
export const secretsRules: readonly Rule[] = [];
