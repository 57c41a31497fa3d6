import type { AlDocument, CSharpDocument, JsonDocument, ParsedFile, ScriptDocument, TextDocument, XmlDocument } from './documents';
import type { ProjectModel } from '../model/project';
import type { AnalyzerSettings } from './settings';
import type { ArtifactKind, Category, ReportDescriptor, Severity, StringFact } from './types';

export interface RuleDocs {
  /** One sentence: what the rule finds. */
  summary: string;
  /** Why it matters: the attack or failure it prevents. */
  why: string;
  /** A short example that the rule reports (code or config as the user writes it). */
  bad: string;
  /** The same example fixed. */
  good: string;
  /** How to fix it, in prose. */
  fix: string;
  /** Look-alikes the rule deliberately does not report. */
  traps?: string;
  /** Further reading (Microsoft Learn, CWE). */
  references?: string[];
}

export interface RuleMeta {
  /** Stable code: D365 + category letter + three digits. Never reused. */
  code: string;
  /** kebab-case name that says what it finds. */
  name: string;
  category: Category;
  severity: Severity;
  /** The artifact kinds whose documents it visits (the engine skips the rest). */
  kinds: ArtifactKind[];
  docs: RuleDocs;
  /** The language server offers a quick fix for its findings. */
  fixable?: boolean;
  /** Language for the `bad`/`good` examples in generated docs (csharp, js, al, xml, json, text). */
  exampleLanguage?: string;
}

export interface RuleContext {
  file: ParsedFile;
  model: ProjectModel;
  settings: AnalyzerSettings;
  report(d: ReportDescriptor): void;
}

/**
 * Visitors over the shared tree: the engine calls the one matching the file's kind with the
 * parsed document, and `strings` with the string facts of every file of a visited kind.
 */
export interface RuleVisitors {
  csharp?(doc: CSharpDocument): void;
  script?(doc: ScriptDocument): void;
  al?(doc: AlDocument): void;
  xml?(doc: XmlDocument): void;
  json?(doc: JsonDocument): void;
  text?(doc: TextDocument): void;
  strings?(facts: StringFact[], doc: ParsedFile): void;
}

export interface Rule {
  meta: RuleMeta;
  create(ctx: RuleContext): RuleVisitors;
}

/** Identity function that gives rule modules their type and checks the contract early. */
export function defineRule(rule: Rule): Rule {
  const { code, name } = rule.meta;
  if (!/^D365[A-Z]\d{3}$/.test(code)) throw new Error(`rule ${name}: code ${code} is not D365<letter><3 digits>`);
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) throw new Error(`rule ${code}: name ${name} is not kebab-case`);
  return rule;
}
