/**
 * Thin VS Code client: starts dist/server.js over IPC, forwards the `d365sec.*` settings as one
 * typed object, shows the finding count in the status bar, and offers "Scan workspace". All
 * analysis and every quick fix live in the server, so any LSP client gets the same behaviour.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { COMMANDS, STATUS_NOTIFICATION, TRUST_NOTIFICATION, type InitOptions, type StatusParams } from '../../server/src/lsp/protocol';
import { normaliseSettings, SECTION } from '../../server/src/lsp/settings';

let client: LanguageClient | undefined;

/**
 * The palette command. The server's own commands (d365sec.scanWorkspace, ...) are registered by
 * vscode-languageclient from executeCommandProvider; this one also opens the Problems panel.
 */
const SCAN_COMMAND = 'd365sec.scan';

/** The artifact kinds the server reads (documentSelector): C#, JS/TS, AL, XML and JSON of a project. */
const SELECTOR: NonNullable<LanguageClientOptions['documentSelector']> = [
  { scheme: 'file', language: 'csharp' },
  { scheme: 'file', language: 'javascript' },
  { scheme: 'file', language: 'typescript' },
  { scheme: 'file', language: 'al' },
  { scheme: 'file', language: 'xml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', pattern: '**/*.{cs,js,ts,al,xml,json,config,csproj,resx,env,yml,yaml,ps1,html,htm,ini}' },
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('d365sec');
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const init: InitOptions = { trusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    initializationOptions: init,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*') },
    middleware: {
      workspace: {
        // The server asks per scope; answer with the normalised typed object, never raw config.
        configuration: (params) =>
          params.items.map((item) => {
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return normaliseSettings(vscode.workspace.getConfiguration(SECTION, scope));
          }),
      },
    },
  };
  client = new LanguageClient('d365sec', 'd365sec', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem('d365sec.status', vscode.StatusBarAlignment.Left, 10);
  status.name = 'd365sec';
  status.command = COMMANDS.scanWorkspace;
  status.text = '$(shield) d365sec';
  status.tooltip = 'd365sec: click to scan the whole workspace into the Problems panel';
  status.show();
  context.subscriptions.push(status, output);

  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => {
      const icon = p.state === 'scanning' ? '$(sync~spin)' : p.findings ? '$(shield)' : '$(pass)';
      status.text = `${icon} d365sec: ${p.findings}`;
      status.tooltip = `d365sec: ${p.findings} finding(s) in ${p.files} file(s)${p.trusted ? '' : ' (Restricted Mode: built-in rules only)'}. Click to scan the workspace.`;
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand(SCAN_COMMAND, async () => {
      const n = await client?.sendRequest<number>('workspace/executeCommand', { command: COMMANDS.scanWorkspace, arguments: [] });
      void vscode.commands.executeCommand('workbench.actions.view.problems');
      output.appendLine(`workspace scan: ${n ?? 0} finding(s)`);
    }),
    vscode.commands.registerCommand('d365sec.showOutput', () => output.show(true)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(TRUST_NOTIFICATION, { trusted: true })),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) void client?.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }),
  );
  status.command = SCAN_COMMAND;
  await client.start();
  output.appendLine(`d365sec language server started (${vscode.workspace.isTrusted ? 'trusted' : 'Restricted Mode'})`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
