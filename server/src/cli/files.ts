import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Folders that never hold project sources. */
const SKIP_DIRS = new Set(['.git', 'node_modules', 'bin', 'obj', '.vs', 'dist', 'out', '.alpackages', '.snapshots', 'packages', 'TestResults']);

/** Every file under the roots, as paths relative to `base` with `/` separators, sorted. */
export function walk(roots: string[], base: string): { rel: string; abs: string }[] {
  const out: { rel: string; abs: string }[] = [];
  const visit = (abs: string): void => {
    let st;
    try {
      st = statSync(abs);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      if (SKIP_DIRS.has(path.basename(abs)) && abs !== path.resolve(base)) return;
      let entries: string[] = [];
      try {
        entries = readdirSync(abs);
      } catch {
        return;
      }
      for (const e of entries.sort()) visit(path.join(abs, e));
    } else if (st.isFile()) {
      out.push({ rel: toRel(base, abs), abs });
    }
  };
  for (const r of roots) visit(path.resolve(r));
  return out;
}

export function toRel(base: string, abs: string): string {
  const rel = path.relative(path.resolve(base), abs);
  return rel.split(path.sep).join('/');
}

export function readBytes(abs: string): Uint8Array {
  return readFileSync(abs);
}
