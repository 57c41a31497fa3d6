/**
 * Builds the bundles once per test run (esbuild.mjs into a temporary folder) and hands the folder
 * to the tests that spawn the CLI, instead of each test file bundling its own copy.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const out = mkdtempSync(path.join(tmpdir(), 'd365sec-test-dist-'));
  execFileSync(process.execPath, ['esbuild.mjs', `--outdir=${out}`], { cwd: path.resolve(__dirname, '..') });
  project.provide('distDir', out);
  return () => rmSync(out, { recursive: true, force: true });
}
