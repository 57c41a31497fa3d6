import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeProject, buildLayout } from '../../server/src/core/index';
import { ConfigError } from '../../server/src/config/errors';
import { compilePack, compileRegex, loadPacks, readPackFile, resolvePackArg, validatePack, verifyPack, type RulePackSpec } from '../../server/src/declarative/index';
import { builtinRules } from '../../rules/index';

const TEAM = path.resolve(__dirname, '../../examples/team-pack');
const scan = (rules: ReturnType<typeof compilePack>, files: Record<string, string>) => {
  const list = Object.entries(files).map(([p, text]) => ({ path: p, text }));
  return analyzeProject(list, { rules, layout: buildLayout(list.map((f) => f.path), (p) => files[p]) });
};
const basePack = (rule: Record<string, unknown>): unknown => ({
  name: 'test-pack',
  rules: [{ id: 'TEAM001', name: 'team-rule', category: 'insecure-transport', severity: 'warning', message: 'found {match}', files: ['*.js'], mustMatch: ['x'], mustNotMatch: ['y'], ...rule }],
});

describe('the example team pack', () => {
  it('passes verify-rules', async () => {
    const file = resolvePackArg(TEAM, process.cwd());
    const report = await verifyPack(readPackFile(file), file);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.rules).toBe(3);
  });

  it('reports under its own ids, redacts the secret, fingerprints on the secret', () => {
    const file = path.join(TEAM, 'rules.json');
    const rules = compilePack(readPackFile(file), file);
    const key = 'ctso_live_4fQ9zL2mXv8RtY1bN6cW0pKs3dHj7GaE';
    const r = scan(rules, {
      'src/a.js': `// header\nconst k = "${key}";\nfetch("http://erp.corp.contoso.com/x");\n`,
      'src/b.txt': `const k = "${key}";\n`, // not in files
      'tools/App.config': '<configuration><appSettings><add key="Db.Password" value="Winter2024!x"/></appSettings></configuration>',
    });
    const codes = r.findings.map((f) => `${f.path}:${f.range.start.line + 1}:${f.code}`);
    expect(codes).toEqual(['src/a.js:2:CONTOSO001', 'src/a.js:3:CONTOSO002', 'tools/App.config:1:CONTOSO003']);
    expect(JSON.stringify(r.findings)).not.toContain(key);
    expect(JSON.stringify(r.findings)).not.toContain('Winter2024!x');
    expect(r.findings[0]!.message).toMatch(/ctso…#[0-9a-f]{8}/);
    expect(r.findings[2]!.message).toContain('Db.Password');
    // Moving the key down keeps the fingerprint; another key changes it.
    const moved = scan(rules, { 'src/a.js': `\n\n\nconst k = "${key}";\n` }).findings[0]!;
    const other = scan(rules, { 'src/a.js': `const k = "${key.replace('4fQ9', 'ZZZZ')}";\n` }).findings[0]!;
    expect(moved.fingerprint).toBe(r.findings[0]!.fingerprint);
    expect(other.fingerprint).not.toBe(r.findings[0]!.fingerprint);
  });

  it('cannot reuse a built-in code or an id of another pack', () => {
    const ref = { spec: './rules.json', fromDir: TEAM, declaredIn: 'cfg.json' };
    expect(() => loadPacks([ref, { ...ref, spec: './rules.json/../rules.json' }], builtinRules.map((r) => r.meta.code))).toThrow(/CONTOSO001 is already defined/);
  });
});

