/**
 * `Permissions` / `InherentPermissions` values: `tabledata "G/L Entry" = RIMD, codeunit * = X`
 * (formats.md §15.3, §15.4). Letters: R read, I insert, M modify, D delete, X execute; upper case
 * is direct, lower case indirect. Object-level InherentPermissions is just letters (`RIMDX`).
 */
import type { Span } from '../core/types';
import type { AlPermissionEntry, AlProperty } from './al-ast';

const ENTRY = /(tabledata|table|codeunit|page|report|query|xmlport|system)\s+("([^"]*)"|\*|[A-Za-z_][A-Za-z0-9_]*|\d+)\s*=\s*([RIMDXrimdx]+)/gi;

export function parsePermissionEntries(p: AlProperty): AlPermissionEntry[] {
  const out: AlPermissionEntry[] = [];
  const base = p.valueSpan.start;
  ENTRY.lastIndex = 0;
  for (let m = ENTRY.exec(p.value); m; m = ENTRY.exec(p.value)) {
    // value is trimmed; valueSpan starts at the first non-blank character of the value text
    const start = base + m.index;
    const span: Span = { start, end: start + m[0].length };
    out.push({ objectType: m[1]!.toLowerCase(), objectName: m[3] ?? m[2]!, rights: m[4]!, span });
  }
  return out;
}

/** Direct (upper case) letters of a rights string. */
export function directRights(rights: string): string {
  return rights.replace(/[^RIMDX]/g, '');
}
