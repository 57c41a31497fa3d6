/**
 * One lane of a scan: reads, decodes and parses the files it is given, keeps their documents,
 * and later checks them against the merged project model. The main thread runs one in-process
 * (always, and alone with --jobs 1); each worker thread runs one. The lane is the same code in
 * both places, and every output carries the file's index in the scan order, so the merged report
 * does not depend on how the files were split: --jobs 1 and --jobs N print the same bytes.
 *
 * Only plain data crosses a lane's boundary (items, contributions, findings, notices): it is what
 * postMessage can clone.
 */
import { checkFile, contribute, decode, parseFile, resolveRelated, type Finding, type ModelContribution, type ParsedFile, type ProjectLayout, type ProjectModel, type Rule } from '../core/index';
import type { AnalyzerSettings } from '../core/settings';
import type { ParseNotice, Position, Span } from '../core/types';
import { readBytes } from './files';

/** A file to scan: on disk (`abs`) or already in memory (`text`, an entry of a zip). */
export interface ShardItem {
  index: number;
  rel: string;
  abs?: string;
  text?: string;
  encoding?: string;
}

/** A notice with where it sorts: file index, then stage (0 read, 1 parse, 2 check). */
export interface ShardNotice {
  index: number;
  stage: number;
  path: string;
  message: string;
  kind?: ParseNotice['kind'];
}

/** A file whose text has a suppression directive, with the comment spans the parser found. */
export interface InlineCandidate {
  index: number;
  path: string;
  text: string;
  comments?: Span[];
}

export interface ParseOutput {
  contributions: ModelContribution[];
  notices: ShardNotice[];
  inline: InlineCandidate[];
  /** Paths of the documents this lane holds (for related locations in other lanes' findings). */
  docPaths: string[];
  analyzed: number;
}

export interface CheckOutput {
  findings: { index: number; findings: Finding[] }[];
  notices: ShardNotice[];
}

export interface PositionRequest {
  path: string;
  offsets: number[];
}

export class Shard {
  private docs: { index: number; doc: ParsedFile }[] = [];

  constructor(
    private layout: ProjectLayout,
    private rules: readonly Rule[],
    private settings: AnalyzerSettings | undefined,
    private maxFileSize: number,
  ) {}

  parse(items: ShardItem[]): ParseOutput {
    const out: ParseOutput = { contributions: [], notices: [], inline: [], docPaths: [], analyzed: 0 };
    for (const item of items) {
      const note = (stage: number, message: string, kind?: ParseNotice['kind']) => out.notices.push({ index: item.index, stage, path: item.rel, message, kind });
      let text = item.text;
      let encoding = item.encoding;
      if (text === undefined) {
        let bytes: Uint8Array;
        try {
          bytes = readBytes(item.abs!);
        } catch (e) {
          note(0, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; not scanned`, 'read-error');
          continue;
        }
        // The walk checked the size; a file that grew since is still not read past the limit.
        if (bytes.length > this.maxFileSize) {
          note(0, tooLarge(bytes.length, this.maxFileSize), 'too-large');
          continue;
        }
        const d = decode(bytes);
        for (const n of d.notices) note(0, n.message, n.kind);
        if (d.text === undefined) continue;
        text = d.text;
        encoding = d.encoding;
      }
      const file = { path: item.rel, text, encoding };
      let doc: ParsedFile | undefined;
      try {
        doc = parseFile(file, this.layout);
      } catch (e) {
        // parseFile contains parser errors; this catches what escapes it (a stack overflow in classification).
        note(1, `parser failed: ${(e as Error).message}`, 'internal-error');
      }
      if (text.includes('d365sec-')) out.inline.push({ index: item.index, path: item.rel, text, comments: doc?.comments });
      if (!doc) continue;
      for (const n of doc.notices) note(1, n.message, n.kind);
      this.docs.push({ index: item.index, doc });
      out.docPaths.push(item.rel);
      out.analyzed++;
      out.contributions.push(contribute(doc));
    }
    return out;
  }

  /** Runs the rules over every document of this lane; related ranges are filled where this lane holds the file. */
  check(model: ProjectModel): CheckOutput {
    const out: CheckOutput = { findings: [], notices: [] };
    const opts = { rules: this.rules, settings: this.settings };
    for (const { index, doc } of this.docs) {
      let r: { findings: Finding[]; notices: ParseNotice[] };
      try {
        r = checkFile(doc, model, opts);
      } catch (e) {
        r = { findings: [], notices: [{ kind: 'internal-error', message: `rules failed: ${(e as Error).message}` }] };
      }
      for (const n of r.notices) out.notices.push({ index, stage: 2, path: doc.file.path, message: n.message, kind: n.kind });
      if (r.findings.length) out.findings.push({ index, findings: r.findings });
    }
    resolveRelated(
      out.findings.flatMap((x) => x.findings),
      this.docs.map((d) => d.doc),
    );
    return out;
  }

  /** Positions of offsets in documents this lane holds: the related locations another lane reported. */
  positions(reqs: PositionRequest[]): (Position[] | undefined)[] {
    const byPath = new Map(this.docs.map((d) => [d.doc.file.path, d.doc] as const));
    return reqs.map((r) => {
      const d = byPath.get(r.path);
      return d ? r.offsets.map((o) => d.lines.positionAt(o)) : undefined;
    });
  }
}

export function tooLarge(size: number, limit: number): string {
  return `${size} bytes, larger than the limit of ${limit} (--max-file-size / maxFileSize); not scanned`;
}