describe('regexes run on RE2', () => {
  it('a catastrophic pattern (a+)+$ finishes in linear time', () => {
    const rx = compileRegex('(a+)+$');
    const text = 'a'.repeat(1_000_000) + 'b';
    const t = performance.now();
    expect(rx.findAll(text, { limit: 10 })).toHaveLength(0);
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('a slow-but-linear pattern hits the per-file budget and the rule says so, the scan goes on', () => {
    const spec = basePack({ regex: '(?:.*a){500}b' });
    const rules = compilePack(validatePack(spec, 'p.json'), 'p.json', { budgetMs: 200 });
    const t = performance.now();
    const r = scan(rules, { 'a.js': 'abcdefgh '.repeat(200_000), 'b.js': 'x' });
    const ms = performance.now() - t;
    expect(ms).toBeLessThan(10_000);
    const n = r.notices.find((x) => x.path === 'a.js' && x.kind === 'internal-error');
    expect(n?.message).toMatch(/TEAM001 team-rule failed: its regex ran longer than 200 ms/);
    expect(r.notices.filter((x) => /TEAM001/.test(x.message))).toHaveLength(1);
  });

  it.each([
    ['(?=a)b', /rules\[0\]\.regex: rule TEAM001: .*lookahead/],
    ['(a)\\1', /backreferences are not supported/],
    ['a++', /possessive/],
    ['(a', /missing closing \)/],
    ['x*', /matches the empty string/],
    ['(?:.*a){900}b', /instructions/],
    ['(a{1000}){1000}', /invalid repeat count/],
  ])('unsupported syntax %s is a ConfigError naming the rule', (regex, msg) => {
    const spec = validatePack(basePack({ regex }), 'p.json');
    let err: unknown;
    try {
      compilePack(spec, 'p.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(msg);
    expect((err as ConfigError).file).toBe('p.json');
  });

  it('finds matches across window boundaries exactly once, with UTF-16 offsets', () => {
    const rx = compileRegex('KEY[0-9]{4}');
    const filler = ('é😀 ' + 'z'.repeat(90) + '\n').repeat(400);
    const text = filler + 'KEY1234' + filler + 'KEY5678' + filler;
    const ms = rx.findAll(text, { limit: 100 });
    expect(ms.map((m) => text.slice(m.start, m.end))).toEqual(['KEY1234', 'KEY5678']);
  });
});

describe('pack validation names the rule and the key', () => {
  it.each([
    [{ category: 'secrets' }, /rules\[0\]\.category: rule TEAM001: category must be one of/],
    [{ id: 'd365' }, /rules\[0\]\.id: rule d365: id must be/],
    [{ mustMatch: [] }, /rules\[0\]\.mustMatch: rule TEAM001: mustMatch needs at least one example/],
    [{ regex: undefined }, /exactly one matcher/],
    [{ regex: 'a', strings: { name: 'x' } }, /exactly one matcher/],
    [{ category: 'hardcoded-secret', regex: 'a', message: 'oops {match}' }, /\{match\} would print the secret/],
    [{ regex: 'a', frobnicate: 1 }, /rules\[0\]\.frobnicate: rule TEAM001: unknown key/],
  ])('%j', (rule, msg) => {
    const raw = basePack({ regex: 'a', ...rule }) as RulePackSpec;
    if ((rule as { regex?: unknown }).regex === undefined && 'regex' in rule) delete (raw.rules[0] as { regex?: string }).regex;
    expect(() => validatePack(raw, 'pack.json')).toThrow(msg);
  });
});

describe('verify-rules', () => {
  it('fails (without printing the example) when a mustMatch example does not match', async () => {
    const spec = validatePack(basePack({ regex: 'tok_[0-9]{8}', mustMatch: ['tok_1234'], mustNotMatch: ['nothing'] }), 'p.json');
    const r = await verifyPack(spec, 'p.json');
    expect(r.ok).toBe(false);
    expect(r.failures).toEqual([{ rule: 'TEAM001', where: 'mustMatch[0]', problem: 'the rule does not report this example' }]);
  });

  it('fails when a mustNotMatch example matches, and when a file example is outside "files"', async () => {
    const spec = validatePack(basePack({ regex: 'tok_[0-9]{4}', mustMatch: [{ path: 'a.cs', code: 'tok_1234' }], mustNotMatch: ['tok_9999'] }), 'p.json');
    const r = await verifyPack(spec, 'p.json');
    expect(r.failures.map((f) => f.where)).toEqual(['mustMatch[0]', 'mustNotMatch[0]']);
    expect(r.failures[0]!.problem).toMatch(/not matched by "files"/);
  });

  it('reports a rule that does not compile instead of throwing', async () => {
    const spec = validatePack(basePack({ regex: '(?!x)' }), 'p.json');
    const r = await verifyPack(spec, 'p.json');
    expect(r.ok).toBe(false);
    expect(r.failures[0]!.where).toBe('rules[0].regex');
  });
});

describe('YAML packs', () => {
  it('parse like JSON', async () => {
    const { parsePackText } = await import('../../server/src/declarative/index');
    const raw = parsePackText(
      'name: y\nrules:\n  - id: TEAM002\n    name: y-rule\n    category: legacy-auth\n    severity: info\n    message: m\n    files: ["*.ps1"]\n    regex: "Basic [A-Za-z0-9+/=]{8,}"\n    mustMatch: ["Authorization: Basic dXNlcjpwYXNz"]\n    mustNotMatch: ["Authorization: Bearer x"]\n',
      'p.yaml',
    );
    const r = await verifyPack(validatePack(raw, 'p.yaml'), 'p.yaml');
    expect(r.ok).toBe(true);
  });
});
