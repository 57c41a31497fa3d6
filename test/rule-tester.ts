/**
 * The rule tester: every rule lists valid cases, invalid cases with the lines it must report,
 * and named traps (look-alikes it must NOT report). Cases are static literals; a case can hold
 * several files so cross-file rules (a form and its Entity.xml) are tested as they run.
 *
 *   testRule(rule, {
 *     valid:   [{ name: 'reads the key from Key Vault', path: 'a.cs', code: '...' }],
 *     traps:   [{ name: 'trap: Key Vault secret name', path: 'a.cs', code: '...' }],
 *     invalid: [{ name: 'client secret literal', path: 'a.cs', code: '...', errors: [{ line: 3 }] }],
 *   });
 *
 * Strict like ESLint's RuleTester: duplicate names fail, an invalid case must list every
 * finding (line and optionally path / message), and no message may contain a secret value
 * given in `secrets`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeProject, buildLayout, defaultSettings, initCSharp, type AnalyzerSettings, type Finding, type Rule, type SourceFile } from '../server/src/core/index';

export interface CaseFiles {
  /** Single-file form. */
  path?: string;
  code?: string;
  /** Multi-file form: path -> content. Findings are checked in `path` (or every file if `allFiles`). */
  files?: Record<string, string>;
  settings?: Partial<AnalyzerSettings>;
}

export interface ValidCase extends CaseFiles {
  name: string;
}

export interface ExpectedError {
  line: number;
  path?: string;
  message?: RegExp | string;
}

export interface InvalidCase extends CaseFiles {
  name: string;
  errors: ExpectedError[];
  /** Values that must never appear in a message (the planted secrets). */
  secrets?: string[];
}

export interface RuleTests {
  valid: ValidCase[];
  traps: ValidCase[];
  invalid: InvalidCase[];
}

function toFiles(c: CaseFiles): SourceFile[] {
  const files: Record<string, string> = { ...(c.files ?? {}) };
  if (c.path !== undefined && c.code !== undefined) files[c.path] = c.code;
  return Object.entries(files).map(([path, text]) => ({ path, text }));
}

/** Runs one rule over the case's files and returns its findings. */
export function runRule(rule: Rule, c: CaseFiles): Finding[] {
  const files = toFiles(c);
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const layout = buildLayout(files.map((f) => f.path), (p) => texts.get(p));
  const settings = defaultSettings(c.settings);
  return analyzeProject(files, { rules: [rule], settings, layout }).findings;
}

function describeFindings(fs: Finding[]): string {
  return fs.map((f) => `${f.path}:${f.range.start.line + 1} ${f.code} ${f.message}`).join('\n') || '(none)';
}

export function testRule(rule: Rule, tests: RuleTests): void {
  describe(`${rule.meta.code} ${rule.meta.name}`, () => {
    beforeAll(async () => {
      await initCSharp();
    });

    const names = [...tests.valid, ...tests.traps, ...tests.invalid].map((c) => c.name);
    it('has unique case names, at least one of each kind, and traps named as traps', () => {
      expect(new Set(names).size, `duplicate case names in ${rule.meta.name}`).toBe(names.length);
      expect(tests.valid.length).toBeGreaterThan(0);
      expect(tests.invalid.length).toBeGreaterThan(0);
      expect(tests.traps.length).toBeGreaterThan(0);
      for (const t of tests.traps) expect(t.name.startsWith('trap: '), t.name).toBe(true);
    });

    for (const c of [...tests.valid, ...tests.traps]) {
      it(`valid: ${c.name}`, () => {
        const found = runRule(rule, c);
        expect(found, describeFindings(found)).toHaveLength(0);
      });
    }

    for (const c of tests.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = runRule(rule, c);
        const defaultPath = c.path ?? Object.keys(c.files ?? {})[0];
        const got = found.map((f) => `${f.path}:${f.range.start.line + 1}`).sort();
        const want = c.errors.map((e) => `${e.path ?? defaultPath}:${e.line}`).sort();
        expect(got, describeFindings(found)).toEqual(want);
        for (const e of c.errors) {
          if (!e.message) continue;
          const f = found.find((x) => x.path === (e.path ?? defaultPath) && x.range.start.line + 1 === e.line)!;
          if (typeof e.message === 'string') expect(f.message).toContain(e.message);
          else expect(f.message).toMatch(e.message);
        }
        for (const s of c.secrets ?? []) {
          for (const f of found) expect(JSON.stringify(f), 'a finding leaks the secret').not.toContain(s);
        }
        for (const f of found) {
          expect(f.category).toBe(rule.meta.category);
          expect(f.code).toBe(rule.meta.code);
        }
      });
    }
  });
}
