import { readJsonFile } from '../config/load';
import { validateSuppressionsFile, type SuppressionsFile } from './file';

/** Reads and validates a suppressions file; ConfigError (exit 2) names the file and the key. */
export function loadSuppressionsFile(file: string): SuppressionsFile {
  return validateSuppressionsFile(readJsonFile(file), file);
}
