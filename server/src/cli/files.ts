import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Folders that never hold project sources. */
const SKIP_DIRS = new Set(['.git', 'node_modules', 'bin', 'obj', '.vs', 'dist', 'out', '.alpackages', '.snapshots', 'packages', 'TestResults']);

export interface WalkEntry {
  rel: string;
  abs: string;
  /** Size in bytes from the walk's stat, so the size limit and the split over workers need no second stat. */
  size: number;
}

/**
 * Every file under the roots, as paths relative to `base` with `/` separators, sorted. Symbolic
 * links are followed (a linked shared folder is part of the project), but a folder is entered once:
 * a link back to an ancestor (a loop) or a second link to the same folder gets a notice and is not
 * walked again, so a loop can neither hang the scan nor repeat its files.
 */
export function walk(roots: string[], base: string, notices: { path: string; message: string }[] = []): WalkEntry[] {
  const out: WalkEntry[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const visit = (abs: string, isRoot: boolean): void => {
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      // A dangling link or a file removed mid-walk: worth a word only when the user named it.
      const code = (e as NodeJS.ErrnoException).code;
      if (isRoot || code === 'ELOOP' || code === 'EACCES') notices.push({ path: toRel(base, abs) || abs, message: `cannot read: ${code ?? (e as Error).message}` });
      return;
    }
    if (st.isDirectory()) {
      if (!isRoot && SKIP_DIRS.has(path.basename(abs))) return;
      const id = `${st.dev}:${st.ino}`;
      if (seenDirs.has(id)) {
        notices.push({ path: toRel(base, abs) || abs, message: `folder already scanned through another path (symbolic link ${describeLink(abs)}); not scanned again` });
        return;
      }
      seenDirs.add(id);
      let entries: string[] = [];
      try {
        entries = readdirSync(abs);
      } catch (e) {
        notices.push({ path: toRel(base, abs) || abs, message: `cannot list folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
        return;
      }
      for (const e of entries.sort()) visit(path.join(abs, e), false);
    } else if (st.isFile()) {
      // The same file named twice (overlapping roots, a file link) is read once.
      const id = `${st.dev}:${st.ino}`;
      if (seenFiles.has(id)) return;
      seenFiles.add(id);
      out.push({ rel: toRel(base, abs), abs, size: st.size });
    }
  };
  for (const r of roots) visit(path.resolve(r), true);
  return out;
}

function describeLink(abs: string): string {
  try {
    return `to ${realpathSync(abs)}`;
  } catch {
    return 'loop';
  }
}

export function toRel(base: string, abs: string): string {
  const rel = path.relative(path.resolve(base), abs);
  return rel.split(path.sep).join('/');
}

export function readBytes(abs: string): Uint8Array {
  return readFileSync(abs);
}
