import type { Rule } from '../server/src/core/rule';
import passwordConnectionString from './legacy-auth/password-connection-string';
import plainHttpEndpoint from './insecure-transport/plain-http-endpoint';

/** Rules over the string facts of every artifact kind that belong to no single platform. */
export const genericRules: readonly Rule[] = [passwordConnectionString, plainHttpEndpoint];
