import type { Rule } from '../server/src/core/rule';
import disablesAuditing from './audit-disabled/csharp-disables-auditing';
import tlsValidationDisabled from './insecure-transport/csharp-tls-validation-disabled';
import weakTlsProtocol from './insecure-transport/csharp-weak-tls-protocol';
import basicAuthHeader from './legacy-auth/csharp-basic-auth-header';
import passwordGrant from './legacy-auth/csharp-password-grant';
import userPasswordConnection from './legacy-auth/csharp-user-password-connection';
import pluginImpersonatesFixedUser from './overbroad-privilege/csharp-plugin-impersonates-fixed-user';
import pluginRunsAsSystem from './overbroad-privilege/csharp-plugin-runs-as-system';
import logsSecret from './unprotected-secret/csharp-logs-secret';

/** Built-in rules of the csharp group, sorted by code. */
export const csharpRules: readonly Rule[] = [
  disablesAuditing, // D365A010
  basicAuthHeader, // D365L010
  passwordGrant, // D365L011
  userPasswordConnection, // D365L012
  pluginRunsAsSystem, // D365P010
  pluginImpersonatesFixedUser, // D365P011
  tlsValidationDisabled, // D365T010
  weakTlsProtocol, // D365T011
  logsSecret, // D365U010
];
