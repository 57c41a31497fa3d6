import type { Rule } from '../server/src/core/rule';
import auditDisabled from './audit-disabled/script-disables-auditing';
import hidesSensitive from './hidden-sensitive-field/script-hides-sensitive-column';
import tlsDisabled from './insecure-transport/script-tls-validation-disabled';
import basicAuth from './legacy-auth/script-basic-auth-header';
import passwordGrant from './legacy-auth/script-password-grant';
import logsSecret from './unprotected-secret/script-logs-secret';

/** Built-in rules of the script group, sorted by code. */
export const scriptRules: readonly Rule[] = [auditDisabled, hidesSensitive, basicAuth, passwordGrant, tlsDisabled, logsSecret];
