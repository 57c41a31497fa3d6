/** Configuration: discovery, extends, validation, ignore filters. Everything here throws ConfigError for a user mistake. */
export { ConfigError, isConfigError } from './errors';
export type { RawConfig, ResolvedConfig, PackRef, LoadedConfigFile } from './types';
export { CONFIG_FILE_NAMES } from './types';
export { validateConfig } from './validate';
export { mergeConfigs } from './merge';
export { findConfigFile, loadConfig, readJsonFile, parseJsonText, type LoadOptions } from './load';
export { resolveSpec } from './module-resolve';
export { IgnoreMatcher, parseIgnorePatterns } from './gitignore';
export { buildIgnoreFilter } from './ignore';
