import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithBaseline, createBaseline, loadBaseline, serialiseBaseline, validateBaseline, writeBaselineFile, absentResult } from '../../server/src/baseline/index';
import { copyExample, readSources, scanFiles } from '../team/helpers';

describe('baseline on a copy of the example', () => {
  it('gates only new findings: moved code stays unchanged, a swapped secret is new, the file holds no secret', () => {
    const dir = copyExample();
    const first = scanFiles(readSources(dir));
    expect(first.findings.length).toBeGreaterThan(0);
    const file = path.join(dir, 'd365sec.baseline.json');
    writeBaselineFile(file, createBaseline(first.findings));
    const text = readFileSync(file, 'utf8');

    // No secret value, no message, no line, no timestamp.
    for (const f of first.findings) {
      if (f.redacted) expect(text).not.toContain(f.redacted);
    }
    expect(text).not.toMatch(/"(line|message|time|date)/i);
    const sources = readSources(dir);
    for (const f of first.findings) {
      const src = sources.find((s) => s.path === f.path)!;
      const span = src.text.slice(f.span.start, f.span.end);
      if (span.length >= 12 && f.category === 'hardcoded-secret') expect(text).not.toContain(span);
    }

    // Same scan: everything unchanged.
    const same = compareWithBaseline(scanFiles(readSources(dir)).findings, loadBaseline(file), { file });
    expect(same.newFindings).toEqual([]);
    expect(same.absent).toEqual([]);

    // Insert lines above every finding of one file: still unchanged.
    // A script literal that is the secret itself (so we can swap it below).
    const target = first.findings.find((f) => {
      if (f.category !== 'hardcoded-secret' || !f.redacted || !/\.js$/.test(f.path)) return false;
      const t = sources.find((s) => s.path === f.path)!.text.slice(f.span.start, f.span.end);
      return /^["']?[\w+/=~.-]{16,}["']?$/.test(t);
    })!;
    expect(target).toBeDefined();
    const abs = path.join(dir, target.path);
    const original = readFileSync(abs, 'utf8');
    writeFileSync(abs, '// moved\n// moved\n' + original.replace(/\n/, '\n\n\n'));
    const moved = compareWithBaseline(scanFiles(readSources(dir)).findings, loadBaseline(file), { file });
    expect(moved.newFindings.map((f) => `${f.path}:${f.code}`)).toEqual([]);

    // Swap the secret for another value of the same shape: new.
    const src = readSources(dir).find((s) => s.path === target.path)!;
    const again = scanFiles(readSources(dir)).findings.find((f) => f.fingerprint === target.fingerprint)!;
    const secret = src.text.slice(again.span.start, again.span.end);
    const swapped = secret.replace(/[A-Za-z0-9]/g, (c, i: number) => (i % 3 === 0 ? (/\d/.test(c) ? String((Number(c) + 1) % 10) : c === 'z' ? 'a' : c === 'Z' ? 'A' : String.fromCharCode(c.charCodeAt(0) + 1)) : c));
    writeFileSync(abs, src.text.slice(0, again.span.start) + swapped + src.text.slice(again.span.end));
    const cmp = compareWithBaseline(scanFiles(readSources(dir)).findings, loadBaseline(file), { file });
    expect(cmp.newFindings.map((f) => f.path)).toContain(target.path);
    expect(cmp.absent.map((e) => e.fingerprint)).toContain(target.fingerprint);
  });

  it('is sorted, stable, one entry per line and round-trips', () => {
    const dir = copyExample('webresources');
    const b = createBaseline(scanFiles(readSources(dir)).findings.reverse());
    const text = serialiseBaseline(b);
    expect(serialiseBaseline(createBaseline(scanFiles(readSources(dir)).findings))).toBe(text);
    expect(serialiseBaseline(validateBaseline(JSON.parse(text), 'b.json'))).toBe(text);
    const lines = text.split('\n').filter((l) => l.includes('"fingerprint"'));
    expect(lines.length).toBe(b.findings.length);
    expect([...b.findings].map((e) => e.path)).toEqual([...b.findings].map((e) => e.path).sort());
  });
});

describe('identity details', () => {
  const f = (fingerprint: string, extra: object = {}) => ({ code: 'D365S001', rule: 'r', category: 'hardcoded-secret' as const, severity: 'error' as const, path: 'a.cs', span: { start: 0, end: 1 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm', fingerprint, ...extra });

  it('counts duplicates: a third copy of a baselined pair is new', () => {
    const b = createBaseline([f('aa'), f('aa')]);
    expect(b.findings).toEqual([{ rule: 'D365S001', path: 'a.cs', fingerprint: 'aa', count: 2 }]);
    const cmp = compareWithBaseline([f('aa'), f('aa'), f('aa')], b, { file: 'b.json' });
    expect(cmp.results.map((r) => r.baselineState)).toEqual(['unchanged', 'unchanged', 'new']);
  });

  it('leaves suppressed findings out of the baseline and out of the gate', () => {
    const b = createBaseline([f('aa', { suppressed: { kind: 'inSource', justification: 'j' } })]);
    expect(b.findings).toEqual([]);
    expect(compareWithBaseline([f('aa', { suppressed: { kind: 'inSource', justification: 'j' } })], b, { file: 'b' }).newFindings).toEqual([]);
  });

  it('refuses a baseline written with another hash key, naming the file', () => {
    const b = createBaseline([f('aa')], 'team-key');
    expect(() => compareWithBaseline([f('aa')], b, { file: 'base.json', hashKey: 'other' })).toThrow(/base\.json: keyCheck: .*another hash key/);
  });

  it('absent entries become SARIF results with baselineState absent', () => {
    expect(absentResult({ rule: 'D365S001', path: 'a b/c.cs', fingerprint: 'ff' }, 3)).toMatchObject({ ruleId: 'D365S001', ruleIndex: 3, baselineState: 'absent', level: 'none', locations: [{ physicalLocation: { artifactLocation: { uri: 'a%20b/c.cs' } } }] });
  });

  it('a broken baseline names the file and key', () => {
    expect(() => validateBaseline({ version: 1, keyCheck: 'x', findings: [{ rule: 'a', path: 'p' }] }, 'b.json')).toThrow('b.json: findings[0].fingerprint: is required');
  });
});
