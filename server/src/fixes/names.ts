/**
 * Names a fix derives from context. Names the user must choose are clear placeholders
 * (YOUR-KEY-VAULT) unless the project already says them (a vault URI in another file).
 */
import type { ProjectFiles } from './types';

/** The identifier the value is bound to, read from the text just before the span. */
export function boundName(text: string, start: number, fallback?: unknown): string {
  const before = text.slice(Math.max(0, start - 200), start);
  const patterns = [
    /["']?([A-Za-z_][\w.-]*)["']?\s*(?::|=|=>)\s*(?:\(\s*)?$/, // name = / "name": / name:
    /<add\s+[^>]*\bkey\s*=\s*"([^"]+)"[^>]*\bvalue\s*=\s*"?$/i, // <add key="x" value="
    /<([A-Za-z_][\w.-]*)(?:\s[^>]*)?>\s*$/, // <Element>value
    /([A-Za-z_]\w*)\s*:\s*Label\s*$/i, // AL label
    /\(\s*["']([^"']+)["']\s*,\s*$/, // Add('x-api-key', value)
  ];
  for (const re of patterns) {
    const m = re.exec(before);
    if (m?.[1]) return lastSegment(m[1]);
  }
  return typeof fallback === 'string' && fallback ? lastSegment(fallback) : 'Secret';
}

function lastSegment(n: string): string {
  const parts = n.split('.').filter(Boolean);
  return parts[parts.length - 1] ?? n;
}

export function words(name: string): string[] {
  return name
    .replace(/^[a-z]{2,8}_(?=[A-Z])/, '') // publisher prefix cnt_ErpApiKey
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase())
    .filter((w, i, all) => !(i === all.length - 1 && /^(tok|txt|lbl|label|const)$/.test(w) && all.length > 1));
}

/** `erp-api-key`: the Key Vault secret name (letters, digits and dashes only). */
export function kebab(name: string): string {
  return words(name).join('-') || 'secret';
}

/** `ErpApiKey` */
export function pascal(name: string): string {
  return words(name).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Secret';
}

/** Publisher prefix of the solution: from existing environment variables, else Solution.xml, else `new`. */
export function publisherPrefix(files: ProjectFiles): string {
  for (const p of files.paths()) {
    const m = /(?:^|\/)environmentvariabledefinitions\/([a-z0-9]{2,8})_[^/]+\//i.exec(p);
    if (m) return m[1]!;
  }
  for (const p of files.paths()) {
    if (!/(^|\/)Other\/Solution\.xml$/i.test(p)) continue;
    const m = /<CustomizationPrefix>\s*([a-z0-9]{2,8})\s*</i.exec(files.read(p) ?? '');
    if (m) return m[1]!;
  }
  return 'new';
}

/** Schema name of the Dataverse environment variable: `cnt_ErpApiKey`. */
export function envVarSchemaName(name: string, files: ProjectFiles): string {
  const prefix = publisherPrefix(files);
  const p = pascal(name);
  return `${prefix}_${p}`;
}

export const VAULT_PLACEHOLDER = 'https://YOUR-KEY-VAULT.vault.azure.net/';

/** A Key Vault URI the project already uses (a constant, an app setting), else the placeholder. */
export function vaultUri(files: ProjectFiles, preferNear?: string): string {
  const re = /https:\/\/([a-z0-9][a-z0-9-]{1,22}[a-z0-9])\.vault\.azure\.net\/?/i;
  const order = files.paths().sort((a, b) => sharedPrefix(b, preferNear) - sharedPrefix(a, preferNear));
  for (const p of order) {
    if (!/\.(cs|json|config|xml|js|ts|al|yml|yaml)$/i.test(p)) continue;
    const m = re.exec(files.read(p) ?? '');
    if (m) return `https://${m[1]!.toLowerCase()}.vault.azure.net/`;
  }
  return VAULT_PLACEHOLDER;
}

function sharedPrefix(a: string, b?: string): number {
  if (!b) return 0;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function join(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/** The nearest file matching `re` in the folder of `path` or above it. */
export function nearest(files: ProjectFiles, path: string, re: RegExp): string | undefined {
  const all = files.paths();
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const hit = all.find((p) => dirname(p) === dir && re.test(p));
    if (hit) return hit;
    if (dir === '') return undefined;
  }
}

/** Indentation of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(ls))![0];
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
