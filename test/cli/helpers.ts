/** The CLI that test/global-setup.ts built once for the run (never dist/, which others may be using), and ways to run it. */
import { execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

export const ROOT = path.resolve(__dirname, '../..');
export const EXAMPLE = path.join(ROOT, 'examples/contoso');

/** The CLI bundle that test/global-setup.ts built once for this run. */
export function buildCli(): string {
  return path.join(inject('distDir'), 'cli.js');
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI asynchronously: a synchronous spawn would block vitest's worker for the
 * length of a large scan and trip its RPC timeout.
 */
export function runCli(cli: string, args: string[], opts: SpawnOptions & { env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  // No colour and no TTY unless a test asks: the child's stdout is a pipe.
  const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...(opts.env ?? {}) } as NodeJS.ProcessEnv;
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, ...opts, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 150000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
