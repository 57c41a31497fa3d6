/**
 * The language server's in-memory project: one per workspace folder. It holds a ParsedFile and
 * a model contribution per file, so a change re-parses only the changed document, re-merges the
 * model from cached contributions, and tells the caller which other files may need a re-check.
 *
 * Editor-free and file-system-free like the core (the server feeds it texts), so protocol tests
 * and the benchmark drive the same code.
 */
import { buildLayout, EMPTY_LAYOUT, type ProjectLayout } from '../core/classify';
import type { ParsedFile } from '../core/documents';
import { checkFile, contribute, mergeModel, parseFile, releaseParsed, resolveRelated, sortFindings, type ModelContribution, type ProjectModel } from '../core/engine';
import type { Rule } from '../core/rule';
import type { AnalyzerSettings } from '../core/settings';
import type { Finding, ParseNotice, SourceFile } from '../core/types';

export interface FileEntry {
  file: SourceFile;
  doc?: ParsedFile;
  contribution?: ModelContribution;
  /** Stable serialisation of the contribution: a change in it means the model changed. */
  contributionKey: string;
  findings: Finding[];
  notices: ParseNotice[];
  /** Analysed with the current model and settings. */
  fresh: boolean;
}

export interface UpdateResult {
  /** The file's model contribution (or the layout) changed: findings elsewhere may change. */
  modelChanged: boolean;
}

export class Project {
  private readonly entries = new Map<string, FileEntry>();
  private layout: ProjectLayout = EMPTY_LAYOUT;
  private layoutKey = '';
  private model: ProjectModel | undefined;

  constructor(readonly root: string) {}

  has(path: string): boolean {
    return this.entries.has(path);
  }
  get(path: string): FileEntry | undefined {
    return this.entries.get(path);
  }
  paths(): string[] {
    return [...this.entries.keys()];
  }
  get size(): number {
    return this.entries.size;
  }
  text(path: string): string | undefined {
    return this.entries.get(path)?.file.text;
  }

  /**
   * Sets a file's text and re-parses it. `parse` false defers parsing (the background scan loads
   * every file first, then builds the layout once and parses with it). `live` marks a document
   * open in an editor: its parser state is kept so the next version re-parses incrementally.
   */
  set(file: SourceFile, parse = true, live = false): UpdateResult {
    const old = this.entries.get(file.path);
    if (old && old.file.text === file.text && old.doc) {
      old.file.version = file.version;
      if (!live) releaseParsed(old.doc);
      return { modelChanged: false };
    }
    const entry: FileEntry = { file, contributionKey: '', findings: [], notices: [], fresh: false };
    this.entries.set(file.path, entry);
    // A bulk load (parse false) leaves the layout to parseAll(), which builds it once.
    if (!parse) {
      releaseParsed(old?.doc);
      return { modelChanged: false };
    }
    if (this.refreshLayoutIfNeeded(file.path, !old)) {
      releaseParsed(old?.doc);
      return { modelChanged: true };
    }
    // The old document is used up by an incremental parse (its tree moves over) or released.
    this.parse(entry, live ? old?.doc : undefined, live);
    if (!live) releaseParsed(old?.doc);
    // Positions in the model move with every keystroke; only a change beyond them can change
    // findings in other files (those pointing at this file are re-checked by the caller anyway).
    this.model = undefined;
    const changed = entry.contributionKey !== (old?.contributionKey ?? '');
    return { modelChanged: changed };
  }

  /** The document was closed in the editor: frees its parser state. */
  release(path: string): void {
    releaseParsed(this.entries.get(path)?.doc);
  }

  remove(path: string): UpdateResult {
    const old = this.entries.get(path);
    if (!old) return { modelChanged: false };
    this.entries.delete(path);
    releaseParsed(old.doc);
    this.model = undefined;
    this.refreshLayoutIfNeeded(path, true);
    return { modelChanged: true };
  }

  /** After a bulk load: builds the layout once; then parseSome() parses in slices. */
  beginBulkParse(): void {
    this.refreshLayout();
    this.model = undefined;
  }

  /** Parses unparsed files for about `budgetMs`; true when none is left. */
  parseSome(budgetMs: number): boolean {
    const until = Date.now() + budgetMs;
    for (const e of this.entries.values()) {
      if (e.doc || e.contributionKey) continue;
      if (Date.now() > until) return false;
      this.parse(e);
    }
    this.model = undefined;
    return true;
  }

  /** Marks every file stale (settings changed, model changed): the next check re-runs rules. */
  invalidate(): void {
    for (const e of this.entries.values()) e.fresh = false;
  }

