import type { Rule } from '../server/src/core/rule';
import tlsValidationDisabled from './insecure-transport/csharp-tls-validation-disabled';
import weakTlsProtocol from './insecure-transport/csharp-weak-tls-protocol';
import pluginImpersonatesFixedUser from './overbroad-privilege/csharp-plugin-impersonates-fixed-user';
import pluginRunsAsSystem from './overbroad-privilege/csharp-plugin-runs-as-system';

/** Built-in rules of the csharp group, sorted by code. */
export const csharpRules: readonly Rule[] = [pluginRunsAsSystem, pluginImpersonatesFixedUser, tlsValidationDisabled, weakTlsProtocol];
