import { classify, EMPTY_LAYOUT, type ProjectLayout } from './classify';
import type { ParsedFile } from './documents';
import { keyedHash, normaliseSecret, redact } from './redact';
import type { Rule, RuleVisitors } from './rule';
import { defaultSettings, type AnalyzerSettings } from './settings';
import type { Finding, ParseNotice, ReportDescriptor, Severity, SourceFile } from './types';
import { parseAl } from '../parsers/al';
import { parseCSharp, releaseCSharp } from '../parsers/csharp';
import { parseJson } from '../parsers/json';
import { parseScript } from '../parsers/script';
import { parseText } from '../parsers/text';
import { parseXml } from '../parsers/xml';
import { contribute, mergeModel, type ModelContribution, type ProjectModel } from '../model/project';
import { LineIndex } from './lines';

export interface FileNotice extends ParseNotice {
  path: string;
}

export interface ParseOptions {
  /**
   * The document's previous version, for an incremental re-parse. It is used up: parts of its
   * tree may move into the new document, so the caller must drop it.
   */
  previous?: ParsedFile;
  /** The document is open in an editor: keep parser state for its next version (free it with releaseParsed). */
  live?: boolean;
}

/**
 * Parses a file once into the document every rule shares. Returns undefined for files that are
 * not an artifact we read (images, .sln, lock files). Never throws: a parser crash becomes an
 * `internal-error` notice on a document marked failed.
 */
export function parseFile(file: SourceFile, layout: ProjectLayout = EMPTY_LAYOUT, opts: ParseOptions = {}): ParsedFile | undefined {
  const c = classify(file.path, file.text.slice(0, 600), layout);
  if (!c) return undefined;
  try {
    switch (c.kind) {
      case 'csharp':
        return parseCSharp(file, c.role, { previous: opts.previous?.kind === 'csharp' ? opts.previous : undefined, live: opts.live });
      case 'script':
        return parseScript(file, c.role, c.language ?? 'js', opts.previous?.kind === 'script' ? opts.previous : undefined);
      case 'al':
        return parseAl(file, c.role);
      case 'xml':
        return parseXml(file, c.role);
      case 'json':
        return parseJson(file, c.role);
      case 'text':
        return parseText(file, c.role);
    }
  } catch (e) {
    return {
      file,
      kind: 'text',
      role: c.role,
      lines: new LineIndex(file.text),
      strings: [],
      comments: [],
      notices: [{ kind: 'internal-error', message: `parser failed: ${(e as Error).message}` }],
      failed: true,
    };
  }
}

/** Frees parser state kept for a live document (see ParseOptions.live); the document stays usable. */
export function releaseParsed(doc: ParsedFile | undefined): void {
  if (doc?.kind === 'csharp') releaseCSharp(doc);
}

export { contribute, mergeModel };
export type { ModelContribution, ProjectModel };

export interface RunOptions {
  rules: readonly Rule[];
  settings?: AnalyzerSettings;
}

/** The configured severity of a rule, or 'off'. Keys may be the code or the name. */
export function effectiveSeverity(rule: Rule, settings: AnalyzerSettings): Severity | 'off' {
  return settings.rules[rule.meta.code] ?? settings.rules[rule.meta.name] ?? rule.meta.severity;
}

/**
 * Runs every enabled rule over one parsed file. Rules see the document and the project model;
 * their reports become findings with range, redacted message and fingerprint. A rule that throws
 * is contained: the file gets an internal-error notice naming the rule and the other rules go on.
 */
export function checkFile(doc: ParsedFile, model: ProjectModel, opts: RunOptions): { findings: Finding[]; notices: ParseNotice[] } {
  const settings = opts.settings ?? defaultSettings();
  const findings: Finding[] = [];
  const notices: ParseNotice[] = [];
  for (const rule of opts.rules) {
    if (!rule.meta.kinds.includes(doc.kind)) continue;
    const severity = effectiveSeverity(rule, settings);
    if (severity === 'off') continue;
    const report = (d: ReportDescriptor): void => {
      findings.push(toFinding(rule, severity, doc, d, settings));
    };
    try {
      const v: RuleVisitors = rule.create({ file: doc, model, settings, report });
      const visit = v[doc.kind] as ((d: ParsedFile) => void) | undefined;
      if (visit && !doc.failed) visit(doc);
      if (v.strings && doc.strings.length > 0) v.strings(doc.strings, doc);
    } catch (e) {
      notices.push({ kind: 'internal-error', message: `rule ${rule.meta.code} ${rule.meta.name} failed: ${(e as Error).message}` });
    }
  }
  return { findings: dedupe(findings), notices };
}

