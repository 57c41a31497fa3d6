import type { AnalyzerSettings } from '../core/settings';
import type { Severity } from '../core/types';

/** d365sec.config.json as written (after validation). schemas/d365sec.config.schema.json describes it. */
export interface RawConfig {
  $schema?: string;
  /** Configs applied first, in order: relative paths or npm package names, resolved from this file's folder. */
  extends?: string[];
  /** Per rule code or name: a severity or 'off'. */
  rules?: Record<string, Severity | 'off'>;
  /** Globs (relative to the project root, the folder of the nearest config) of files never scanned. */
  ignore?: string[];
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  sensitiveNames?: string[];
  notSensitiveNames?: string[];
  maxFileSize?: number;
  hashKey?: string;
  /** Rule packs applied on every scan: JSON/YAML files or npm packages, resolved from this file's folder. */
  packs?: string[];
  suppressionsFile?: string;
  baseline?: string;
  reportUnusedSuppressions?: boolean;
}

/** A config file of the extends chain, with the folder its relative references resolve from. */
export interface LoadedConfigFile {
  file: string;
  dir: string;
  config: RawConfig;
}

/** A reference to a rule pack, kept with where it came from so errors can name the config. */
export interface PackRef {
  /** As written (`./rules/team.json`, `@contoso/d365sec-pack`). */
  spec: string;
  /** Folder the spec resolves from. */
  fromDir: string;
  /** The config that listed it, or `--rules` for the command line. */
  declaredIn: string;
}

/**
 * What the CLI and the language server need from the configuration. `settings` goes to the core
 * unchanged; the rest (ignore globs, packs, suppressions, baseline) stays outside it.
 */
export interface ResolvedConfig {
  /** Config files in the order they were applied (extended ones first); empty when none was found. */
  files: string[];
  /** Project root: the folder of the config that was found (or given), else the scanned folder. */
  root: string;
  settings: AnalyzerSettings;
  ignore: string[];
  gitignore: boolean;
  packs: PackRef[];
  /** Absolute path, or undefined when not configured. */
  suppressionsFile?: string;
  baseline?: string;
  reportUnusedSuppressions: boolean;
}

export const CONFIG_FILE_NAMES = ['d365sec.config.json', '.d365sec.json'] as const;
