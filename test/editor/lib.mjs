// Shared pieces of the real-editor tests: code-server 4.100.3 (VS Code 1.100.3) started offline
// in a throw-away profile, Debian's chromium through playwright-core, teardown by process group.
// See ../../../shared/editor-e2e.md for why each flag is there.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
export const outDir = path.join(repo, 'dist/editor-e2e');
const codeServer = path.join(here, 'node_modules/.bin/code-server');

export function freshDir(name) {
  mkdirSync(path.join(here, '.work'), { recursive: true });
  return mkdtempSync(path.join(here, '.work', `${name}-`));
}

/** A copy of the example project (each test edits its own copy). */
export function workspaceCopy(from = path.join(repo, 'examples/contoso')) {
  const ws = path.join(freshDir('ws'), 'contoso');
  cpSync(from, ws, { recursive: true });
  return ws;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function envFor(tmp) {
  return {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
  };
}

/**
 * Starts code-server. `vsix` installs the packaged extension first (the UI tests test what
 * users install); without it the extension is loaded from `extensionDevelopmentPath` by the caller.
 */
export async function startCodeServer({ vsix, untrusted = false } = {}) {
  const tmp = freshDir('cs');
  const env = envFor(tmp);
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'security.workspace.trust.enabled': untrusted,
    'security.workspace.trust.startupPrompt': 'never',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'files.autoSave': 'off',
    'editor.lightbulb.enabled': 'on',
  };
  mkdirSync(path.join(tmp, 'data/User'), { recursive: true });
  writeFileSync(path.join(tmp, 'data/User/settings.json'), JSON.stringify(settings, null, 2));
  writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n');
  const common = ['--config', path.join(tmp, 'config.yaml'), '--user-data-dir', path.join(tmp, 'data'), '--extensions-dir', path.join(tmp, 'extensions')];
  if (vsix) {
    const r = spawnSync(codeServer, [...common, '--install-extension', vsix], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`install-extension failed: ${r.stdout}${r.stderr}`);
  }
  const port = await freePort();
  const args = [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override'];
  if (!untrusted) args.push('--disable-workspace-trust');
  const log = [];
  const proc = spawn(codeServer, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout.on('data', (d) => log.push(String(d)));
  proc.stderr.on('data', (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() - started > 30000) throw new Error(`code-server did not start:\n${log.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    port,
    tmp,
    env,
    log,
    async stop() {
      try {
        process.kill(-proc.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.on('exit', r)));
    },
  };
}

export async function launchBrowser(env) {
  const { chromium } = await import('playwright-core');
  const profile = freshDir('chromium');
  return chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    env,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Navigates away first so the window's extension host and language server exit at once. */
export async function closeBrowser(ctx) {
  for (const p of ctx.pages()) await p.goto('about:blank').catch(() => undefined);
  await ctx.close();
}

export function cleanWork() {
  rmSync(path.join(here, '.work'), { recursive: true, force: true });
}
