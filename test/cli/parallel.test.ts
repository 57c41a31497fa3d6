/**
 * Worker threads must not change a report: a tree of a few hundred files (the example copied
 * under renamed folders) scanned with --jobs 1 (in-process) and --jobs 3 (the main thread and
 * two workers) gives byte-identical JSON and SARIF, and the same notices in the same order.
 */
import { cpSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, EXAMPLE, runCli } from './helpers';

let cli = '';
let tree = '';
let pack = '';

beforeAll(() => {
  cli = buildCli();
  tree = mkdtempSync(path.join(tmpdir(), 'd365sec-par-'));
  for (let i = 0; i < 4; i++) {
    const dir = path.join(tree, `team-${String.fromCharCode(97 + i)}`);
    cpSync(EXAMPLE, dir, { recursive: true });
    // Renamed inner paths too, so the copies are not the same path strings under another prefix.
    renameSync(path.join(dir, 'plugins'), path.join(dir, `plugins-${i}`));
    writeFileSync(path.join(dir, 'team-token.js'), `var t = "tmtk_abcdefghij012345678${i}";\n`);
  }
  // A declarative pack: its rules are functions, so workers must rebuild them from the reference.
  pack = path.join(mkdtempSync(path.join(tmpdir(), 'd365sec-pack-')), 'pack.json');
  writeFileSync(
    pack,
    JSON.stringify({ name: 'tmp-pack', rules: [{ id: 'TEAM001', name: 'team-token', category: 'hardcoded-secret', severity: 'error', message: 'team token {secret}', files: ['**/*.js'], regex: '(?P<secret>tmtk_[a-z0-9]{20})', mustMatch: ['var t = "tmtk_abcdefghij0123456789";'], mustNotMatch: ['var t = "none";'] }] }),
  );
}, 120000);

describe('--jobs', () => {
  it('gives byte-identical JSON and SARIF with 1 and 3 threads', async () => {
    for (const format of ['json', 'sarif']) {
      const one = await runCli(cli, ['scan', tree, '--format', format, '--jobs', '1', '--fail-on', 'none']);
      const three = await runCli(cli, ['scan', tree, '--format', format, '--jobs', '3', '--fail-on', 'none']);
      expect(one.status, one.stderr).toBe(0);
      expect(three.status, three.stderr).toBe(0);
      expect(three.stderr).toMatch(/on 3 threads/);
      expect(three.stdout).toBe(one.stdout);
      const notices = (s: string) => s.split('\n').filter((l) => l.startsWith('notice:'));
      expect(notices(three.stderr)).toEqual(notices(one.stderr));
      if (format === 'json') {
        const findings = JSON.parse(one.stdout) as { file: string }[];
        expect(findings.length).toBeGreaterThan(100);
        // Every copy is scanned and reported.
        for (const t of ['team-a', 'team-b', 'team-c', 'team-d']) expect(findings.some((f) => f.file.startsWith(`${t}/`))).toBe(true);
      }
    }
  }, 180000);

  it('runs declarative pack rules in the workers too', async () => {
    const one = await runCli(cli, ['scan', tree, '--format', 'json', '--jobs', '1', '--rules', pack, '--fail-on', 'none']);
    const three = await runCli(cli, ['scan', tree, '--format', 'json', '--jobs', '3', '--rules', pack, '--fail-on', 'none']);
    expect(three.status, three.stderr).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    const team = (JSON.parse(three.stdout) as { rule: string }[]).filter((f) => f.rule === 'TEAM001');
    expect(team.length).toBe(4);
    expect(three.stdout).not.toContain('tmtk_abcdefghij');
  }, 120000);

  it('rejects a bad --jobs value', async () => {
    expect((await runCli(cli, ['scan', tree, '--jobs', '0'])).status).toBe(2);
    expect((await runCli(cli, ['scan', tree, '--jobs', 'many'])).status).toBe(2);
  });
});
