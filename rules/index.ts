import type { Rule } from '../server/src/core/rule';

/**
 * The built-in rules, sorted by code. Explicit imports (not a directory scan) so the bundle holds
 * exactly these and a missing file fails the build.
 */
export const builtinRules: readonly Rule[] = [];
