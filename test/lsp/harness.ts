/**
 * One-process LSP test harness: the server runs over a pair of in-memory streams and a
 * vscode-jsonrpc client connection plays the editor. Waits are on events (publishDiagnostics,
 * status notifications), never sleeps.
 */
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, WorkspaceEdit } from 'vscode-languageserver';
import { startServer, type ServerOptions } from '../../server/src/lsp/server';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol';
import type { D365SecSettings } from '../../server/src/lsp/settings';

export function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'd365sec-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** The tree-sitter WASM files side by side, as esbuild.mjs lays them out beside the bundle. */
let wasm: string | undefined;
export function wasmDir(): string {
  if (wasm) return wasm;
  wasm = mkdtempSync(path.join(tmpdir(), 'd365sec-wasm-'));
  copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), path.join(wasm, 'tree-sitter.wasm'));
  copyFileSync(require.resolve('tree-sitter-c-sharp/tree-sitter-c_sharp.wasm'), path.join(wasm, 'tree-sitter-c_sharp.wasm'));
  return wasm;
}

export class TestClient {
  readonly conn: MessageConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly texts = new Map<string, { text: string; version: number; languageId: string }>();
  readonly messages: string[] = [];
  settings: Partial<D365SecSettings> = {};
  private waiters: (() => void)[] = [];
  status: StatusParams | undefined;

  constructor(readonly root: string, opts: ServerOptions & { trusted?: boolean } = {}) {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConn = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer({ ...opts, connection: serverConn, wasmDir: wasmDir() });
    this.conn = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.wake();
    });
    this.conn.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => {
      this.status = p;
      this.wake();
    });
    this.conn.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
      this.wake();
    });
    this.conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.messages.push(p.message);
      this.wake();
      return null;
    });
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/showDocument', () => ({ success: true }));
    this.conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      this.apply(p.edit);
      return { applied: true };
    });
    this.conn.listen();
  }

  async start(trusted = true): Promise<void> {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: this.uri(''),
      workspaceFolders: [{ uri: this.uri(''), name: 'ws' }],
      initializationOptions: { trusted },
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }, publishDiagnostics: { relatedInformation: true } },
        window: { showDocument: { support: true } },
      },
    });
    await this.conn.sendNotification('initialized', {});
  }

  uri(rel: string): string {
    return pathToFileURL(path.join(this.root, rel)).href.replace(/\/$/, '');
  }

  /** Resolves when `pred` holds, re-evaluated on every message from the server. */
  until<T>(pred: () => T | undefined | false, what = 'condition', ms = 15000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      const check = (): boolean => {
        const v = pred();
        if (v) {
          clearTimeout(timer);
          resolve(v);
          return true;
        }
        return false;
      };
      if (check()) return;
      const w = (): void => {
        if (!check()) this.waiters.push(w);
      };
      this.waiters.push(w);
    });
  }

  private wake(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }

  /** Waits until the background scan has loaded at least `files` files. */
  scanned(files: number): Promise<unknown> {
    return this.until(() => this.status?.state === 'idle' && this.status.files >= files, 'workspace scan');
  }

  /** Waits for a publishDiagnostics of `rel` that satisfies `pred` (after now). */
  diagnosticsOf(rel: string, pred: (d: Diagnostic[]) => boolean, what?: string): Promise<Diagnostic[]> {
    const uri = this.uri(rel);
    return this.until(() => {
      const d = this.diagnostics.get(uri);
      return d && pred(d) ? d : undefined;
    }, what ?? `diagnostics of ${rel}`);
  }

  open(rel: string, text: string, languageId = 'plaintext'): void {
    this.texts.set(this.uri(rel), { text, version: 1, languageId });
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(rel), languageId, version: 1, text } });
  }

  change(rel: string, text: string): void {
    const t = this.texts.get(this.uri(rel))!;
    t.text = text;
    t.version++;
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(rel), version: t.version }, contentChanges: [{ text }] });
  }

  close(rel: string): void {
    this.texts.delete(this.uri(rel));
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(rel) } });
  }

  codeActions(rel: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const range = diagnostics[0]!.range;
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: this.uri(rel) }, range, context: { diagnostics } });
  }

  /**
   * Applies a WorkspaceEdit the way an editor does: open documents get a didChange; other files
   * are returned in `written` (the test decides whether to open them).
   */
  apply(edit: WorkspaceEdit): Map<string, string> {
    const written = new Map<string, string>();
    const created = new Set<string>();
    for (const c of edit.documentChanges ?? []) {
      if ('kind' in c) {
        if (c.kind === 'create') created.add(c.uri);
        continue;
      }
      const uri = c.textDocument.uri;
      const open = this.texts.get(uri);
      const base = open?.text ?? (created.has(uri) ? '' : this.diskText(uri));
      const doc = TextDocument.create(uri, 'x', 0, written.get(uri) ?? base);
      const next = TextDocument.applyEdits(doc, c.edits.map((e) => ('range' in e ? e : e)));
      written.set(uri, next);
    }
    for (const [uri, text] of written) {
      if (this.texts.has(uri)) {
        const rel = path.relative(this.root, new URL(uri).pathname);
        this.change(rel.split(path.sep).join('/'), text);
      }
    }
    return written;
  }

  private diskText(uri: string): string {
    return readFileSync(new URL(uri), 'utf8');
  }

  async stop(): Promise<void> {
    // No `exit` notification: the server would end the test process (process.exit).
    await this.conn.sendRequest('shutdown');
    this.conn.dispose();
  }
}
