#!/usr/bin/env node
// Writes docs/rules/<name>.md for every built-in rule and docs/rules/README.md, from the rules'
// meta (test/tools/rule-docs.ts renders them). Runs without a TypeScript runner: esbuild bundles
// the rule registry and the renderer into a temporary CommonJS file that node then loads.
// Idempotent: unchanged files are not rewritten, and .md files of removed rules are deleted.
// usage: npm run docs   (or: node test/tools/gen-rule-docs.mjs [--check])
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const check = process.argv.includes('--check');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'd365sec-docs-'));
const bundle = path.join(tmp, 'docs.cjs');
try {
  await build({
    stdin: {
      contents: "export { builtinRules } from './rules/index';\nexport { docFiles, DOCS_DIR } from './test/tools/rule-docs';\n",
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'gen-rule-docs-entry.ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: bundle,
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  });
  const { builtinRules, docFiles, DOCS_DIR } = createRequire(import.meta.url)(bundle);
  const dir = path.join(root, DOCS_DIR);
  mkdirSync(dir, { recursive: true });
  const files = docFiles(builtinRules);
  const changed = [];
  for (const [name, text] of files) {
    const p = path.join(dir, name);
    if (existsSync(p) && readFileSync(p, 'utf8') === text) continue;
    changed.push(name);
    if (!check) writeFileSync(p, text);
  }
  const stale = readdirSync(dir).filter((f) => f.endsWith('.md') && !files.has(f));
  for (const f of stale) if (!check) rmSync(path.join(dir, f));
  const summary = `${files.size} files in ${DOCS_DIR}: ${changed.length} ${check ? 'out of date' : 'written'}, ${stale.length} stale ${check ? 'found' : 'removed'}`;
  console.log(summary);
  for (const f of [...changed, ...stale]) console.log(`  ${f}`);
  if (check && changed.length + stale.length > 0) {
    console.error('rule docs are out of date: run npm run docs');
    process.exitCode = 1;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
