import type { Rule } from '../server/src/core/rule';
import credentialLiteral from './hardcoded-secret/credential-literal';

/** Built-in rules of the secrets group, sorted by code. */
export const secretsRules: readonly Rule[] = [credentialLiteral];
