import { describe, expect, it } from 'vitest';
import { analyzeProject, defaultSettings, defineRule, type Rule } from '../../server/src/core/index';

/** A rule that reports every JSON string value named "secret". */
const probe: Rule = defineRule({
  meta: {
    code: 'D365S999',
    name: 'probe-secret',
    category: 'hardcoded-secret',
    severity: 'error',
    kinds: ['json'],
    docs: { summary: 'probe', why: 'probe', bad: 'probe', good: 'probe', fix: 'probe' },
  },
  create(ctx) {
    return {
      strings(facts) {
        for (const f of facts) if (f.name === 'secret') ctx.report({ span: f.span, message: `secret ${f.value} is {secret}`, secret: f.value });
      },
    };
  },
});

const broken: Rule = defineRule({
  meta: { ...probe.meta, code: 'D365S998', name: 'probe-throws' },
  create() {
    return {
      json() {
        throw new Error('boom');
      },
    };
  },
});

const value = 'Zq8~s0meHighEntropyValue1234567890';

describe('engine', () => {
  it('reports with exact range and never keeps the value in the message', () => {
    const r = analyzeProject([{ path: 'a.json', text: `{\n  "secret": "${value}"\n}` }], { rules: [probe] });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.range.start).toEqual({ line: 1, character: 12 });
    expect(f.message).not.toContain(value);
    expect(f.message).toContain(f.redacted!);
  });
  it('keeps the fingerprint when lines move and changes it when the secret changes', () => {
    const a = analyzeProject([{ path: 'a.json', text: `{ "secret": "${value}" }` }], { rules: [probe] }).findings[0]!;
    const b = analyzeProject([{ path: 'a.json', text: `{\n\n\n  "other": 1,\n  "secret": "${value}" }` }], { rules: [probe] }).findings[0]!;
    const c = analyzeProject([{ path: 'a.json', text: `{ "secret": "${value}X" }` }], { rules: [probe] }).findings[0]!;
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });
  it('applies severity overrides and turns rules off', () => {
    const files = [{ path: 'a.json', text: `{ "secret": "${value}" }` }];
    expect(analyzeProject(files, { rules: [probe], settings: defaultSettings({ rules: { 'probe-secret': 'info' } }) }).findings[0]?.severity).toBe('info');
    expect(analyzeProject(files, { rules: [probe], settings: defaultSettings({ rules: { D365S999: 'off' } }) }).findings).toHaveLength(0);
  });
  it('contains a rule that throws and names it in a notice', () => {
    const r = analyzeProject([{ path: 'a.json', text: `{ "secret": "${value}" }` }], { rules: [broken, probe] });
    expect(r.findings).toHaveLength(1);
    expect(r.notices.some((n) => n.kind === 'internal-error' && n.message.includes('D365S998'))).toBe(true);
  });
  it('turns malformed JSON into one parse notice, not an exception', () => {
    const r = analyzeProject([{ path: 'flow.json', text: '{ "a": [1, 2,, "secret": ' }], { rules: [probe] });
    expect(r.findings).toHaveLength(0);
    expect(r.notices.filter((n) => n.kind === 'parse-error')).toHaveLength(1);
  });
  it('rejects rule codes and names that break the convention', () => {
    expect(() => defineRule({ ...probe, meta: { ...probe.meta, code: 'X1' } })).toThrow(/code/);
    expect(() => defineRule({ ...probe, meta: { ...probe.meta, name: 'NotKebab' } })).toThrow(/kebab/);
  });
});
