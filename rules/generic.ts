import type { Rule } from '../server/src/core/rule';
import pipelineDisablesAuditing from './audit-disabled/pipeline-disables-auditing';
import plaintextSecureString from './hardcoded-secret/plaintext-secure-string';
import bcLaunchUserPassword from './legacy-auth/bc-launch-user-password';
import passwordConnectionString from './legacy-auth/password-connection-string';
import pipelineServiceAccountPassword from './legacy-auth/pipeline-service-account-password';
import connectionStringWithoutTls from './insecure-transport/connection-string-without-tls';
import configTlsValidationDisabled from './insecure-transport/config-tls-validation-disabled';
import plainHttpEndpoint from './insecure-transport/plain-http-endpoint';
import appExposesSourceWithSecrets from './unprotected-secret/app-exposes-source-with-secrets';
import pipelineLogsSecret from './unprotected-secret/pipeline-logs-secret';

/**
 * Rules over the string facts of every artifact kind that belong to no single platform, and the
 * configuration-file rules (Business Central launch.json / app.json, pipelines, PowerShell).
 */
export const genericRules: readonly Rule[] = [
  pipelineDisablesAuditing, // D365A060
  bcLaunchUserPassword, // D365L060
  pipelineServiceAccountPassword, // D365L062
  passwordConnectionString, // D365L100
  plaintextSecureString, // D365S060
  configTlsValidationDisabled, // D365T060
  connectionStringWithoutTls, // D365T061
  plainHttpEndpoint, // D365T100
  appExposesSourceWithSecrets, // D365U060
  pipelineLogsSecret, // D365U061
];
