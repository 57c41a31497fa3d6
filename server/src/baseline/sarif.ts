import type { BaselineEntry, BaselineState } from './baseline';

/**
 * SARIF pieces of a baseline comparison (SARIF 2.1.0 §3.27.24): each current result gets
 * `baselineState` 'new' or 'unchanged'; each absent entry becomes a result of its own with
 * `baselineState: 'absent'` and level 'none', so a viewer can show what was fixed.
 */
export function absentResult(e: BaselineEntry, ruleIndex?: number): Record<string, unknown> {
  const r: Record<string, unknown> = {
    ruleId: e.rule,
    level: 'none',
    baselineState: 'absent',
    message: { text: `No longer found: ${e.rule} in ${e.path}.` },
    locations: [{ physicalLocation: { artifactLocation: { uri: e.path.split('/').map(encodeURIComponent).join('/') } } }],
    partialFingerprints: { 'd365sec/v1': e.fingerprint },
  };
  if (ruleIndex !== undefined) r.ruleIndex = ruleIndex;
  return r;
}

export function sarifBaselineState(s: BaselineState): 'new' | 'unchanged' {
  return s;
}

/**
 * `run.automationDetails` (§3.17): GitHub code scanning keeps one analysis per id, so scans of
 * several folders of one repo (the solution, the BC app) don't replace each other's alerts.
 * The id is `category/run`; we derive the category from the scanned folder unless given.
 */
export function automationDetails(opts: { category?: string; scanned?: string; runId?: string }): { id: string } {
  const category = (opts.category ?? `d365sec/${(opts.scanned ?? '.').replace(/\\/g, '/').replace(/^\.\/?|\/$/g, '') || 'root'}`).replace(/\/+$/, '');
  return { id: `${category}/${opts.runId ?? ''}` };
}
