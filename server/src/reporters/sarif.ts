import { pathToFileURL } from 'node:url';
import type { AnalysisResult } from '../core/engine';
import type { Rule } from '../core/rule';
import type { Finding, Severity } from '../core/types';

const DOCS = 'https://github.com/d365sec/d365sec/blob/main/docs/rules/';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub code scanning reads `security-severity` (0-10) to rank security alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.5', warning: '6.0', info: '3.0' };

/** Relative path with each segment percent-encoded (spaces, braces of solution GUID file names). */
export function toUri(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

function region(r: Finding['range']) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** SARIF 2.1.0 log of a scan. `root` is the folder paths are relative to (SRCROOT). */
export function toSarif(result: AnalysisResult, rules: readonly Rule[], root: string, version = '0.1.0'): unknown {
  const index = new Map(rules.map((r, i) => [r.meta.code, i]));
  let base = pathToFileURL(root).href;
  if (!base.endsWith('/')) base += '/';
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'd365sec',
            version,
            informationUri: 'https://github.com/d365sec/d365sec',
            rules: rules.map((r) => ({
              id: r.meta.code,
              name: r.meta.name,
              shortDescription: { text: r.meta.docs.summary },
              fullDescription: { text: r.meta.docs.why },
              help: {
                text: `${r.meta.docs.why}\n\nFix: ${r.meta.docs.fix}`,
                markdown: `${r.meta.docs.why}\n\n**Example**\n\n\`\`\`\n${r.meta.docs.bad}\n\`\`\`\n\n**Fix**: ${r.meta.docs.fix}\n\n\`\`\`\n${r.meta.docs.good}\n\`\`\``,
              },
              helpUri: `${DOCS}${r.meta.name}.md`,
              defaultConfiguration: { level: LEVEL[r.meta.severity] },
              properties: { tags: ['security', r.meta.category], category: r.meta.category, 'security-severity': SECURITY_SEVERITY[r.meta.severity], precision: 'high' },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: base } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.notices.map((n) => ({
              level: n.kind === 'internal-error' ? 'error' : 'warning',
              message: { text: n.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: toUri(n.path), uriBaseId: 'SRCROOT' } } }],
            })),
          },
        ],
        results: result.findings.map((f) => ({
          ruleId: f.code,
          ...(index.has(f.code) ? { ruleIndex: index.get(f.code) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: toUri(f.path), uriBaseId: 'SRCROOT' }, region: region(f.range) } }],
          ...(f.related?.length
            ? {
                relatedLocations: f.related.map((r, i) => ({
                  id: i + 1,
                  message: { text: r.message },
                  physicalLocation: { artifactLocation: { uri: toUri(r.path), uriBaseId: 'SRCROOT' }, ...(r.range ? { region: region(r.range) } : {}) },
                })),
              }
            : {}),
          partialFingerprints: { 'd365sec/v1': f.fingerprint },
        })),
      },
    ],
  };
}
