import { decode } from '../core/decode';
import type { SourceFile } from '../core/types';
import { readZip, type ZipLimits } from './zip';

/**
 * A solution zip as scan input: each entry becomes a SourceFile named `<zip path>/<entry name>`,
 * so findings and SARIF locations point inside the archive (`dist/Contoso_1_0.zip/Other/Solution.xml`).
 * Nested archives (canvas apps' .msapp) are not opened.
 */
export interface ArchiveNotice {
  path: string;
  kind: 'zip-error' | 'too-large' | 'encrypted' | 'unsupported' | 'binary';
  message: string;
}

export function isArchivePath(path: string): boolean {
  return /\.zip$/i.test(path);
}

export function archiveSourceFiles(zipPath: string, bytes: Uint8Array, opts: { maxFileSize?: number; limits?: Partial<ZipLimits> } = {}): { files: SourceFile[]; notices: ArchiveNotice[] } {
  const limits: Partial<ZipLimits> = { ...opts.limits };
  if (opts.maxFileSize !== undefined && limits.maxEntrySize === undefined) limits.maxEntrySize = opts.maxFileSize;
  const r = readZip(bytes, limits);
  const notices: ArchiveNotice[] = r.notices.map((n) => ({ path: n.entry ? `${zipPath}/${n.entry}` : zipPath, kind: n.kind, message: n.message }));
  const files: SourceFile[] = [];
  for (const e of r.entries) {
    const path = `${zipPath}/${e.name}`;
    const d = decode(e.data);
    if (d.text === undefined) continue; // images, DLLs: not text, nothing to say
    const f: SourceFile = { path, text: d.text };
    if (d.encoding) f.encoding = d.encoding;
    files.push(f);
  }
  return { files, notices };
}
