/** Baselines: write, read, compare; SARIF baselineState and automationDetails helpers. */
export {
  createBaseline,
  serialiseBaseline,
  validateBaseline,
  compareWithBaseline,
  keyCheckFor,
  identity,
  type Baseline,
  type BaselineEntry,
  type BaselineState,
  type BaselineComparison,
} from './baseline';
export { loadBaseline, writeBaselineFile } from './load';
export { absentResult, sarifBaselineState, automationDetails } from './sarif';
