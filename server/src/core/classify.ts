import type { ArtifactKind, ArtifactRole } from './types';

/**
 * What the scanner knows about the tree before parsing any file: where unpacked solutions
 * live and which web resource type each `.data.xml` record declares.
 */
export interface ProjectLayout {
  /** Folders (relative, '' for the root) that hold an unpacked solution: they contain Other/Solution.xml. */
  solutionRoots: string[];
  /** Web resource content path -> language, from the WebResourceType of its `.data.xml` record. */
  webResourceTypes: Map<string, WebResourceLanguage>;
}

export type WebResourceLanguage = 'js' | 'html' | 'css' | 'xml' | 'other';

/**
 * WebResourceType codes of the WebResource table (formats.md §12): 1 HTML, 2 CSS, 3 JScript,
 * 4 XML, 5 PNG, 6 JPG, 7 GIF, 8 XAP, 9 XSL, 10 ICO, 11 SVG, 12 RESX.
 */
const WEBRESOURCE_TYPES: Record<string, WebResourceLanguage> = { '1': 'html', '2': 'css', '3': 'js', '4': 'xml', '9': 'xml', '11': 'xml' };

/**
 * Builds the layout from every path in the scan and the text of the `.data.xml` records (the
 * caller reads those few small files first; other files are not needed).
 */
