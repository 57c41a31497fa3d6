import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../server/src/core/types';
import { builtinRules } from '../../rules/index';

/** Parity check (ESLint's checkRuleFiles): every rule has a unique code and name, full docs and a test file. */
const testFiles = new Set<string>();
const walk = (d: string): void => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.isDirectory()) walk(path.join(d, e.name));
    else if (e.name.endsWith('.test.ts')) testFiles.add(e.name.replace(/\.test\.ts$/, ''));
  }
};
walk(path.join(__dirname));

describe('rule registry', () => {
  it('has rules', () => {
    expect(builtinRules.length).toBeGreaterThan(0);
  });
  it('codes and names are unique', () => {
    const codes = builtinRules.map((r) => r.meta.code);
    const names = builtinRules.map((r) => r.meta.name);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(names).size).toBe(names.length);
  });
  for (const rule of builtinRules) {
    describe(`${rule.meta.code} ${rule.meta.name}`, () => {
      it('has a category of labels.md and complete docs', () => {
        expect(CATEGORIES).toContain(rule.meta.category);
        const d = rule.meta.docs;
        for (const k of ['summary', 'why', 'bad', 'good', 'fix'] as const) {
          expect(d[k], `${rule.meta.name}: docs.${k}`).toBeTruthy();
          expect(d[k].length, `${rule.meta.name}: docs.${k} is too short`).toBeGreaterThan(10);
          expect(d[k]).not.toMatch(/\bTODO\b/);
        }
        expect(rule.meta.kinds.length).toBeGreaterThan(0);
      });
      it('has a test file named after it', () => {
        expect(testFiles.has(rule.meta.name), `test/rules/**/${rule.meta.name}.test.ts`).toBe(true);
      });
      it('lives in rules/<category>/<name>.ts', () => {
        expect(existsSync(path.join(__dirname, '../../rules', rule.meta.category, `${rule.meta.name}.ts`))).toBe(true);
      });
    });
  }
});