  /** Runs the rules over one file with the current model. Never throws. */
  check(path: string, rules: readonly Rule[], settings: AnalyzerSettings, skip?: (path: string) => string | undefined): FileEntry | undefined {
    const e = this.entries.get(path);
    if (!e) return undefined;
    if (!e.doc && !e.contributionKey) this.parse(e);
    const skipped = skip?.(path);
    if (skipped || !e.doc) {
      e.findings = [];
      e.notices = skipped ? [{ kind: 'too-large', message: skipped }] : e.notices;
      e.fresh = true;
      return e;
    }
    try {
      const r = checkFile(e.doc, this.currentModel(), { rules, settings });
      resolveRelated(r.findings, this.docsFor(r.findings, e.doc));
      e.findings = sortFindings(r.findings);
      e.notices = [...e.doc.notices, ...r.notices];
    } catch (err) {
      // checkFile contains rule failures; this guards the engine itself so the server keeps serving.
      e.findings = [];
      e.notices = [{ kind: 'internal-error', message: `analysis failed: ${(err as Error).message}` }];
    }
    e.fresh = true;
    return e;
  }

  /** Paths whose findings point at `path` (their related locations), besides the file itself. */
  relatedTo(path: string): string[] {
    const out: string[] = [];
    for (const [p, e] of this.entries) if (p !== path && e.findings.some((f) => f.related?.some((r) => r.path === path))) out.push(p);
    return out;
  }

  private docsFor(findings: Finding[], self: ParsedFile): ParsedFile[] {
    const docs = [self];
    for (const f of findings) for (const r of f.related ?? []) {
      const d = this.entries.get(r.path)?.doc;
      if (d && !docs.includes(d)) docs.push(d);
    }
    return docs;
  }

  private currentModel(): ProjectModel {
    if (!this.model) {
      const parts: ModelContribution[] = [];
      for (const e of this.entries.values()) {
        // Files not parsed yet (after a layout change) are parsed now, so the model is complete.
        if (!e.doc && !e.contributionKey) this.parse(e);
        if (e.contribution) parts.push(e.contribution);
      }
      this.model = mergeModel(parts);
    }
    return this.model;
  }

  private parse(e: FileEntry, previous?: ParsedFile, live = false): void {
    let doc: ParsedFile | undefined;
    try {
      doc = parseFile(e.file, this.layout, { previous, live });
    } catch (err) {
      e.notices = [{ kind: 'internal-error', message: `parse failed: ${(err as Error).message}` }];
    }
    e.doc = doc;
    e.fresh = false;
    e.contribution = doc ? contribute(doc) : undefined;
    // '-' marks "parsed, contributes nothing", so an unparsed entry ('') is told apart.
    e.contributionKey = e.contribution ? contributionKey(e.contribution) : '-';
  }

  /**
   * The layout depends on the set of paths (Other/Solution.xml) and on the text of web resource
   * records. Only when it changes are all files re-classified and re-parsed.
   */
  private refreshLayoutIfNeeded(path: string, pathSetChanged: boolean): boolean {
    const relevant = /(^|\/)Other\/Solution\.xml$/i.test(path) || /\.data\.xml$/i.test(path);
    if (!relevant && !(pathSetChanged && this.layout.webResourceTypes.size > 0)) return false;
    return this.refreshLayout();
  }

  private refreshLayout(): boolean {
    const layout = buildLayout(this.paths(), (p) => this.entries.get(p)?.file.text);
    const key = stableKey({ roots: layout.solutionRoots, types: [...layout.webResourceTypes.entries()].sort() });
    if (key === this.layoutKey) return false;
    this.layout = layout;
    this.layoutKey = key;
    for (const e of this.entries.values()) {
      releaseParsed(e.doc);
      e.doc = undefined;
      e.contribution = undefined;
      e.contributionKey = '';
      e.fresh = false;
    }
    this.model = undefined;
    return true;
  }
}

/** JSON with Maps, Sets and object keys in a fixed order: equal data gives an equal key. */
export function stableKey(v: unknown, omit?: ReadonlySet<string>): string {
  return JSON.stringify(v, (k, x: unknown) => {
    if (omit?.has(k)) return undefined;
    if (x instanceof Map) return { $map: [...x.entries()].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)) };
    if (x instanceof Set) return { $set: [...x].sort() };
    if (x && typeof x === 'object' && !Array.isArray(x)) {
      const o = x as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    }
    return x;
  });
}

/**
 * The part of a contribution other files' findings depend on: spans (every `span` key) are left
 * out, so typing inside a class does not count as a model change.
 */
function contributionKey(c: ModelContribution): string {
  return stableKey({ ...c, path: '' }, POSITION_KEYS);
}

const POSITION_KEYS = new Set(['span']);
