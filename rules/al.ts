import type { Rule } from '../server/src/core/rule';
import elevatedObjectPermissions from './overbroad-privilege/al-elevated-object-permissions';
import inherentPermissionsWrite from './overbroad-privilege/al-inherent-permissions-write';
import permissionsetOverbroad from './overbroad-privilege/al-permissionset-overbroad';

/** Built-in rules of the al group, sorted by code. */
export const alRules: readonly Rule[] = [permissionsetOverbroad, elevatedObjectPermissions, inherentPermissionsWrite];
