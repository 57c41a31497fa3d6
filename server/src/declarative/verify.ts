import picomatch from 'picomatch';
import { analyzeProject, buildLayout, initCSharp } from '../core/index';
import { ConfigError } from '../config/errors';
import { BudgetExceeded } from './regex';
import { compileRule, type CompileOptions, type DeclarativeRule } from './compile';
import type { Example, RulePackSpec } from './types';

/**
 * `d365sec verify-rules PACK`: every rule runs its own examples, like DevSkim's `verify`. A
 * string example is matched by the rule's regex directly; a `{path, code}` example is a file run
 * through the whole engine (classification, parser, `files` globs), so it proves the rule fires
 * where it will be used. Failure messages give the example's index, never its text: examples of
 * secret rules look like secrets, and CI logs are public.
 */
export interface VerifyFailure {
  rule: string;
  /** `mustMatch[2]`, `mustNotMatch[0]`, or `regex` for a rule that does not compile. */
  where: string;
  problem: string;
}

export interface VerifyReport {
  pack: string;
  rules: number;
  passed: number;
  examples: { mustMatch: number; mustNotMatch: number };
  failures: VerifyFailure[];
  ok: boolean;
}

export async function verifyPack(pack: RulePackSpec, file: string, opts: CompileOptions & { wasmDir?: string } = {}): Promise<VerifyReport> {
  const needsCSharp = pack.rules.some((r) => [...r.mustMatch, ...r.mustNotMatch].some((e) => typeof e !== 'string' && /\.cs$/i.test(e.path)));
  if (needsCSharp) await initCSharp(opts.wasmDir);
  const failures: VerifyFailure[] = [];
  const report: VerifyReport = { pack: pack.name, rules: pack.rules.length, passed: 0, examples: { mustMatch: 0, mustNotMatch: 0 }, failures, ok: true };
  pack.rules.forEach((spec, index) => {
    let rule: DeclarativeRule;
    try {
      rule = compileRule(spec, { pack: pack.name, file, index }, opts);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      failures.push({ rule: spec.id, where: e.key, problem: e.message });
      return;
    }
    const before = failures.length;
    const check = (examples: Example[], want: boolean, label: 'mustMatch' | 'mustNotMatch'): void => {
      examples.forEach((ex, j) => {
        report.examples[label]++;
        const where = `${label}[${j}]`;
        try {
          if (typeof ex !== 'string' && want && !picomatch(spec.files, { dot: true, basename: true })(ex.path)) {
            failures.push({ rule: spec.id, where, problem: `the example's path ${ex.path} is not matched by "files"` });
            return;
          }
          const got = typeof ex === 'string' ? rule.matchesSnippet!(ex) : runOnFile(rule, ex.path, ex.code) > 0;
          if (got !== want) failures.push({ rule: spec.id, where, problem: want ? 'the rule does not report this example' : 'the rule reports this example' });
        } catch (e) {
          const msg = e instanceof BudgetExceeded ? 'the regex ran out of its time budget' : (e as Error).message;
          failures.push({ rule: spec.id, where, problem: msg });
        }
      });
    };
    check(spec.mustMatch, true, 'mustMatch');
    check(spec.mustNotMatch, false, 'mustNotMatch');
    if (failures.length === before) report.passed++;
  });
  report.ok = failures.length === 0;
  return report;
}

function runOnFile(rule: DeclarativeRule, path: string, code: string): number {
  const files = [{ path, text: code }];
  const result = analyzeProject(files, { rules: [rule], layout: buildLayout([path], () => code) });
  const failed = result.notices.find((n) => n.kind === 'internal-error' && n.message.includes(rule.meta.code));
  if (failed) throw new Error(failed.message);
  return result.findings.filter((f) => f.code === rule.meta.code).length;
}

/** Plain-text lines for the CLI: one per failure, then a summary. */
export function formatVerifyReport(r: VerifyReport): string {
  const lines = r.failures.map((f) => `${r.pack}: ${f.rule} ${f.where}: ${f.problem}`);
  lines.push(
    `${r.pack}: ${r.passed}/${r.rules} rules pass their ${r.examples.mustMatch} mustMatch and ${r.examples.mustNotMatch} mustNotMatch examples${r.ok ? '' : ` (${r.failures.length} failure${r.failures.length === 1 ? '' : 's'})`}`,
  );
  return lines.join('\n');
}
