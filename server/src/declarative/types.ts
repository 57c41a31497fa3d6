import type { ArtifactKind, Category, Severity } from '../core/types';

/**
 * A rule pack as written (JSON or YAML). schemas/rule-pack.schema.json describes it for editors;
 * validate.ts checks it with messages that name the rule.
 */
export interface RulePackSpec {
  $schema?: string;
  /** Pack name (npm package name, or any label); shown in SARIF and errors. */
  name: string;
  version?: string;
  description?: string;
  rules: DeclarativeRuleSpec[];
}

/** A self-test: a snippet (matched by the regex directly) or a file run through the whole engine. */
export type Example = string | { path: string; code: string };

export interface StringsMatcher {
  /** Regex over the name the value is bound to (variable, JSON key, XML attribute, `<add key>`). */
  name?: string;
  /** Dotted glob over the value's path in JSON / YAML / XML: `**.appSettings.add`, `ConnectionStrings.*`. */
  path?: string;
  /** Regex over the value. */
  value?: string;
  /** Regex over the callee when the value is an argument (`fetch`, `new HttpClient`). */
  callee?: string;
  /** Also values inside comments (default false: commented-out code is another rule's business). */
  inComments?: boolean;
}

export interface DeclarativeRuleSpec {
  /** The rule's code in reports and SARIF: upper-case letters and digits, unique, not a built-in code. */
  id: string;
  /** kebab-case name. */
  name: string;
  category: Category;
  severity: Severity;
  /** What a finding says. `{secret}` becomes the redacted secret, `{name}` the name it is bound to. */
  message: string;
  description?: string;
  /** Globs of the files it applies to (a glob without `/` matches the file name anywhere). */
  files: string[];
  exclude?: string[];
  /** Artifact kinds it visits; default all. Needed only to narrow `strings` matchers. */
  kinds?: ArtifactKind[];
  /** Raw-text matcher (RE2 syntax). */
  regex?: string;
  /** Letters: i (ignore case), s (dot matches newline). `^`/`$` always match at line ends. */
  flags?: string;
  /** The group holding the secret (name or number); default the group named `secret`, else the whole match. */
  secretGroup?: string | number;
  /** Structured matcher over the string values every parser extracts (XML attributes, JSON keys, code literals). */
  strings?: StringsMatcher;
  mustMatch: Example[];
  mustNotMatch: Example[];
  docs?: { why?: string; fix?: string; references?: string[] };
}
