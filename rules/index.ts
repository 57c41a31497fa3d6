import type { Rule } from '../server/src/core/rule';
import { alRules } from './al';
import { csharpRules } from './csharp';
import { genericRules } from './generic';
import { scriptRules } from './script';
import { secretsRules } from './secrets';
import { solutionRules } from './solution';

/**
 * The built-in rules, sorted by code. Explicit imports (not a directory scan) so the bundle holds
 * exactly these and a missing file fails the build. Each group file lists its own rules.
 */
export const builtinRules: readonly Rule[] = [...genericRules, ...secretsRules, ...solutionRules, ...csharpRules, ...scriptRules, ...alRules].sort((a, b) =>
  a.meta.code < b.meta.code ? -1 : a.meta.code > b.meta.code ? 1 : 0,
);

export function findRule(codeOrName: string): Rule | undefined {
  return builtinRules.find((r) => r.meta.code === codeOrName || r.meta.name === codeOrName);
}
