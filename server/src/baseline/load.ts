import { writeFileSync } from 'node:fs';
import { readJsonFile } from '../config/load';
import { serialiseBaseline, validateBaseline, type Baseline } from './baseline';

export function loadBaseline(file: string): Baseline {
  return validateBaseline(readJsonFile(file), file);
}

export function writeBaselineFile(file: string, b: Baseline): void {
  writeFileSync(file, serialiseBaseline(b), 'utf8');
}