export function buildLayout(paths: string[], dataXml: (path: string) => string | undefined = () => undefined): ProjectLayout {
  const solutionRoots: string[] = [];
  for (const p of paths) {
    const m = /^(?:(.*)\/)?Other\/Solution\.xml$/i.exec(p);
    if (m) solutionRoots.push(m[1] ?? '');
  }
  const webResourceTypes = new Map<string, WebResourceLanguage>();
  for (const p of paths) {
    if (!/\.data\.xml$/i.test(p) || !/(^|\/)WebResources\//i.test(p)) continue;
    const text = dataXml(p);
    const t = text && /<WebResourceType>\s*(\d+)\s*<\/WebResourceType>/i.exec(text)?.[1];
    if (t) webResourceTypes.set(p.slice(0, -'.data.xml'.length), WEBRESOURCE_TYPES[t] ?? 'other');
  }
  return { solutionRoots, webResourceTypes };
}

export const EMPTY_LAYOUT: ProjectLayout = { solutionRoots: [], webResourceTypes: new Map() };

export interface Classification {
  kind: ArtifactKind;
  role: ArtifactRole;
  /** For scripts: the dialect typescript-estree should parse. */
  language?: 'js' | 'ts' | 'jsx' | 'tsx';
}

/** Which solution root a path is under, and the path relative to it. */
export function solutionRelative(path: string, layout: ProjectLayout): string | undefined {
  let best: string | undefined;
  for (const root of layout.solutionRoots) {
    if (root === '' || path.startsWith(root + '/')) {
      if (best === undefined || root.length > best.length) best = root;
    }
  }
  if (best === undefined) return undefined;
  return best === '' ? path : path.slice(best.length + 1);
}

/**
 * Artifact kind and role from location and content. `head` is the first few hundred characters
 * of the decoded text (used where the extension is not enough: launch.json of AL, app.json).
 */
export function classify(path: string, head: string, layout: ProjectLayout = EMPTY_LAYOUT): Classification | undefined {
  const lower = path.toLowerCase();
  const base = lower.slice(lower.lastIndexOf('/') + 1);
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  const rel = solutionRelative(path, layout);
  const relLower = rel?.toLowerCase();

  // A web resource's language comes from its record, whatever the file is called.
  const wr = layout.webResourceTypes.get(path);
  if (wr === 'js') return { kind: 'script', role: 'webresource', language: ext === 'ts' ? 'ts' : 'js' };

  if (relLower !== undefined) {
    if (relLower === 'other/solution.xml') return { kind: 'xml', role: 'solution-manifest' };
    if (relLower === 'other/customizations.xml') return { kind: 'xml', role: 'customizations' };
    if (relLower === 'other/fieldsecurityprofiles.xml') return { kind: 'xml', role: 'field-security-profiles' };
    if (/^entities\/[^/]+\/entity\.xml$/.test(relLower)) return { kind: 'xml', role: 'entity' };
    if (/^entities\/[^/]+\/formxml\/.+\.xml$/.test(relLower)) return { kind: 'xml', role: 'form' };
    if (/^roles\/[^/]+\.xml$/.test(relLower)) return { kind: 'xml', role: 'role' };
    if (/^sdkmessageprocessingsteps\/.+\.xml$/.test(relLower)) return { kind: 'xml', role: 'plugin-step' };
    if (/^pluginassemblies\/.+\.data\.xml$/.test(relLower)) return { kind: 'xml', role: 'plugin-assembly' };
    if (/^environmentvariabledefinitions\/[^/]+\/environmentvariabledefinition\.xml$/.test(relLower))
      return { kind: 'xml', role: 'envvar-definition' };
    if (/^environmentvariabledefinitions\/[^/]+\/environmentvariablevalues\.json$/.test(relLower))
      return { kind: 'json', role: 'envvar-values' };
    if (/^workflows\/.+\.json$/.test(relLower)) return { kind: 'json', role: 'cloud-flow' };
    if (/^workflows\/.+\.data\.xml$/.test(relLower)) return { kind: 'xml', role: 'workflow-record' };
    if (/^webresources\/.+\.data\.xml$/.test(relLower)) return { kind: 'xml', role: 'webresource-record' };
    if (/^webresources\/.+\.(js|ts)$/.test(relLower)) return { kind: 'script', role: 'webresource', language: ext === 'ts' ? 'ts' : 'js' };
  }

  switch (ext) {
    case 'cs':
      return { kind: 'csharp', role: 'other' };
    case 'al':
      return { kind: 'al', role: 'al-object' };
    case 'js':
    case 'mjs':
    case 'cjs':
      return { kind: 'script', role: 'webresource', language: 'js' };
    case 'jsx':
      return { kind: 'script', role: 'webresource', language: 'jsx' };
    case 'ts':
    case 'mts':
    case 'cts':
      if (base.endsWith('.d.ts')) return undefined; // declarations hold no values
      return { kind: 'script', role: 'webresource', language: 'ts' };
    case 'tsx':
      return { kind: 'script', role: 'webresource', language: 'tsx' };
    case 'resx':
      return { kind: 'xml', role: 'resx' };
    case 'csproj':
    case 'vbproj':
    case 'props':
    case 'targets':
      return { kind: 'xml', role: 'msbuild' };
    case 'config':
      return { kind: 'xml', role: 'dotnet-config' };
    case 'xml':
    case 'xaml':
    case 'xlf':
    case 'xliff':
    case 'svg':
    case 'html':
    case 'htm':
      // Inline <script> blocks are parsed as JavaScript at their offsets in the page (parsers/script-html.ts).
      if (ext === 'html' || ext === 'htm') return { kind: 'script', role: 'webresource', language: 'js' };
      return { kind: 'xml', role: 'other' };
    case 'json':
    case 'jsonc':
      if (base === 'launch.json' && /"type"\s*:\s*"al"/i.test(head)) return { kind: 'json', role: 'al-launch' };
      if (base === 'app.json' && /"(idRanges|platform|runtime|application)"\s*:/i.test(head)) return { kind: 'json', role: 'al-app-manifest' };
      if (/^appsettings([.-].*)?\.json$/.test(base) || base === 'local.settings.json' || base === 'host.json')
        return { kind: 'json', role: 'app-settings' };
      if (base === 'package-lock.json' || base === 'npm-shrinkwrap.json') return undefined; // integrity hashes, no secrets
      return { kind: 'json', role: 'other' };
    case 'yml':
    case 'yaml':
      return { kind: 'text', role: /pipeline|(^|\/)\.github\/workflows\/|(^|\/)\.azure|(^|\/)\.pipelines\//.test(lower) ? 'pipeline' : 'other' };
    case 'ps1':
    case 'psm1':
    case 'psd1':
      return { kind: 'text', role: 'powershell' };
    case 'md':
    case 'txt':
    case 'rst':
      return { kind: 'text', role: 'docs' };
    case 'ini':
    case 'properties':
    case 'cfg':
    case 'conf':
    case 'toml':
    case 'sh':
    case 'bash':
    case 'cmd':
    case 'bat':
      return { kind: 'text', role: 'other' };
    default:
      if (base === '.env' || base.startsWith('.env.')) return { kind: 'text', role: 'dotenv' };
      if (base === 'dockerfile') return { kind: 'text', role: 'other' };
      return undefined;
  }
}
