/** Builds the CLI once per test file into a temp folder (never dist/, which others may be using) and runs it. */
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const EXAMPLE = path.join(ROOT, 'examples/contoso');

export function buildCli(): string {
  const out = mkdtempSync(path.join(tmpdir(), 'd365sec-cli-'));
  execFileSync(process.execPath, ['esbuild.mjs', `--outdir=${out}`], { cwd: ROOT });
  return path.join(out, 'cli.js');
}

export function runCli(cli: string, args: string[], opts: SpawnSyncOptions = {}) {
  // No colour and no TTY unless a test asks: the child's stdout is a pipe.
  const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...(opts.env ?? {}) } as NodeJS.ProcessEnv;
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120000, maxBuffer: 256 * 1024 * 1024, ...opts, env });
}
