import type { Rule } from '../server/src/core/rule';
import changeLogDisabled from './audit-disabled/al-change-log-disabled';
import certValidation from './insecure-transport/al-certificate-validation-disabled';
import basicAuth from './legacy-auth/al-basic-auth-header';
import literalSecretArgument from './hardcoded-secret/al-literal-secret-argument';
import hiddenSensitiveField from './hidden-sensitive-field/al-page-hidden-sensitive-field';
import elevatedObjectPermissions from './overbroad-privilege/al-elevated-object-permissions';
import inherentPermissionsWrite from './overbroad-privilege/al-inherent-permissions-write';
import permissionsetOverbroad from './overbroad-privilege/al-permissionset-overbroad';
import xmlPermissionsetOverbroad from './overbroad-privilege/al-xml-permissionset-overbroad';
import isolatedStorage from './unprotected-secret/al-isolated-storage-unprotected';
import secretInTableField from './unprotected-secret/al-secret-in-table-field';
import secretInText from './unprotected-secret/al-secret-in-text';
import secretLogged from './unprotected-secret/al-secret-logged';

/** Built-in rules of the al group, sorted by code. */
export const alRules: readonly Rule[] = [
  changeLogDisabled,
  hiddenSensitiveField,
  basicAuth,
  permissionsetOverbroad,
  elevatedObjectPermissions,
  inherentPermissionsWrite,
  xmlPermissionsetOverbroad,
  literalSecretArgument,
  certValidation,
  secretInText,
  secretLogged,
  isolatedStorage,
  secretInTableField,
];
