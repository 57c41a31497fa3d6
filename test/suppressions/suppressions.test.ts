import { describe, expect, it } from 'vitest';
import { analyzeProject, buildLayout, type Finding } from '../../server/src/core/index';
import { compilePack, validatePack } from '../../server/src/declarative/index';
import {
  applyInlineSuppressions,
  applySuppressionsFile,
  entryFor,
  parseDirectives,
  sarifSuppressions,
  serialiseSuppressionsFile,
  validateSuppressionsFile,
} from '../../server/src/suppressions/index';

// A declarative rule that reports every TOKEN_<digits> in any file: the suppression logic is
// independent of which rule reported, and this keeps the cases readable.
const rules = compilePack(
  validatePack(
    {
      name: 't',
      rules: [
        { id: 'TEAM001', name: 'team-token', category: 'hardcoded-secret', severity: 'error', message: 'token {secret}', files: ['**'], regex: 'TOKEN_[0-9]+', mustMatch: ['TOKEN_1'], mustNotMatch: ['x'] },
        { id: 'TEAM002', name: 'team-host', category: 'insecure-transport', severity: 'warning', message: 'host', files: ['**'], regex: 'HOST_[0-9]+', mustMatch: ['HOST_1'], mustNotMatch: ['x'] },
      ],
    },
    't.json',
  ),
  't.json',
);

function run(path: string, text: string, opts: Parameters<typeof applyInlineSuppressions>[2] = {}) {
  const files = [{ path, text }];
  const r = analyzeProject(files, { rules, layout: buildLayout([path], () => text) });
  const notices = applyInlineSuppressions(r.findings, files, { isKnownRule: (c) => ['TEAM001', 'TEAM002', 'team-token', 'team-host'].includes(c), ...opts });
  const state = r.findings.map((f) => `${f.range.start.line + 1}:${f.code}:${f.suppressed ? 'S' : 'open'}`);
  return { findings: r.findings, state, notices };
}

describe('inline directives in every comment syntax', () => {
  it.each([
    ['a.cs', '// d365sec-disable-next-line TEAM001 -- test fixture\nvar a = "TOKEN_1";\nvar b = "TOKEN_2";\n'],
    ['a.js', '/* d365sec-disable-next-line TEAM001 -- test fixture */\nconst a = "TOKEN_1";\nconst b = "TOKEN_2";\n'],
    ['a.ts', '// d365sec-disable-next-line team-token -- by name\nconst a = "TOKEN_1";\nconst b = "TOKEN_2";\n'],
    ['Cu.Codeunit.al', '// d365sec-disable-next-line TEAM001 -- test fixture\nLabel: Label \'TOKEN_1\';\nLabel2: Label \'TOKEN_2\';\n'],
    ['App.config', '<a>\n<!-- d365sec-disable-next-line TEAM001 -- test fixture -->\n<add value="TOKEN_1"/>\n<add value="TOKEN_2"/></a>\n'],
    ['pipeline.yml', 'a: 1\n# d365sec-disable-next-line TEAM001 -- test fixture\nkey: TOKEN_1\nother: TOKEN_2\n'],
    ['deploy.ps1', '# d365sec-disable-next-line TEAM001 -- test fixture\n$k = "TOKEN_1"\n$o = "TOKEN_2"\n'],
    ['.env', '# d365sec-disable-next-line TEAM001 -- test fixture\nK=TOKEN_1\nO=TOKEN_2\n'],
  ])('disable-next-line in %s', (path, text) => {
    const { state, notices } = run(path, text);
    expect(notices).toEqual([]);
    expect(state.filter((s) => s.endsWith(':S'))).toHaveLength(1);
    expect(state.filter((s) => s.endsWith(':open'))).toHaveLength(1);
  });

  it('disable-line, with several codes, and the justification reaches SARIF', () => {
    const { findings, state } = run('a.js', 'const a = "TOKEN_1" + "HOST_1"; // d365sec-disable-line TEAM001, TEAM002 -- rotated in INC-4411\nconst b = "TOKEN_2";\n');
    expect(state).toEqual(['1:TEAM001:S', '1:TEAM002:S', '2:TEAM001:open']);
    expect(sarifSuppressions(findings[0]!)).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'rotated in INC-4411' }]);
  });

  it('block disable ... enable, per code', () => {
    const text = [
      'const a = "TOKEN_1";',
      '/* d365sec-disable TEAM001 TEAM002 -- generated test data */',
      'const b = "TOKEN_2" + "HOST_2";',
      '// d365sec-enable TEAM002',
      'const c = "TOKEN_3" + "HOST_3";',
      '// d365sec-enable TEAM001',
      'const d = "TOKEN_4";',
    ].join('\n');
    expect(run('a.js', text).state).toEqual(['1:TEAM001:open', '3:TEAM001:S', '3:TEAM002:S', '5:TEAM001:S', '5:TEAM002:open', '7:TEAM001:open']);
  });

  it('a multi-line block comment: next-line is the line after the comment', () => {
    const { state } = run('a.js', '/*\n * d365sec-disable-next-line TEAM001 -- fixture\n */\nconst a = "TOKEN_1";\n');
    expect(state).toEqual(['4:TEAM001:S']);
  });

  it('a directive in a string is not a directive', () => {
    const { state } = run('a.js', 'const s = "d365sec-disable-line TEAM001 -- nope"; const a = "TOKEN_1";\n');
    expect(state).toEqual(['1:TEAM001:open']);
  });

  it('no reason: nothing is suppressed and D365X001 says why', () => {
    const { state, notices } = run('a.cs', '// d365sec-disable-next-line TEAM001\nvar a = "TOKEN_1";\n');
    expect(state).toEqual(['2:TEAM001:open']);
    expect(notices.map((n) => [n.code, n.name, n.range?.start.line])).toEqual([['D365X001', 'suppression-without-reason', 0]]);
    expect(notices[0]!.message).toMatch(/has no reason/);
  });

  it('no rule named (D365X005) and unknown rules (D365X003)', () => {
    const { notices } = run('a.cs', '// d365sec-disable-next-line -- why\nvar a = "TOKEN_1"; // d365sec-disable-line D365Q999 -- typo\n');
    expect(notices.map((n) => n.code).sort()).toEqual(['D365X003', 'D365X005']);
  });

  it('unused suppressions are reported only when asked (D365X002)', () => {
    const text = '// d365sec-disable-next-line TEAM001, TEAM002 -- fixture\nvar a = "TOKEN_1";\n';
    expect(run('a.cs', text).notices).toEqual([]);
    const { notices } = run('a.cs', text, { reportUnused: true });
    expect(notices.map((n) => `${n.code} ${n.message}`)).toEqual(['D365X002 d365sec-disable-next-line TEAM002 suppresses nothing; remove it']);
  });

  it('uses parser comment spans when given', () => {
    const text = 'x = "d365sec-disable-next-line TEAM001 -- a"\n';
    expect(parseDirectives('a.js', text)).toHaveLength(0);
    expect(parseDirectives('a.js', text, [{ start: 5, end: 44 }])).toHaveLength(1);
  });
});

