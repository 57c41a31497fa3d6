/**
 * The d365sec language server: the core's analysis over open documents (as they change) and the
 * workspace (scanned in the background so cross-file findings stay right).
 *
 * Start it with `startServer()`; the transport comes from argv (`--stdio`, `--node-ipc`,
 * `--socket=N`) unless a connection is passed in (protocol tests pass one over in-memory streams).
 */
import path from 'node:path';
import picomatch from 'picomatch';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinRules } from '../../../rules/index';
import { initCSharp } from '../parsers/csharp';
import type { Rule } from '../core/rule';
import type { Finding } from '../core/types';
import { codeActionsFor, type ActionEnv } from './actions';
import { toDiagnostic } from './diagnostics';
import { hoverFor } from './hover';
import { Project } from './project';
import { COMMANDS, STATUS_NOTIFICATION, TRUST_NOTIFICATION, ruleDocUrl, type InitOptions, type StatusParams, type TrustParams } from './protocol';
import { defaultD365SecSettings, normaliseSettings, SECTION, toAnalyzerSettings, type D365SecSettings } from './settings';
import { fsPathToUri, listFiles, readText, relativeTo, uriToFsPath } from './workspace';

export interface ServerOptions {
  /** Defaults to createConnection(), which reads the transport from argv. */
  connection?: Connection;
  /** The rules every workspace gets, trusted or not. Defaults to the built-in rules. */
  rules?: readonly Rule[];
  /** Rules that only run in trusted workspaces (nothing from an untrusted workspace executes). */
  trustedOnlyRules?: readonly Rule[];
  /** Folder with the tree-sitter WASM files (beside the bundle by default). */
  wasmDir?: string;
  /** Scan workspace folders in the background (default true). */
  scanWorkspace?: boolean;
}

/** Internal command: shows a fix's note (rotate the credential) after its edit was applied. */
export const FIX_APPLIED_COMMAND = 'd365sec.fixApplied';

interface Located {
  project: Project;
  rel: string;
}

