/**
 * The team features of `d365sec scan` (configuration, rule packs, suppressions, baseline,
 * --changed-since, solution zips) and the `verify-rules` command, kept out of main.ts: main.ts
 * calls these few hooks and stays about reading files and formatting. Every user mistake is a
 * ConfigError, printed as one line and mapped to exit 2 here.
 *
 *   --config FILE                 use FILE instead of the d365sec.config.json found upwards
 *   --rules PACK                  add a rule pack for this run (file, package folder or npm name; repeatable)
 *   --suppressions FILE           the shared suppressions file (default: config `suppressionsFile`)
 *   --baseline FILE               report and fail only on findings not in FILE (SARIF baselineState)
 *   --write-baseline FILE         record the current findings in FILE
 *   --changed-since REF           report only findings in files changed since the git ref
 *   --report-unused-suppressions  report directives and entries that suppress nothing
 *   --automation-id ID            SARIF runAutomationDetails.id (default d365sec/<folder>/)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalysisResult } from '../core/engine';
import type { Rule } from '../core/rule';
import type { AnalyzerSettings } from '../core/settings';
import type { Finding, SourceFile } from '../core/types';
import { builtinRules } from '../../../rules/index';
import { archiveSourceFiles, isArchivePath } from '../archive/index';
import { absentResult, automationDetails, compareWithBaseline, createBaseline, loadBaseline, writeBaselineFile, type BaselineEntry } from '../baseline/index';
import { buildIgnoreFilter, ConfigError, loadConfig, type PackRef, type ResolvedConfig } from '../config/index';
import { formatVerifyReport, loadPacks, readPackFile, resolvePackArg, verifyPack } from '../declarative/index';
import { changedFilesSince, isInChange } from '../git/changed';
import { applyInlineSuppressions, applySuppressionsFile, loadSuppressionsFile, sarifSuppressions, type SuppressionNotice } from '../suppressions/index';

interface TeamFlags {
  config?: string;
  rules: string[];
  suppressions?: string;
  baseline?: string;
  writeBaseline?: string;
  changedSince?: string;
  reportUnused: boolean;
  automationId?: string;
}

const VALUE_FLAGS: Record<string, keyof TeamFlags> = {
  '--config': 'config',
  '--rules': 'rules',
  '--suppressions': 'suppressions',
  '--baseline': 'baseline',
  '--write-baseline': 'writeBaseline',
  '--changed-since': 'changedSince',
  '--automation-id': 'automationId',
};

export class TeamRun {
  /** Set when the flags are wrong: main prints it and exits 2. */
  error?: string;
  rules: readonly Rule[] = builtinRules;
  settings?: AnalyzerSettings;
  /** The packs loaded, as references: worker threads rebuild the same rules from them (rules are functions and do not clone). */
  packRefs: PackRef[] = [];
  /** Suppression notices of after(), as lines for the caller to print (or not, under --quiet). */
  messages: string[] = [];
  private flags: TeamFlags = { rules: [], reportUnused: false };
  private config?: ResolvedConfig;
  private base = '.';
  private all: Finding[] = [];
  private states = new Map<Finding, 'new' | 'unchanged'>();
  private absent: BaselineEntry[] = [];
  private notices: SuppressionNotice[] = [];
  private archived: string[] = [];

  /** Removes the team flags from `args` (in place), so main's own parser sees only its options. */
  constructor(args: string[]) {
    for (let i = 0; i < args.length; ) {
      const a = args[i]!;
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      const key = VALUE_FLAGS[name];
      if (key) {
        const v = inline ?? args[i + 1];
        if (v === undefined || (inline === undefined && v.startsWith('--'))) {
          this.error = `d365sec: ${name} needs a value`;
          return;
        }
        if (key === 'rules') this.flags.rules.push(v);
        else (this.flags as unknown as Record<string, string>)[key] = v;
        args.splice(i, inline === undefined ? 2 : 1);
      } else if (a === '--report-unused-suppressions') {
        this.flags.reportUnused = true;
        args.splice(i, 1);
      } else i++;
    }
  }

  /** Loads config and packs for the scan rooted at `base`. Returns an error line (exit 2) or undefined. */
  load(base: string): string | undefined {
    this.base = base;
    return guard(() => {
      const scanDir = isArchivePath(base) ? path.dirname(base) : base;
      const config = loadConfig({ scanDir, configFile: this.flags.config, env: process.env });
      const refs = [...config.packs, ...this.flags.rules.map((spec) => ({ spec: resolvePackArg(spec, process.cwd()), fromDir: process.cwd(), declaredIn: '--rules' }))];
      const packs = loadPacks(refs, builtinRules.map((r) => r.meta.code), {});
      this.rules = [...builtinRules, ...packs];
      this.packRefs = refs;
      this.settings = config.settings;
      if (this.flags.reportUnused) config.reportUnusedSuppressions = true;
      this.config = config;
    });
  }

  /** Drops ignored entries (config globs, .gitignore files). */
  filter<T extends { rel: string; abs: string }>(entries: T[]): T[] {
    const c = this.config;
    if (!c) return entries;
    const rootRel = (abs: string) => path.relative(c.root, abs).split(path.sep).join('/');
    const byRoot = new Map(entries.map((e) => [rootRel(e.abs), e] as const));
    const ignored = buildIgnoreFilter(c, [...byRoot.keys()], (p) => {
      try {
        return readFileSync(byRoot.get(p)!.abs, 'utf8');
      } catch {
        return undefined;
      }
    });
    return entries.filter((e) => {
      const r = rootRel(e.abs);
      return r.startsWith('..') || !ignored(r);
    });
  }

  /** For a .zip entry: pushes its files (paths `<zip>/<entry>`) and returns true. */
  archive(entry: { rel: string; abs: string }, bytes: Uint8Array, files: SourceFile[], texts: Map<string, string>, notices: string[]): boolean {
    if (!isArchivePath(entry.abs)) return false;
    const zipPath = entry.rel || path.basename(entry.abs);
    const r = archiveSourceFiles(zipPath, bytes, { maxFileSize: this.settings?.maxFileSize });
    for (const n of r.notices) notices.push(`${n.path}: ${n.message}`);
    for (const f of r.files) {
      this.archived.push(f.path);
      files.push(f);
      texts.set(f.path, f.text);
    }
    return true;
  }

  /** Paths for buildLayout: the walked files plus the entries of archives (a zipped solution has its own Other/Solution.xml). */
  layoutPaths(entries: { rel: string; abs: string }[]): string[] {
    return [...entries.filter((e) => !isArchivePath(e.abs)).map((e) => e.rel), ...this.archived];
  }

  /**
   * After the analysis: suppressions, --changed-since, baseline. Leaves in `result.findings` only
   * what gates and is printed (not suppressed, new, in the change); SARIF gets everything.
   */
  after(result: AnalysisResult, files: SourceFile[], docs?: { path: string; comments?: { start: number; end: number }[] }[]): string | undefined {
    return guard(() => {
      const c = this.config!;
      const known = new Set(this.rules.flatMap((r) => [r.meta.code, r.meta.name]));
      const comments = new Map((docs ?? []).map((d) => [d.path, d.comments]));
      this.notices.push(...applyInlineSuppressions(result.findings, files.map((f) => ({ ...f, comments: comments.get(f.path) })), { isKnownRule: (x) => known.has(x), reportUnused: c.reportUnusedSuppressions }));
      const supp = this.flags.suppressions ? path.resolve(this.flags.suppressions) : c.suppressionsFile;
      if (supp) this.notices.push(...applySuppressionsFile(result.findings, loadSuppressionsFile(supp), { file: supp, reportUnused: c.reportUnusedSuppressions }));
      let findings = result.findings;
      if (this.flags.changedSince) {
        const changed = changedFilesSince(isArchivePath(this.base) ? path.dirname(this.base) : this.base, this.flags.changedSince);
        findings = findings.filter((f) => isInChange(f.path, changed));
      }
      if (this.flags.writeBaseline) writeBaselineFile(path.resolve(this.flags.writeBaseline), createBaseline(findings, this.settings?.hashKey));
      let gating = findings.filter((f) => !f.suppressed);
      const baselineFile = this.flags.baseline ? path.resolve(this.flags.baseline) : undefined;
      if (baselineFile) {
        const cmp = compareWithBaseline(findings, loadBaseline(baselineFile), { file: baselineFile, hashKey: this.settings?.hashKey });
        for (const r of cmp.results) this.states.set(r.finding, r.baselineState);
        this.absent = cmp.absent;
        gating = cmp.newFindings;
      }
      this.all = findings;
      result.findings = gating;
      for (const n of this.notices) {
        const where = n.range ? `:${n.range.start.line + 1}` : n.key ? ` ${n.key}` : '';
        this.messages.push(`${n.path}${where}: ${n.code} ${n.message}`);
      }
    });
  }

  /** The findings SARIF should list (suppressed and unchanged ones too). */
  sarifFindings(): Finding[] {
    return this.all;
  }

  /** Adds suppressions, baselineState, absent results, automationDetails and suppression notices to the reporter's log. */
  sarif(log: unknown): unknown {
    const run = (log as { runs: Record<string, unknown>[] }).runs[0]!;
    const results = run.results as Record<string, unknown>[];
    const index = new Map(this.rules.map((r, i) => [r.meta.code, i]));
    this.all.forEach((f, i) => {
      const r = results[i];
      if (!r) return;
      const s = sarifSuppressions(f);
      if (s) r.suppressions = s;
      const state = this.states.get(f);
      if (state) r.baselineState = state;
    });
    for (const e of this.absent) results.push(absentResult(e, index.get(e.rule)));
    run.automationDetails = automationDetails({ category: this.flags.automationId, scanned: path.relative(process.cwd(), this.base) || '.' });
    const inv = (run.invocations as { toolExecutionNotifications?: unknown[] }[] | undefined)?.[0];
    if (inv) {
      inv.toolExecutionNotifications = [
        ...(inv.toolExecutionNotifications ?? []),
        ...this.notices.map((n) => ({
          level: 'warning',
          descriptor: { id: n.code },
          message: { text: n.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: n.path.split('/').map(encodeURIComponent).join('/') }, ...(n.range ? { region: { startLine: n.range.start.line + 1 } } : {}) } }],
        })),
      ];
    }
    return log;
  }
}

/** `d365sec verify-rules PACK...`: 0 when every example passes, 1 when one fails, 2 for a broken pack. */
export async function verifyRulesCommand(args: string[]): Promise<number> {
  if (args.length === 0) {
    console.error('usage: d365sec verify-rules PACK...   (a pack file, a package folder or an npm package name)');
    return 2;
  }
  let failed = false;
  for (const a of args) {
    try {
      const file = resolvePackArg(a, process.cwd());
      const report = await verifyPack(readPackFile(file), file, { wasmDir: __dirname });
      process.stdout.write(formatVerifyReport(report) + '\n');
      if (!report.ok) failed = true;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      console.error(`d365sec: ${e.message}`);
      return 2;
    }
  }
  return failed ? 1 : 0;
}

function guard(f: () => void): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof ConfigError) return `d365sec: ${e.message}`;
    throw e;
  }
}
