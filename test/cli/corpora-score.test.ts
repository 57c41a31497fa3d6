/**
 * Quality gate: the CLI's SARIF scored against the labeled corpora with the same scorer the
 * project is judged by (test/tools/score.mjs is a copy of ../shared/score.mjs). The example is
 * what the rules were written against; Fabrikam was written by someone who never read the rules,
 * and so was Tailspin (scored held out first: 0.973 precision, 0.887 recall before any rule saw it);
 * their floors guard against rules that only fit the example.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
let out = '';
let dist = '';

beforeAll(() => {
  // The bundle test/global-setup.ts built; reports go to a folder of this file's own.
  dist = inject('distDir');
  out = mkdtempSync(path.join(tmpdir(), 'd365sec-score-'));
});

interface CategoryScore {
  precision: number | null;
  recall: number | null;
  trapHits: number;
}

function score(corpus: string): Record<string, CategoryScore> {
  const sarif = path.join(out, `${path.basename(corpus)}.sarif`);
  const scan = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', corpus, '--format', 'sarif', '--output', sarif, '--quiet'], { cwd: root, encoding: 'utf8' });
  expect(scan.status, scan.stderr).toBe(1); // findings at the default --fail-on
  const r = spawnSync(process.execPath, ['test/tools/score.mjs', '--labels', path.join(corpus, 'expected.json'), '--findings', sarif, '--json'], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout) as { categories: Record<string, CategoryScore> };
  return json.categories;
}

const CASES: [string, number, number, number][] = [
  // corpus, minimum precision, minimum recall (per category), trap hits allowed
  ['examples/contoso', 0.9, 0.85, 0],
  ['test/corpora/fabrikam', 0.9, 0.85, 0],
  ['test/corpora/tailspin', 0.9, 0.85, 0],
  // Written by helpers who never saw the rules and scored before any fix (see their README): the
  // floors hold what the general fixes reached, so a regression shows; the gaps are known work.
  ['test/corpora/northwind', 0.9, 0.85, 0],
  ['test/corpora/woodgrove', 0.9, 0.9, 1],
];

describe('score on the labeled corpora', () => {
  for (const [corpus, minP, minR, maxTraps] of CASES) {
    it(`${corpus}: every category at precision >= ${minP} and recall >= ${minR}, at most ${maxTraps} trap hit(s)`, () => {
      const cats = score(path.join(root, corpus));
      expect(Object.keys(cats).length).toBe(7);
      let traps = 0;
      for (const [name, c] of Object.entries(cats)) {
        expect(c.precision ?? 1, `${name} precision`).toBeGreaterThanOrEqual(minP);
        expect(c.recall ?? 1, `${name} recall`).toBeGreaterThanOrEqual(minR);
        traps += c.trapHits;
      }
      expect(traps, 'trap hits').toBeLessThanOrEqual(maxTraps);
    }, 60000);
  }
});