describe('the suppressions file', () => {
  const findingsOf = (text: string): Finding[] => analyzeProject([{ path: 'flows/f.json', text }], { rules }).findings;

  it('suppresses by rule + path + fingerprint, externally, until it expires', () => {
    const fs = findingsOf('{ "a": "TOKEN_1", "b": "TOKEN_2" }');
    const sf = validateSuppressionsFile({ version: 1, suppressions: [entryFor(fs[0]!, { justification: 'test tenant', owner: 'alice@contoso.com', expires: '2030-01-31' })] }, 's.json');
    expect(applySuppressionsFile(fs, sf, { file: 's.json', today: '2030-01-31' })).toEqual([]);
    expect(fs.map((f) => f.suppressed?.kind)).toEqual(['external', undefined]);
    expect(fs[0]!.suppressed!.justification).toBe('test tenant (owner: alice@contoso.com, expires 2030-01-31)');

    const later = findingsOf('{ "a": "TOKEN_1", "b": "TOKEN_2" }');
    const n = applySuppressionsFile(later, sf, { file: 's.json', today: '2030-02-01' });
    expect(later.every((f) => !f.suppressed)).toBe(true);
    expect(n.map((x) => [x.code, x.key])).toEqual([['D365X004', 'suppressions[0]']]);
  });

  it('a glob path without fingerprint covers a rule in generated files; unused entries are reported on request', () => {
    const fs = findingsOf('{ "a": "TOKEN_1", "b": "HOST_2" }');
    const sf = validateSuppressionsFile(
      { version: 1, suppressions: [{ rule: 'team-token', path: 'flows/**', justification: 'generated', owner: 'build' }, { rule: 'TEAM001', path: 'other.json', justification: 'x', owner: 'y' }] },
      's.json',
    );
    const n = applySuppressionsFile(fs, sf, { file: 's.json', reportUnused: true, today: '2026-01-01' });
    expect(fs.map((f) => `${f.code}:${f.suppressed?.kind ?? '-'}`)).toEqual(['TEAM001:external', 'TEAM002:-']);
    expect(n.map((x) => x.code)).toEqual(['D365X002']);
  });

  it('stores no secret, sorts stably', () => {
    const fs = findingsOf('{ "a": "TOKEN_123456", "b": "TOKEN_999999" }');
    const text = serialiseSuppressionsFile({ version: 1, suppressions: fs.reverse().map((f) => entryFor(f, { justification: 'j', owner: 'o' })) });
    expect(text).not.toContain('TOKEN_');
    expect(serialiseSuppressionsFile(validateSuppressionsFile(JSON.parse(text), 's.json'))).toBe(text);
  });

  it.each([
    [{ version: 2, suppressions: [] }, /s\.json: version: must be 1/],
    [{ version: 1, suppressions: [{ rule: 'X', path: 'p', owner: 'o' }] }, /suppressions\[0\]\.justification: is required/],
    [{ version: 1, suppressions: [{ rule: 'X', path: 'p', owner: 'o', justification: 'j', expires: '2026-02-30' }] }, /suppressions\[0\]\.expires: must be a date/],
    [{ version: 1, suppressions: [{ rule: 'X', path: 'p', owner: 'o', justification: 'j', fingerprint: 'secret!' }] }, /fingerprint: must be the hex/],
  ])('broken file %j names the key', (raw, msg) => {
    expect(() => validateSuppressionsFile(raw, 's.json')).toThrow(msg);
  });
});
