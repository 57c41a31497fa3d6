// Bundles the CLI, the language server, the CLI's worker and the VS Code client. The tree-sitter
// WASM files are copied beside the bundles: they are data, loaded at run time, never fetched.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
// --outdir=DIR lets several builds run side by side (each helper, the bench) without clobbering dist/.
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from esbuild; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

mkdirSync(outdir, { recursive: true });
const results = await Promise.all([
  build({ ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir, banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: { worker: 'server/src/cli/worker.ts' }, outdir }),
  build({ ...common, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir }),
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir, external: ['vscode'] }),
]);

for (const [name, file] of [
  ['tree-sitter.wasm', require.resolve('web-tree-sitter/tree-sitter.wasm')],
  ['tree-sitter-c_sharp.wasm', require.resolve('tree-sitter-c-sharp/tree-sitter-c_sharp.wasm')],
]) {
  copyFileSync(file, path.join(outdir, name));
}

// The CLI bundle must not drag in the language server or VS Code: the core is editor-free.
const cliInputs = Object.keys(results[0].metafile.inputs);
const leaked = cliInputs.filter((p) => /node_modules\/(vscode-languageserver|vscode-languageclient)\//.test(p));
if (leaked.length) {
  console.error(`esbuild: the CLI bundle includes editor code: ${leaked[0]}`);
  process.exit(1);
}
if (watch) console.log('watch mode is not supported; rerun npm run build');
