// `d365sec lsp --stdio`: the language server for any LSP client, started from the CLI's package.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const TRANSPORT = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;

/**
 * Loads dist/server.js at run time. It is not bundled into the CLI on purpose: the CLI must stay
 * free of editor code (esbuild.mjs checks that), and the server reads its transport from argv.
 * The returned promise never settles while the server runs; the server exits the process itself.
 */
export function startLanguageServer(args: string[]): Promise<number> {
  if (!args.some((a) => TRANSPORT.test(a))) {
    console.error('d365sec lsp: name the transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME');
    return Promise.resolve(2);
  }
  const server = path.join(__dirname, 'server.js');
  if (!existsSync(server)) {
    console.error(`d365sec lsp: the language server bundle is missing (${server}); run npm run build`);
    return Promise.resolve(2);
  }
  createRequire(__filename)(server);
  return new Promise<number>(() => undefined);
}
