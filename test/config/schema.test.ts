import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../server/src/config/index';
import { validatePack } from '../../server/src/declarative/index';
import { validateSuppressionsFile } from '../../server/src/suppressions/index';

const root = path.resolve(__dirname, '../..');
const json = (p: string): unknown => JSON.parse(readFileSync(path.join(root, p), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });

describe('shipped JSON Schemas agree with the hand-written validators', () => {
  const config = ajv.compile(json('schemas/d365sec.config.schema.json') as object);
  const pack = ajv.compile(json('schemas/rule-pack.schema.json') as object);
  const supp = ajv.compile(json('schemas/suppressions.schema.json') as object);

  it('the example team pack and config are valid for both', () => {
    expect(pack(json('examples/team-pack/rules.json')), JSON.stringify(pack.errors)).toBe(true);
    expect(() => validatePack(json('examples/team-pack/rules.json'), 'rules.json')).not.toThrow();
    expect(config(json('examples/team-pack/d365sec.config.json')), JSON.stringify(config.errors)).toBe(true);
    expect(() => validateConfig(json('examples/team-pack/d365sec.config.json'), 'c.json')).not.toThrow();
  });

  it.each([
    { rules: { D365S001: 'fatal' } },
    { unknown: 1 },
    { maxFileSize: 0 },
    { extends: 3 },
    { packs: [''] },
  ])('both reject config %j', (c) => {
    expect(config(c)).toBe(false);
    expect(() => validateConfig(c, 'c.json')).toThrow();
  });

  it.each([
    { extends: 'a' },
    { extends: ['a', 'b'], rules: { D365S001: 'off', 'credential-literal': 'info' }, gitignore: false, reportUnusedSuppressions: true },
  ])('both accept config %j', (c) => {
    expect(config(c)).toBe(true);
    expect(() => validateConfig(c, 'c.json')).not.toThrow();
  });

  const rule = { id: 'TEAM001', name: 'r', category: 'legacy-auth', severity: 'info', message: 'm', files: ['*'], regex: 'a', mustMatch: ['a'], mustNotMatch: ['b'] };
  it.each([
    { ...rule, category: 'secrets' },
    { ...rule, id: 'team1' },
    { ...rule, mustMatch: [] },
    { ...rule, strings: { name: 'x' } },
    { ...rule, files: [] },
  ])('both reject rule %j', (r) => {
    expect(pack({ name: 'p', rules: [r] })).toBe(false);
    expect(() => validatePack({ name: 'p', rules: [r] }, 'p.json')).toThrow();
  });

  it('suppressions file schema', () => {
    const ok = { version: 1, suppressions: [{ rule: 'D365S001', path: 'a.json', fingerprint: 'abcdef0123456789', justification: 'j', owner: 'o', expires: '2030-01-01' }] };
    expect(supp(ok)).toBe(true);
    expect(() => validateSuppressionsFile(ok, 's')).not.toThrow();
    const bad = { version: 1, suppressions: [{ rule: 'D365S001', path: 'a.json', owner: 'o' }] };
    expect(supp(bad)).toBe(false);
    expect(() => validateSuppressionsFile(bad, 's')).toThrow();
  });
});
