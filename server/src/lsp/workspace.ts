/**
 * File-system side of the server (the core never touches a disk): walking a workspace folder in
 * the background without blocking requests, reading and decoding files, mapping URIs to paths.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decode } from '../core/decode';

/** Folders that never hold project sources (same idea as the CLI's walker). */
const SKIP_DIRS = new Set(['.git', 'node_modules', 'bin', 'obj', '.vs', 'dist', 'out', '.alpackages', '.snapshots', 'packages', 'TestResults']);

export function uriToFsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fsPathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/** `/` separated path of `abs` relative to `root`, or undefined when outside it. */
export function relativeTo(root: string, abs: string): string | undefined {
  const rel = path.relative(root, abs);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/**
 * Every file under `root` (relative paths), yielding to the event loop between folders so a
 * large workspace never holds up a didChange. `stop()` true ends the walk early.
 */
export async function listFiles(root: string, stop: () => boolean = () => false): Promise<string[]> {
  const out: string[] = [];
  const queue = [root];
  while (queue.length && !stop()) {
    const dir = queue.shift()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) queue.push(abs);
      } else if (e.isFile()) {
        const rel = relativeTo(root, abs);
        if (rel) out.push(rel);
      }
    }
  }
  return out;
}

/** Reads and decodes a file; undefined for binary, unreadable or too large files. */
export async function readText(abs: string, maxSize: number): Promise<string | undefined> {
  try {
    const st = await fsp.stat(abs);
    if (!st.isFile() || st.size > maxSize) return undefined;
    const bytes = await fsp.readFile(abs);
    return decode(bytes).text;
  } catch {
    return undefined;
  }
}
