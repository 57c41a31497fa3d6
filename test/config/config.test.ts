import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIgnoreFilter, ConfigError, findConfigFile, IgnoreMatcher, loadConfig } from '../../server/src/config/index';
import { loadPacks } from '../../server/src/declarative/index';
import { tempDir } from '../team/helpers';

const TEAM = path.resolve(__dirname, '../../examples/team-pack');

function tree(files: Record<string, string | object>): string {
  const dir = tempDir('d365sec-cfg-');
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

function errorOf(f: () => unknown): ConfigError {
  try {
    f();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('config discovery and extends', () => {
  it('is found from the scanned folder upwards; no config gives the defaults', () => {
    const dir = tree({ 'd365sec.config.json': { rules: { D365S001: 'warning' } }, 'a/b/c.cs': '' });
    expect(findConfigFile(path.join(dir, 'a/b'))).toBe(path.join(dir, 'd365sec.config.json'));
    const c = loadConfig({ scanDir: path.join(dir, 'a/b') });
    expect(c.root).toBe(dir);
    expect(c.settings.rules).toEqual({ D365S001: 'warning' });
    const none = loadConfig({ scanDir: tempDir() });
    expect(none.files).toEqual([]);
    expect(none.settings.maxFileSize).toBe(4 * 1024 * 1024);
    expect(none.gitignore).toBe(true);
  });

  it('--config overrides the search; JSON with comments and trailing commas is accepted', () => {
    const dir = tree({ 'd365sec.config.json': { maxFileSize: 1 }, 'ci/strict.json': '// CI\n{ "maxFileSize": 1000, "rules": { "D365H001": "off", }, }' });
    const c = loadConfig({ scanDir: dir, configFile: path.join(dir, 'ci/strict.json') });
    expect(c.settings.maxFileSize).toBe(1000);
    expect(c.settings.rules).toEqual({ D365H001: 'off' });
  });

  it('extends relative files and npm packages; later wins, lists add up, paths resolve from the declaring file', () => {
    const dir = tree({
      'node_modules/@contoso/d365sec-team-pack/package.json': '{}',
      'shared/base.json': { rules: { D365S001: 'info', D365T100: 'off' }, sensitiveNames: ['ssn'], suppressionsFile: 'supp.json' },
      'd365sec.config.json': { extends: ['./shared/base.json', '@contoso/d365sec-team-pack'], rules: { D365S001: 'error' }, sensitiveNames: ['iban'] },
    });
    // The example pack folder stands in for the installed package.
    for (const f of ['package.json', 'rules.json', 'd365sec.config.json']) {
      writeFileSync(path.join(dir, 'node_modules/@contoso/d365sec-team-pack', f), require('node:fs').readFileSync(path.join(TEAM, f)));
    }
    const c = loadConfig({ scanDir: dir, env: { D365SEC_HASH_KEY: 'ci-key' } });
    expect(c.files.map((f) => path.relative(dir, f))).toEqual(['shared/base.json', 'node_modules/@contoso/d365sec-team-pack/d365sec.config.json', 'd365sec.config.json']);
    expect(c.settings.rules).toEqual({ D365S001: 'error', D365T100: 'off' });
    expect(c.settings.sensitiveNames).toEqual(['ssn', 'cnt_taxid', 'cnt_iban', 'cnt_commissionrate', 'brokerbankaccount', 'iban']);
    expect(c.settings.hashKey).toBe('ci-key');
    expect(c.suppressionsFile).toBe(path.join(dir, 'shared/supp.json'));
    expect(c.ignore).toEqual(['**/*.min.js', '**/generated/**']);
    // The package's config brings its pack, resolved inside the package.
    const rules = loadPacks(c.packs, []);
    expect(rules.map((r) => r.meta.code)).toEqual(['CONTOSO001', 'CONTOSO002', 'CONTOSO003']);
  });

  it('packs listed as npm package names resolve through package.json "d365sec.pack"', () => {
    const dir = tree({ 'd365sec.config.json': { packs: ['@contoso/d365sec-team-pack'] } });
    mkdirSync(path.join(dir, 'node_modules/@contoso'), { recursive: true });
    require('node:fs').cpSync(TEAM, path.join(dir, 'node_modules/@contoso/d365sec-team-pack'), { recursive: true });
    const c = loadConfig({ scanDir: dir });
    expect(loadPacks(c.packs, []).length).toBe(3);
  });

  it.each([
    [{ rules: { D365S001: 'fatal' } }, 'rules.D365S001', /must be one of "error", "warning", "info", "off"/],
    [{ rulez: {} }, 'rulez', /unknown key/],
    [{ maxFileSize: -1 }, 'maxFileSize', /positive whole number/],
    [{ sensitiveNames: ['a', 3] }, 'sensitiveNames[1]', /must be a string/],
    [{ extends: './missing.json' }, 'extends[0]', /does not exist/],
    [{ extends: 'not-installed-pkg' }, 'extends[0]', /cannot find the npm package not-installed-pkg/],
    [{ packs: ['./nope.yaml'] }, '', /./],
  ])('a broken config %j names the file and the key %s', (cfg, key, msg) => {
    const dir = tree({ 'd365sec.config.json': cfg });
    const e = errorOf(() => loadPacks(loadConfig({ scanDir: dir }).packs, []));
    expect(e.file).toBe(path.join(dir, 'd365sec.config.json'));
    if (key) expect(e.key).toBe(key);
    expect(e.message).toMatch(msg);
    expect(e.exitCode).toBe(2);
  });

  it('reports invalid JSON with line and column, and extends cycles', () => {
    const dir = tree({ 'd365sec.config.json': '{\n  "rules": { "a": "off" \n' });
    expect(errorOf(() => loadConfig({ scanDir: dir })).message).toMatch(/d365sec\.config\.json: invalid JSON at line 3/);
    const cyc = tree({ 'd365sec.config.json': { extends: './b.json' }, 'b.json': { extends: './d365sec.config.json' } });
    expect(errorOf(() => loadConfig({ scanDir: cyc })).message).toMatch(/extends: cycle: d365sec\.config\.json -> b\.json -> d365sec\.config\.json/);
  });
});

describe('ignore filters', () => {
  it('gitignore semantics: anchoring, folders, negation, nested files, no re-include under an ignored folder', () => {
    const m = new IgnoreMatcher()
      .add('', '# comment\n*.log\n/build\nbin/\n!keep.log\nsecret/\n!secret/ok.txt\n')
      .add('sub', 'local.json\n!important.log\n');
    const cases: [string, boolean][] = [
      ['a.log', true],
      ['x/y/a.log', true],
      ['keep.log', false],
      ['build/out.js', true],
      ['src/build/out.js', false],
      ['src/bin/app.dll', true],
      ['bin', false], // a file named bin is not the folder bin/
      ['sub/local.json', true],
      ['local.json', false],
      ['sub/important.log', false],
      ['secret/ok.txt', true],
    ];
    for (const [p, want] of cases) expect([p, m.ignores(p)]).toEqual([p, want]);
  });

  it('combines config globs and .gitignore files among the scanned paths; gitignore: false turns the latter off', () => {
    const paths = ['.gitignore', 'a/.gitignore', 'a/gen.cs', 'a/keep.cs', 'x.min.js', 'y.js', 'out/z.cs'];
    const texts: Record<string, string> = { '.gitignore': 'out/\n', 'a/.gitignore': 'gen.cs\n' };
    const f = buildIgnoreFilter({ ignore: ['*.min.js'], gitignore: true }, paths, (p) => texts[p]);
    expect(paths.filter((p) => f(p))).toEqual(['a/gen.cs', 'x.min.js', 'out/z.cs']);
    const g = buildIgnoreFilter({ ignore: ['*.min.js'], gitignore: false }, paths, (p) => texts[p]);
    expect(paths.filter((p) => g(p))).toEqual(['x.min.js']);
  });
});
