// A small part of the project model for Business Central apps: which folders hold an app.json,
// and where the AL source of each app holds a hard-coded secret. The app.json rules read it to
// tell an app whose published source would give a secret away from one that holds none. It works
// from the AL parser's string facts when there are any, and from a light literal scan otherwise.
import type { ParsedFile } from '../core/documents';
import type { Span, StringFact } from '../core/types';
import { isCredentialName, looksLikeSecretValue } from '../../../rules/hardcoded-secret/credential-literal';

/** Provider shapes that are secrets whatever they are called (formats.md §16). */
const PROVIDER = /[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}|-----BEGIN (?:RSA |EC |OPENSSH |ENCRYPTED )?PRIVATE KEY-----|AccountKey=[A-Za-z0-9+/]{86}==|SharedAccessKey=[A-Za-z0-9+/]{40,}/;

/** The same judgement as credential-literal: a provider-shaped value, or a secret-looking value of a credential name. */
function isSecretFact(f: StringFact): boolean {
  return PROVIDER.test(f.value) || (isCredentialName(f.name) && looksLikeSecretValue(f.value, true));
}

export interface AlAppSecret {
  path: string;
  span: Span;
  /** The label, variable or constant that holds it. */
  name?: string;
}

export interface AlAppContribution {
  /** Folder ('' for the root) of an AL app manifest. */
  manifestFolder?: string;
  secrets?: AlAppSecret[];
}

export interface AlAppModel {
  /** Folders that hold an app.json, longest first. */
  appFolders: string[];
  secrets: AlAppSecret[];
}

export function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function contributeAlApp(doc: ParsedFile): AlAppContribution | undefined {
  if (doc.role === 'al-app-manifest') return { manifestFolder: folderOf(doc.file.path) };
  if (doc.kind !== 'al') return undefined;
  const facts = doc.strings.length > 0 ? doc.strings : scanAlLiterals(doc.file.text);
  const secrets: AlAppSecret[] = [];
  for (const f of facts) {
    if (f.inComment || f.origin === 'comment' || f.definedAt) continue;
    if (!isSecretFact(f)) continue;
    const s: AlAppSecret = { path: doc.file.path, span: f.span };
    if (f.name) s.name = f.name;
    secrets.push(s);
  }
  return secrets.length > 0 ? { secrets } : undefined;
}

export function mergeAlApp(parts: AlAppContribution[]): AlAppModel {
  const folders = new Set<string>();
  const secrets: AlAppSecret[] = [];
  for (const p of parts) {
    if (p.manifestFolder !== undefined) folders.add(p.manifestFolder);
    secrets.push(...(p.secrets ?? []));
  }
  return { appFolders: [...folders].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)), secrets };
}

/** The app (folder of the nearest app.json above it) a file belongs to. */
export function appFolderOf(model: AlAppModel, path: string): string | undefined {
  return model.appFolders.find((f) => f === '' || path.startsWith(f + '/'));
}

/** Hard-coded secrets in the AL source of the app whose app.json is in `folder`. */
export function secretsOfApp(model: AlAppModel, folder: string): AlAppSecret[] {
  return model.secrets.filter((s) => appFolderOf(model, s.path) === folder);
}

/**
 * AL string literals with the name they are bound to: `Name: Label 'v'`, `Name := 'v'`, and
 * unnamed literals elsewhere. Comments (`//`, `/* *\/`) are skipped. Used only until (or when) the
 * AL parser gives no string facts.
 */
export function scanAlLiterals(text: string): StringFact[] {
  const out: StringFact[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    if (c === '"') {
      // quoted identifier
      const e = text.indexOf('"', i + 1);
      i = e < 0 ? n : e + 1;
      continue;
    }
    if (c !== "'") {
      i++;
      continue;
    }
    let j = i + 1;
    let value = '';
    while (j < n) {
      if (text[j] === "'") {
        if (text[j + 1] === "'") {
          value += "'";
          j += 2;
          continue;
        }
        break;
      }
      if (text[j] === '\n') break;
      value += text[j];
      j++;
    }
    const end = Math.min(j + 1, n);
    const before = text.slice(Math.max(0, i - 200), i);
    const label = /("?)([A-Za-z_][\w ]*?)\1\s*:\s*Label\s*$/i.exec(before);
    const assign = /("?)([A-Za-z_][\w ]*?)\1\s*:=\s*$/.exec(before);
    const f: StringFact = { value, span: { start: i, end }, origin: 'literal' };
    const name = label?.[2] ?? assign?.[2];
    if (name) f.name = name.trim();
    out.push(f);
    i = end;
  }
  return out;
}
