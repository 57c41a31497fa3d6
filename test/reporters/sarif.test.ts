import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { analyzeProject } from '../../server/src/core/index';
import { toSarif, toUri } from '../../server/src/reporters/sarif';
import { builtinRules } from '../../rules/index';

const schema = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/sarif-schema-2.1.0.json'), 'utf8'));

describe('SARIF reporter', () => {
  const result = analyzeProject(
    [
      { path: 'cfg/app settings/appsettings.json', text: '{\n  "Sso": { "TokenEndpoint": "http://sso.contoso.com/adfs/oauth2/token" },\n  "ServicePassword": "r9-Vq2kLw7Xz"\n}' },
      { path: 'flows/{1234}.json', text: '{ "a": [1,, ' },
    ],
    { rules: builtinRules },
  );
  const log = toSarif(result, builtinRules, '/repo') as any;

  it('validates against the official SARIF 2.1.0 schema', () => {
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    const ok = ajv.validate(schema, log);
    expect(ajv.errors ?? [], JSON.stringify(ajv.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
  });

  it('tags rules with their category and links their docs', () => {
    const r = log.runs[0].tool.driver.rules.find((x: any) => x.id === 'D365S001');
    expect(r.properties.tags).toContain('hardcoded-secret');
    expect(r.helpUri).toMatch(/docs\/rules\/credential-literal\.md$/);
    expect(r.properties['security-severity']).toMatch(/^\d+\.\d$/);
  });

  it('gives results relative percent-encoded URIs under SRCROOT, a region and fingerprints', () => {
    const res = log.runs[0].results;
    expect(res.length).toBe(2);
    for (const x of res) {
      expect(x.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'cfg/app%20settings/appsettings.json', uriBaseId: 'SRCROOT' });
      expect(x.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
      expect(x.partialFingerprints['d365sec/v1']).toMatch(/^[0-9a-f]{16}$/);
      expect(log.runs[0].tool.driver.rules[x.ruleIndex].id).toBe(x.ruleId);
    }
    expect(log.runs[0].originalUriBaseIds.SRCROOT.uri).toBe('file:///repo/');
    expect(JSON.stringify(log)).not.toContain('r9-Vq2kLw7Xz');
  });

  it('reports parse notices as tool execution notifications', () => {
    const n = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(n[0].locations[0].physicalLocation.artifactLocation.uri).toBe(toUri('flows/{1234}.json'));
    expect(toUri('flows/{1234}.json')).toBe('flows/%7B1234%7D.json');
  });
});
