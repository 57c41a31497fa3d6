/**
 * Custom messages between the d365sec client and server, and the commands the server executes.
 * Plain strings and types only: the client bundles this file too.
 */

/** Sent from the client to the server in initializationOptions. */
export interface InitOptions {
  /** vscode.workspace.isTrusted; absent for plain LSP clients, which are trusted. */
  trusted?: boolean;
}

/** Notification from the server to the client after every analysis round. */
export const STATUS_NOTIFICATION = 'd365sec/status';
export interface StatusParams {
  /** Findings published (open documents, plus the workspace once scanned into Problems). */
  findings: number;
  /** Files in the cached project model. */
  files: number;
  /** 'scanning' while the background scan runs. */
  state: 'idle' | 'scanning';
  trusted: boolean;
}

/** Notification from the client to the server when the user trusts the workspace. */
export const TRUST_NOTIFICATION = 'd365sec/trustChanged';
export interface TrustParams {
  trusted: boolean;
}

/** Commands the server registers (workspace/executeCommand). */
export const COMMANDS = {
  /** Publish diagnostics for every workspace file, not only open ones. Returns the finding count. */
  scanWorkspace: 'd365sec.scanWorkspace',
  /** Show a rule's documentation: the server answers with window/showDocument. */
  showRuleDocs: 'd365sec.showRuleDocumentation',
} as const;

export const DOCS_BASE = 'https://github.com/d365sec/d365sec/blob/main/docs/rules/';
export function ruleDocUrl(ruleName: string): string {
  return `${DOCS_BASE}${ruleName}.md`;
}
