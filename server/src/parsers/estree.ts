/**
 * typescript-estree brings the whole TypeScript compiler (about 9 MB of the bundle). It is loaded
 * on the first JS/TS file, not at start-up, so `d365sec rules`, the language server's first answer
 * and scans of folders without scripts do not pay for it.
 */
import type * as Estree from '@typescript-eslint/typescript-estree';

let estree: typeof Estree | undefined;

function load(): typeof Estree {
  // A static string: esbuild still bundles the module; only its evaluation is deferred.
  estree ??= require('@typescript-eslint/typescript-estree') as typeof Estree;
  return estree;
}

export const parse: typeof Estree.parse = ((code: string, options?: Estree.TSESTreeOptions) => load().parse(code, options)) as typeof Estree.parse;