function toFinding(rule: Rule, severity: Severity, doc: ParsedFile, d: ReportDescriptor, settings: AnalyzerSettings): Finding {
  const key = settings.hashKey;
  const secret = d.secret !== undefined ? normaliseSecret(d.secret) : undefined;
  const redacted = secret ? redact(secret, key) : undefined;
  let message = d.message.replace(/\{secret\}/g, redacted ?? '');
  // Safety net: a rule that put the value into its message by mistake still never prints it.
  if (secret && secret.length >= 4) message = message.split(secret).join(redacted!);
  const context =
    secret ??
    d.key ??
    doc.file.text
      .slice(d.span.start, Math.min(d.span.end, d.span.start + 2000))
      .replace(/\s+/g, ' ')
      .trim();
  const finding: Finding = {
    code: rule.meta.code,
    rule: rule.meta.name,
    category: rule.meta.category,
    severity,
    path: doc.file.path,
    span: d.span,
    range: { start: doc.lines.positionAt(d.span.start), end: doc.lines.positionAt(d.span.end) },
    message,
    fingerprint: keyedHash(`${rule.meta.code}\u0000${doc.file.path}\u0000${context}`, key, 16),
  };
  if (redacted) finding.redacted = redacted;
  if (d.fixData) finding.fixData = d.fixData;
  if (d.related) {
    finding.related = d.related.map((r) => ({ path: r.path, span: r.span, message: r.message }));
  }
  return finding;
}

/**
 * One finding per problem: two visitors of a rule reaching the same literal report it once, and
 * two rules of the same category reporting overlapping spans (a kind-specific rule and a generic
 * one) are one problem for the user; the first rule in registry order (the more specific,
 * lower code) wins.
 */
function dedupe(findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const dup = out.some(
      (g) => g.category === f.category && (g.code === f.code ? g.span.start === f.span.start : g.span.start < f.span.end && f.span.start < g.span.end),
    );
    if (!dup) out.push(f);
  }
  return out;
}

export interface AnalysisResult {
  findings: Finding[];
  notices: FileNotice[];
  /** Files that were parsed (an artifact kind we read). */
  analyzed: number;
}

/**
 * The whole pipeline over files held in memory: layout, parse once, model, rules. The CLI's
 * workers run the same steps split in two halves (parse+contribute, then check).
 */
export function analyzeProject(files: SourceFile[], opts: RunOptions & { layout?: ProjectLayout }): AnalysisResult {
  const layout = opts.layout ?? EMPTY_LAYOUT;
  const docs: ParsedFile[] = [];
  const notices: FileNotice[] = [];
  for (const f of files) {
    const doc = parseFile(f, layout);
    if (!doc) continue;
    docs.push(doc);
    for (const n of doc.notices) notices.push({ ...n, path: f.path });
  }
  const model = mergeModel(docs.map(contribute));
  const findings: Finding[] = [];
  for (const doc of docs) {
    const r = checkFile(doc, model, opts);
    findings.push(...r.findings);
    for (const n of r.notices) notices.push({ ...n, path: doc.file.path });
  }
  resolveRelated(findings, docs);
  return { findings: sortFindings(findings), notices, analyzed: docs.length };
}

/** Fills the ranges of related locations from their files' line indexes. */
export function resolveRelated(findings: Finding[], docs: { file: SourceFile; lines: { positionAt(o: number): { line: number; character: number } } }[]): void {
  const byPath = new Map(docs.map((d) => [d.file.path, d] as const));
  for (const f of findings) {
    for (const r of f.related ?? []) {
      const d = byPath.get(r.path);
      if (d) r.range = { start: d.lines.positionAt(r.span.start), end: d.lines.positionAt(r.span.end) };
    }
  }
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
