import picomatch from 'picomatch';
import type { ParsedFile } from '../core/documents';
import type { Rule, RuleContext, RuleMeta, RuleVisitors } from '../core/rule';
import type { ArtifactKind, ReportDescriptor, StringFact } from '../core/types';
import { ConfigError, keyPath } from '../config/errors';
import { BudgetExceeded, compileRegex, RegexSyntaxError, type SafeRegex } from './regex';
import type { DeclarativeRuleSpec, RulePackSpec } from './types';
import { SECRET_CATEGORIES } from './validate';

/**
 * Turns a declarative rule into the same Rule the built-in modules export, so the engine,
 * suppressions, baselines and reporters treat both alike. A declarative rule is data only: it is
 * the one kind of custom rule that runs in an untrusted workspace.
 */
export interface DeclarativeRule extends Rule {
  /** Where it came from, for SARIF (`toolComponent`) and messages. */
  source: { pack: string; file: string };
  /** The patterns it runs, shown in SARIF rule properties (`properties.patterns`). */
  patterns: string[];
  /** Regex rules: whether a snippet matches (string examples are tested with this, ignoring `files`). */
  matchesSnippet?: (text: string) => boolean;
}

export interface CompileOptions {
  /** Per-file time budget of one rule's regex, in ms (default 2000). */
  budgetMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

const ALL_KINDS: ArtifactKind[] = ['csharp', 'script', 'al', 'xml', 'json', 'text'];
/** More reports than this of one rule in one file are noise (a generated file); the rest are dropped. */
export const MAX_REPORTS_PER_FILE = 200;

export function compilePack(pack: RulePackSpec, file: string, opts: CompileOptions = {}): DeclarativeRule[] {
  return pack.rules.map((r, i) => compileRule(r, { pack: pack.name, file, index: i }, opts));
}

export function compileRule(spec: DeclarativeRuleSpec, where: { pack: string; file: string; index: number }, opts: CompileOptions = {}): DeclarativeRule {
  const re = (pattern: string, key: string, flags?: string): SafeRegex => {
    try {
      return compileRegex(pattern, flags);
    } catch (e) {
      if (e instanceof RegexSyntaxError) throw new ConfigError(where.file, keyPath('rules', where.index, ...key.split('.')), `rule ${spec.id}: ${e.message}`);
      throw e;
    }
  };
  const inFiles = picomatch(spec.files, { dot: true, basename: true });
  const excluded = spec.exclude && spec.exclude.length ? picomatch(spec.exclude, { dot: true, basename: true }) : () => false;
  const budgetMs = opts.budgetMs ?? 2000;
  const now = opts.now ?? (() => performance.now());
  let disabled = false;
  const secretish = SECRET_CATEGORIES.has(spec.category);

  const meta: RuleMeta = {
    code: spec.id,
    name: spec.name,
    category: spec.category,
    severity: spec.severity,
    kinds: spec.kinds ?? ALL_KINDS,
    docs: {
      summary: spec.description ?? spec.message.replace(/\{(secret|name|match)\}/g, '…'),
      why: spec.docs?.why ?? `Team rule from the rule pack ${where.pack}.`,
      // Examples of secret rules look like secrets; rule help lands in SARIF and on dashboards.
      bad: secretish ? '(see the mustMatch examples of the pack)' : exampleText(spec.mustMatch[0]),
      good: secretish ? '(see the mustNotMatch examples of the pack)' : exampleText(spec.mustNotMatch[0]),
      fix: spec.docs?.fix ?? '',
      ...(spec.docs?.references ? { references: spec.docs.references } : {}),
    },
  };

  const patterns: string[] = [];
  let visitorsFor: (ctx: RuleContext) => RuleVisitors;
  let matchesSnippet: ((text: string) => boolean) | undefined;

  if (spec.regex !== undefined) {
    const rx = re(spec.regex, 'regex', spec.flags);
    patterns.push(spec.regex);
    if (spec.secretGroup !== undefined && rx.groups[spec.secretGroup] === undefined && !(typeof spec.secretGroup === 'number' && spec.secretGroup >= 1 && spec.secretGroup <= rx.groupCount)) {
      throw new ConfigError(where.file, keyPath('rules', where.index, 'secretGroup'), `rule ${spec.id}: the pattern has no group ${JSON.stringify(spec.secretGroup)}`);
    }
    const secretGroup = spec.secretGroup ?? (rx.groups.secret !== undefined ? 'secret' : undefined);
    matchesSnippet = (t) => rx.findAll(t, { limit: 1, deadline: now() + budgetMs, now }).length > 0;
    visitorsFor = (ctx) => {
      if (disabled || !applies(ctx.file)) return {};
      // The scan happens here rather than in a kind visitor so it runs on files whose tree failed too.
      const text = ctx.file.file.text;
      let matches;
      try {
        matches = rx.findAll(text, { limit: MAX_REPORTS_PER_FILE, deadline: now() + budgetMs, now });
      } catch (e) {
        if (!(e instanceof BudgetExceeded)) throw e;
        disabled = true;
        throw new Error(`its regex ran longer than ${budgetMs} ms on this file and the rule is disabled for the rest of the scan; simplify the pattern (nested repetition such as (.*){n} is slow even on RE2)`);
      }
      for (const m of matches) {
        const g = secretGroup !== undefined ? m.group(secretGroup) : undefined;
        const span = g ?? { start: m.start, end: m.end };
        const matchText = text.slice(m.start, m.end);
        const d: ReportDescriptor = { span: { start: span.start, end: span.end }, message: fill(spec.message, { name: m.group('name')?.text, match: secretish ? undefined : matchText }) };
        if (g) d.secret = g.text;
        else if (secretish) d.secret = matchText;
        ctx.report(d);
      }
      return {};
    };
  } else {
    const s = spec.strings!;
    const name = s.name ? re(s.name, 'strings.name') : undefined;
    const value = s.value ? re(s.value, 'strings.value') : undefined;
    const callee = s.callee ? re(s.callee, 'strings.callee') : undefined;
    const path = s.path ? picomatch(dotsToSlashes(s.path), { dot: true }) : undefined;
    for (const p of [s.name, s.path, s.value, s.callee]) if (p) patterns.push(p);
    const matches = (f: StringFact): boolean =>
      (s.inComments || !f.inComment) &&
      (!name || (f.name !== undefined && name.test(f.name))) &&
      (!path || (f.path !== undefined && path(dotsToSlashes(f.path)))) &&
      (!callee || (f.callee !== undefined && callee.test(f.callee))) &&
      // Values are bounded by the file size; test() on one value is one linear pass.
      (!value || value.test(f.value));
    visitorsFor = (ctx) => {
      if (disabled || !applies(ctx.file)) return {};
      return {
        strings(facts) {
          let n = 0;
          for (const f of facts) {
            if (n >= MAX_REPORTS_PER_FILE) break;
            if (!matches(f)) continue;
            n++;
            const d: ReportDescriptor = { span: f.span, message: fill(spec.message, { name: f.name, match: secretish ? undefined : f.value }) };
            if (secretish) d.secret = f.value;
            else d.key = `${f.path ?? ''}\u0000${f.name ?? ''}\u0000${f.value}`;
            ctx.report(d);
          }
        },
      };
    };
  }

  function applies(doc: ParsedFile): boolean {
    const p = doc.file.path;
    return inFiles(p) && !excluded(p);
  }

  const rule: DeclarativeRule = { meta, create: (ctx) => visitorsFor(ctx), source: { pack: where.pack, file: where.file }, patterns };
  if (matchesSnippet) rule.matchesSnippet = matchesSnippet;
  return rule;
}

function fill(message: string, vars: { name?: string; match?: string }): string {
  // {secret} stays: the engine replaces it with the redacted value.
  return message.replace(/\{(name|match)\}/g, (_, k: 'name' | 'match') => vars[k] ?? '');
}

function dotsToSlashes(p: string): string {
  return p.split('.').join('/');
}

function exampleText(e: DeclarativeRuleSpec['mustMatch'][number] | undefined): string {
  if (e === undefined) return '';
  return typeof e === 'string' ? e : e.code;
}
