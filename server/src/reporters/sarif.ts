// MINIMAL bootstrap SARIF; to be replaced by the full reporter (schema-valid, fingerprints, help).
import type { AnalysisResult } from '../core/engine';
import type { Rule } from '../core/rule';

export function toSarif(result: AnalysisResult, rules: readonly Rule[], _base: string): unknown {
  const index = new Map(rules.map((r, i) => [r.meta.code, i]));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'd365sec',
            rules: rules.map((r) => ({ id: r.meta.code, name: r.meta.name, properties: { tags: ['security', r.meta.category] } })),
          },
        },
        results: result.findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: index.get(f.code),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.path.split('/').map(encodeURIComponent).join('/') },
                region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1 },
              },
            },
          ],
        })),
      },
    ],
  };
}
