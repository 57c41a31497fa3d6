// Entry of dist/server.js: `node dist/server.js --stdio` (any LSP client) or `--node-ipc`
// (vscode-languageclient). The transport comes from argv; `d365sec lsp --stdio` runs the same.
import { startServer } from './server';

startServer();
