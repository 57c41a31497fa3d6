/**
 * The contract between the engine, the parsers, the project model and the rules.
 *
 * Everything here is editor-free and file-system-free: the CLI, the language server and the
 * tests hand the core file *contents*; the core never reads a disk, never imports `vscode`,
 * `vscode-languageserver` or `node:fs`.
 *
 * Positions are UTF-16 code-unit offsets into the decoded text (what JS strings index), so a
 * finding's line and column are exact whatever the file's encoding, BOM or line endings.
 */

/** The seven public categories of ../shared/labels.md. Stable: they appear in SARIF tags. */
export const CATEGORIES = [
  'hardcoded-secret',
  'hidden-sensitive-field',
  'overbroad-privilege',
  'insecure-transport',
  'legacy-auth',
  'audit-disabled',
  'unprotected-secret',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/**
 * Artifact kinds. Each file gets exactly one kind and is parsed once into the matching document.
 * - csharp: .cs (tree-sitter C# tree)
 * - script: JS/TS web resources (typescript-estree)
 * - al: Business Central AL objects (our tolerant parser)
 * - xml: every XML file (solution components, App.config, .resx, .csproj, RelayConfig...)
 * - json: every JSON file (flows, appsettings, launch.json, app.json, env-var values)
 * - text: everything else we read as structured text (.env, YAML, PowerShell, Markdown, .ini)
 */
export type ArtifactKind = 'csharp' | 'script' | 'al' | 'xml' | 'json' | 'text';

/**
 * What a file is within a Dynamics project, beyond its syntax. Decided from location and
 * content (classify.ts): an unpacked solution is recognised by Other/Solution.xml.
 */
export type ArtifactRole =
  // unpacked solution components
  | 'solution-manifest' // Other/Solution.xml
  | 'customizations' // Other/Customizations.xml
  | 'field-security-profiles' // Other/FieldSecurityProfiles.xml
  | 'entity' // Entities/<name>/Entity.xml
  | 'form' // Entities/<name>/FormXml/<type>/{guid}.xml
  | 'role' // Roles/*.xml
  | 'plugin-step' // SdkMessageProcessingSteps/*.xml
  | 'plugin-assembly' // PluginAssemblies/**/*.data.xml
  | 'envvar-definition' // environmentvariabledefinitions/<name>/environmentvariabledefinition.xml
  | 'envvar-values' // environmentvariabledefinitions/<name>/environmentvariablevalues.json
  | 'cloud-flow' // Workflows/*.json
  | 'webresource-record' // WebResources/**/*.data.xml
  | 'workflow-record' // Workflows/*.data.xml
  | 'webresource' // a web resource's content (JS/TS/HTML) inside or outside a solution
  // Business Central
  | 'al-app-manifest' // app.json with an AL "idRanges"/"runtime"/"platform"
  | 'al-launch' // .vscode/launch.json with "type": "al"
  | 'al-object' // *.al
  // .NET and hosting configuration
  | 'dotnet-config' // App.config / web.config / *.exe.config
  | 'app-settings' // appsettings*.json, local.settings.json
  | 'resx' // *.resx
  | 'msbuild' // *.csproj / *.props / *.targets
  | 'pipeline' // azure-pipelines*.yml, .github/workflows/*.yml
  | 'dotenv' // .env, .env.*
  | 'powershell' // *.ps1, *.psm1
  | 'docs' // *.md, *.txt
  | 'other';

export interface SourceFile {
  /** Path relative to the scan root, with `/` separators. Used in reports and for classification. */
  path: string;
  /** Decoded text, BOM removed. */
  text: string;
  /** Encoding the text was decoded from ('utf-8', 'utf-16le', 'utf-16be', 'windows-1252'). */
  encoding?: string;
  /** Document version in the editor; the CLI leaves it undefined. */
  version?: number;
}

/** Zero-based line and UTF-16 character, like LSP. Reporters add 1 where their format wants it. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** An offset span into SourceFile.text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A string value the parsers found, with the context a secret rule needs. Every parser extracts
 * these from its tree so that credential rules work the same over C#, JS, AL, XML, JSON and text.
 */
export interface StringFact {
  /** The value as the program sees it: escapes decoded, concatenations and constants resolved. */
  value: string;
  /** Where to report it: the literal, or the whole concatenation / multi-line construct. */
  span: Span;
  /**
   * The name the value is bound to: variable, field, constant, property, JSON key, XML attribute
   * or element name, `key` of an appSettings `<add>`, AL label name, named argument, .env key.
   */
  name?: string;
  /** The dotted path to the value in JSON / YAML / XML (`ConnectionStrings.Nightly`). */
  path?: string;
  /** When the value is an argument: the callee as written (`new ClientSecretCredential`, `fetch`, `SetPassword`). */
  callee?: string;
  /** 0-based argument position when `callee` is set. */
  argIndex?: number;
  /** How the value was written. */
  origin: 'literal' | 'concat' | 'template' | 'constant' | 'xml-attr' | 'xml-text' | 'json' | 'text' | 'comment';
  /** Set when the value sits in a comment (C#, JS, AL, XML): commented-out code or docs. */
  inComment?: boolean;
  /**
   * Set when the value is not entirely literal: interpolation holes or concatenated
   * non-literal expressions were replaced by the placeholder U+FFFC.
   */
  partial?: boolean;
  /** For resolved constants: where the constant is defined (the finding is reported there). */
  definedAt?: { path: string; span: Span };
}

export const HOLE = '\uFFFC';

/** A problem the parser met. A parse failure is data, not an exception. */
export interface ParseNotice {
  kind: 'parse-error' | 'decode' | 'binary' | 'too-large' | 'minified' | 'read-error' | 'internal-error' | 'encoding';
  message: string;
  span?: Span;
}

/** Base of every parsed document: the kind-specific `tree` plus shared views. */
export interface ParsedFileBase {
  file: SourceFile;
  kind: ArtifactKind;
  role: ArtifactRole;
  lines: LineIndexLike;
  /** String values with context, from the tree (never from a regex over the raw text when a tree exists). */
  strings: StringFact[];
  /** Comment spans (used for suppressions and to tell commented-out code from code). */
  comments: Span[];
  notices: ParseNotice[];
  /** True when the tree could not be built; rules that need the tree skip the file. */
  failed: boolean;
}

export interface LineIndexLike {
  positionAt(offset: number): Position;
  offsetAt(pos: Position): number;
  lineCount: number;
  lineText(line: number): string;
}

/** A finding as rules report it. The engine adds rule metadata, range and fingerprint. */
export interface ReportDescriptor {
  span: Span;
  /** Message text. Must not contain the secret: put the secret in `secret` and write `{secret}`. */
  message: string;
  /**
   * The secret value (or the sensitive text) this finding is about. Used only for redaction and
   * the keyed fingerprint; reporters never print it.
   */
  secret?: string;
  /** Stable context for the fingerprint when there is no secret (e.g. `role:Sales Rep/prvCreateUser`). */
  key?: string;
  /** Another place of a cross-file finding (the plug-in that reads the step's configuration). */
  related?: { path: string; span: Span; message: string }[];
  /** Data a quick fix needs (secret kind, variable name, suggested Key Vault secret name...). */
  fixData?: Record<string, unknown>;
}

export interface Finding {
  code: string; // rule code, e.g. D365S001
  rule: string; // kebab-case rule name
  category: Category;
  severity: Severity;
  path: string;
  span: Span;
  range: Range;
  message: string; // already redacted
  /** Redacted form of the secret (`AbC1…#3f9a2c1b`), if any. */
  redacted?: string;
  /** Keyed hash of rule + normalised secret or context; stable across line moves. */
  fingerprint: string;
  /** Other places of a cross-file finding; `range` is filled once the other file's lines are known. */
  related?: { path: string; span: Span; range?: Range; message: string }[];
  fixData?: Record<string, unknown>;
  suppressed?: { kind: 'inSource' | 'external'; justification: string };
}

export interface ProjectModelLike {
  // Defined in ../model/project.ts; kept structural here to avoid an import cycle.
  [key: string]: unknown;
}