export function startServer(opts: ServerOptions = {}): Connection {
  const connection = opts.connection ?? createConnection();
  const documents = new TextDocuments(TextDocument);
  const projects = new Map<string, Project>(); // by root folder (fs path)
  let folders: string[] = [];
  let trusted = true;
  let hasConfiguration = false;
  let documentChanges = false;
  let createFiles = false;
  let showDocument = false;
  let globalSettings: D365SecSettings = defaultD365SecSettings();
  const settingsCache = new Map<string, Promise<D365SecSettings>>();
  /** Publish every workspace file's findings, not only open documents' (the scan command). */
  let workspaceDiagnostics = false;
  const published = new Map<string, number>(); // uri -> findings published
  const uriOverride = new Map<string, string>(); // abs path -> uri the client uses for it
  let scanning = false;
  /** D365SEC_TIMING=1 logs parse and check times per analysed version (the benchmark reads them). */
  const timing = process.env.D365SEC_TIMING === '1';

  const rules = (): readonly Rule[] => (trusted ? [...(opts.rules ?? builtinRules), ...(opts.trustedOnlyRules ?? [])] : (opts.rules ?? builtinRules));

  // ---------------------------------------------------------------- settings (per scope, cached)
  const settingsFor = (scopeUri: string): Promise<D365SecSettings> => {
    if (!hasConfiguration) return Promise.resolve(globalSettings);
    let p = settingsCache.get(scopeUri);
    if (!p) {
      p = connection.workspace.getConfiguration({ scopeUri, section: SECTION }).then(normaliseSettings, () => globalSettings);
      settingsCache.set(scopeUri, p);
    }
    return p;
  };

  // ---------------------------------------------------------------- paths, projects
  const uriOf = (project: Project, rel: string): string => {
    const abs = path.join(project.root, ...rel.split('/'));
    return uriOverride.get(abs) ?? fsPathToUri(abs);
  };
  const locate = (uri: string): Located | undefined => {
    const abs = uriToFsPath(uri);
    if (!abs) return undefined;
    let best: string | undefined;
    for (const f of folders) if (relativeTo(f, abs) && (!best || f.length > best.length)) best = f;
    // A file outside every folder is a project of its own folder (a single file opened).
    const root = best ?? path.dirname(abs);
    let project = projects.get(root);
    if (!project) {
      project = new Project(root);
      projects.set(root, project);
    }
    return { project, rel: relativeTo(root, abs)! };
  };
  const skipReason = (s: D365SecSettings, rel: string, text: string): string | undefined => {
    if (!s.enable) return 'disabled';
    if (s.ignore.length && picomatch(s.ignore, { dot: true })(rel)) return 'ignored';
    if (text.length > s.maxFileSize) return `larger than d365sec.maxFileSize (${s.maxFileSize} bytes); not analysed`;
    return undefined;
  };

  // ---------------------------------------------------------------- publishing
  const publish = (project: Project, rel: string): void => {
    const uri = uriOf(project, rel);
    const findings = project.get(rel)?.findings ?? [];
    const open = documents.get(uri);
    if (!open && !workspaceDiagnostics) {
      if (published.has(uri)) clear(uri);
      return;
    }
    // Open documents get a publish per analysed version (clients and the benchmark see that the
    // version was checked); other files only when they have or had findings.
    if (!open && findings.length === 0 && !published.has(uri)) return;
    const diagnostics: Diagnostic[] = findings.map((f) => toDiagnostic(f, (p) => uriOf(project, p)));
    void connection.sendDiagnostics({ uri, version: open?.version, diagnostics });
    if (findings.length) published.set(uri, findings.length);
    else published.delete(uri);
  };
  const clear = (uri: string): void => {
    published.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  };
  const sendStatus = (): void => {
    let findings = 0;
    for (const n of published.values()) findings += n;
    let files = 0;
    for (const p of projects.values()) files += p.size;
    const params: StatusParams = { findings, files, state: scanning ? 'scanning' : 'idle', trusted };
    void connection.sendNotification(STATUS_NOTIFICATION, params);
  };

  // ---------------------------------------------------------------- analysis of changed documents
  const pending = new Set<string>();
  let flushScheduled = false;
  /**
   * Coalesces changes: every change since the last run is analysed once, at the latest version.
   * setImmediate (no timer) lets a burst of didChange messages queue up first, so a stale version
   * is never analysed, without a debounce delay.
   */
  const schedule = (uri: string): void => {
    pending.add(uri);
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(() => void flush());
  };
  const flush = async (): Promise<void> => {
    flushScheduled = false;
    const uris = [...pending];
    pending.clear();
    for (const uri of uris) {
      try {
        await analyseOpen(uri);
      } catch (e) {
        connection.console.error(`d365sec: analysis of a document failed: ${(e as Error).message}`);
      }
    }
    sendStatus();
  };
  const analyseOpen = async (uri: string): Promise<void> => {
    const doc = documents.get(uri);
    const loc = locate(uri);
    if (!doc || !loc) return;
    const version = doc.version;
    analysedOnce.add(uri);
    const s = await settingsFor(uri);
    if (documents.get(uri)?.version !== version) return; // a newer change is queued: skip stale work
    const abs = uriToFsPath(uri);
    if (abs) uriOverride.set(abs, uri);
    const text = doc.getText();
    const skip = skipReason(s, loc.rel, text);
    if (skip) {
      if (loc.project.has(loc.rel)) loc.project.remove(loc.rel);
      if (published.has(uri)) clear(uri);
      return;
    }
    const t0 = performance.now();
    const { modelChanged } = loc.project.set({ path: loc.rel, text, version }, true, true);
    const t1 = performance.now();
    loc.project.check(loc.rel, rules(), toAnalyzerSettings(s, trusted));
    publish(loc.project, loc.rel);
    if (timing) connection.console.log(`d365sec timing ${loc.rel} v${version}: parse ${(t1 - t0).toFixed(1)} ms, check ${(performance.now() - t1).toFixed(1)} ms, model ${modelChanged ? 'changed' : 'same'}`);
    const dependents = modelChanged ? loc.project.paths().filter((p) => p !== loc.rel) : loc.project.relatedTo(loc.rel);
    if (dependents.length) recheck(loc.project, dependents);
  };

  // ---------------------------------------------------------------- background re-checks
  let generation = 0;
  /**
   * Re-checks files whose findings may depend on a change (all files of the project when the
   * model changed), open documents first, in slices that yield to the event loop. A newer
   * change starts a new generation and the older queue stops.
   */
  const recheck = (project: Project, paths: string[]): void => {
    const gen = ++generation;
    const isOpen = (p: string): boolean => !!documents.get(uriOf(project, p));
    const queue = [...paths].sort((a, b) => Number(isOpen(b)) - Number(isOpen(a)));
    const step = async (): Promise<void> => {
      const until = Date.now() + 8;
      while (queue.length && Date.now() < until) {
        if (gen !== generation) return;
        const rel = queue.shift()!;
        if (!project.has(rel)) continue;
        const uri = uriOf(project, rel);
        const s = await settingsFor(documents.get(uri) ? uri : fsPathToUri(project.root));
        if (gen !== generation) return;
        const before = project.get(rel)?.findings.map((f) => f.fingerprint + f.range.start.line).join() ?? '';
        const e = project.check(rel, rules(), toAnalyzerSettings(s, trusted));
        const after = e?.findings.map((f) => f.fingerprint + f.range.start.line).join() ?? '';
        if (before !== after || (e?.findings.length && !published.has(uri))) publish(project, rel);
      }
      if (queue.length && gen === generation) setImmediate(() => void step());
      else if (gen === generation) sendStatus();
    };
    setImmediate(() => void step());
  };

  const recheckEverything = (): void => {
    for (const p of projects.values()) {
      p.invalidate();
      recheck(p, p.paths());
    }
    for (const d of documents.all()) schedule(d.uri);
  };

  // ---------------------------------------------------------------- workspace scan
  const scanFolder = async (root: string): Promise<void> => {
    let project = projects.get(root);
    if (!project) {
      project = new Project(root);
      projects.set(root, project);
    }
    const s = await settingsFor(fsPathToUri(root));
    if (!s.enable) return;
    const rels = await listFiles(root);
    for (const rel of rels) {
      const abs = path.join(root, ...rel.split('/'));
      if (documents.get(uriOverride.get(abs) ?? fsPathToUri(abs))) continue; // the editor's text wins
      if (skipReason(s, rel, '')) continue;
      const text = await readText(abs, s.maxFileSize);
      if (text === undefined) continue;
      project.set({ path: rel, text }, false);
    }
    // Parse in slices so requests (hover, code actions, didChange) are answered meanwhile.
    project.beginBulkParse();
    while (!project.parseSome(10)) await new Promise<void>((r) => setImmediate(r));
  };
  const scanWorkspace = async (): Promise<void> => {
    scanning = true;
    sendStatus();
    try {
      for (const f of folders) await scanFolder(f);
    } catch (e) {
      connection.console.error(`d365sec: workspace scan failed: ${(e as Error).message}`);
    }
    scanning = false;
    recheckEverything();
  };
  let scanDone: Promise<void> = Promise.resolve();

  // ---------------------------------------------------------------- lifecycle
  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const init = (params.initializationOptions ?? {}) as InitOptions & { settings?: unknown };
    trusted = init.trusted !== false;
    if (init.settings) globalSettings = normaliseSettings(init.settings);
    const caps = params.capabilities;
    hasConfiguration = !!caps.workspace?.configuration;
    // Resource operations exist only inside documentChanges, so a client that lists `create`
    // (Neovim does, without setting documentChanges) handles documentChanges too.
    const resourceCreate = !!caps.workspace?.workspaceEdit?.resourceOperations?.includes('create');
    documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges || resourceCreate;
    createFiles = documentChanges && resourceCreate;
    showDocument = !!caps.window?.showDocument?.support;
    folders = (params.workspaceFolders ?? []).map((f) => uriToFsPath(f.uri)).filter((x): x is string => !!x);
    if (!folders.length && params.rootUri) {
      const r = uriToFsPath(params.rootUri);
      if (r) folders = [r];
    }
    try {
      await initCSharp(opts.wasmDir ?? __dirname);
    } catch (e) {
      connection.console.error(`d365sec: C# parser unavailable: ${(e as Error).message}`);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: caps.textDocument?.codeAction?.codeActionLiteralSupport ? { codeActionKinds: ['quickfix'], resolveProvider: false } : true,
        executeCommandProvider: { commands: [COMMANDS.scanWorkspace, COMMANDS.showRuleDocs, FIX_APPLIED_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'd365sec', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfiguration) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] }).catch(() => undefined);
    if (opts.scanWorkspace !== false) scanDone = scanWorkspace();
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const r of e.removed) {
        const p = uriToFsPath(r.uri);
        if (p) {
          folders = folders.filter((f) => f !== p);
          projects.delete(p);
        }
      }
      for (const a of e.added) {
        const p = uriToFsPath(a.uri);
        if (p) {
          folders.push(p);
          scanDone = scanDone.then(() => scanFolder(p)).then(recheckEverything);
        }
      }
    });
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    const raw = (change.settings as Record<string, unknown> | undefined)?.[SECTION];
    if (raw !== undefined) globalSettings = normaliseSettings(raw);
    recheckEverything();
  });

  connection.onNotification(TRUST_NOTIFICATION, (p: TrustParams) => {
    if (typeof p?.trusted !== 'boolean' || p.trusted === trusted) return;
    trusted = p.trusted;
    recheckEverything();
  });

  // ---------------------------------------------------------------- documents
  const analysedOnce = new Set<string>();
  documents.onDidChangeContent(async (e) => {
    // Fires on open and on every change; with run = onSave a document is analysed when it opens
    // and then only when saved.
    const s = await settingsFor(e.document.uri);
    if (s.run === 'onType' || !analysedOnce.has(e.document.uri)) schedule(e.document.uri);
  });
  documents.onDidSave((e) => schedule(e.document.uri));
  documents.onDidClose(async (e) => {
    const loc = locate(e.document.uri);
    pending.delete(e.document.uri);
    analysedOnce.delete(e.document.uri);
    if (!loc) return;
    // The project goes back to what is on disk; its diagnostics stay only in workspace mode.
    const abs = uriToFsPath(e.document.uri)!;
    const s = await settingsFor(fsPathToUri(loc.project.root));
    const text = await readText(abs, s.maxFileSize);
    if (text === undefined) loc.project.remove(loc.rel);
    else {
      const { modelChanged } = loc.project.set({ path: loc.rel, text });
      if (modelChanged) recheck(loc.project, loc.project.paths());
      else loc.project.check(loc.rel, rules(), toAnalyzerSettings(s, trusted));
    }
    if (workspaceDiagnostics && text !== undefined) publish(loc.project, loc.rel);
    else if (published.has(e.document.uri)) clear(e.document.uri);
    sendStatus();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    for (const c of params.changes) {
      if (documents.get(c.uri)) continue; // the editor owns open documents
      const loc = locate(c.uri);
      const abs = uriToFsPath(c.uri);
      if (!loc || !abs || !folders.some((f) => relativeTo(f, abs))) continue;
      const s = await settingsFor(fsPathToUri(loc.project.root));
      const text = c.type === FileChangeType.Deleted ? undefined : await readText(abs, s.maxFileSize);
      if (text === undefined || skipReason(s, loc.rel, text)) {
        if (loc.project.remove(loc.rel).modelChanged) recheck(loc.project, loc.project.paths());
        if (published.has(c.uri)) clear(c.uri);
        continue;
      }
      const { modelChanged } = loc.project.set({ path: loc.rel, text });
      recheck(loc.project, modelChanged ? loc.project.paths() : [loc.rel, ...loc.project.relatedTo(loc.rel)]);
    }
  });

  // ---------------------------------------------------------------- features
  const entryAt = (uri: string): { loc: Located; findings: Finding[] } | undefined => {
    const loc = locate(uri);
    const e = loc?.project.get(loc.rel);
    return loc && e ? { loc, findings: e.findings } : undefined;
  };

  connection.onHover((p) => {
    const at = entryAt(p.textDocument.uri);
    return at ? hoverFor(at.findings, p.position, rules()) : null;
  });

  connection.onCodeAction(async (p) => {
    // A fix needs the project around the file (its .csproj decides plug-in or hosted code, the
    // unpacked solution receives the environment variable): wait for the first workspace scan,
    // but not forever on a huge workspace.
    await Promise.race([scanDone, new Promise<void>((r) => setTimeout(r, 5000).unref())]);
    const at = entryAt(p.textDocument.uri);
    const doc = documents.get(p.textDocument.uri);
    const entry = at?.loc.project.get(at.loc.rel);
    if (!at || !doc || !entry?.doc) return [];
    // Findings must be of this version of the text; a stale request gets nothing rather than wrong edits.
    if (entry.file.text !== doc.getText()) return [];
    const env: ActionEnv = {
      project: at.loc.project,
      rel: at.loc.rel,
      doc: entry.doc,
      uriOf: (rel) => uriOf(at.loc.project, rel),
      versionOf: (uri) => documents.get(uri)?.version ?? null,
      documentChanges,
      createFiles,
      fixAppliedCommand: FIX_APPLIED_COMMAND,
      showDocsCommand: COMMANDS.showRuleDocs,
    };
    return codeActionsFor(at.findings, p.range, p.context.diagnostics, env);
  });

  connection.onExecuteCommand(async (p) => {
    const args = p.arguments ?? [];
    if (p.command === COMMANDS.scanWorkspace) {
      workspaceDiagnostics = true;
      await scanDone;
      for (const project of projects.values()) for (const rel of project.paths()) {
        const s = await settingsFor(fsPathToUri(project.root));
        project.check(rel, rules(), toAnalyzerSettings(s, trusted));
        publish(project, rel);
      }
      sendStatus();
      let n = 0;
      for (const v of published.values()) n += v;
      return n;
    }
    if (p.command === COMMANDS.showRuleDocs && typeof args[0] === 'string') {
      const url = ruleDocUrl(args[0]);
      if (showDocument) await connection.window.showDocument({ uri: url, external: true });
      else connection.window.showInformationMessage(`d365sec rule documentation: ${url}`);
      return url;
    }
    if (p.command === FIX_APPLIED_COMMAND && typeof args[0] === 'string') {
      connection.window.showInformationMessage(args[0]);
      return undefined;
    }
    return undefined;
  });

  connection.onShutdown(() => {
    generation++; // stops background work
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
