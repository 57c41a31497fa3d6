import type { Rule } from '../server/src/core/rule';
import entityAuditDisabled from './audit-disabled/entity-audit-disabled';
import envvarPlaintextSecret from './hardcoded-secret/envvar-plaintext-secret';
import flowHttpLiteralCredential from './hardcoded-secret/flow-http-literal-credential';
import flowParameterSecret from './hardcoded-secret/flow-parameter-secret';
import stepConfigSecret from './hardcoded-secret/step-config-secret';
import flowHttpBasicAuth from './legacy-auth/flow-http-basic-auth';
import formHiddenSensitiveColumn from './hidden-sensitive-field/form-hidden-sensitive-column';
import roleOverbroadPrivilege from './overbroad-privilege/role-overbroad-privilege';
import stepImpersonatesFixedUser from './overbroad-privilege/step-impersonates-fixed-user';
import flowSecretInRunHistory from './unprotected-secret/flow-secret-in-run-history';

/** Built-in rules of the solution group, sorted by code. */
export const solutionRules: readonly Rule[] = [
  entityAuditDisabled, // D365A001
  formHiddenSensitiveColumn, // D365H001
  flowHttpBasicAuth, // D365L061
  roleOverbroadPrivilege, // D365P001
  stepImpersonatesFixedUser, // D365P002
  envvarPlaintextSecret, // D365S050
  stepConfigSecret, // D365S051
  flowParameterSecret, // D365S052
  flowHttpLiteralCredential, // D365S061
  flowSecretInRunHistory, // D365U001
];
