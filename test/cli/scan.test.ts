import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const example = path.join(root, 'examples/contoso');
let cli = '';

beforeAll(() => {
  cli = path.join(inject('distDir'), 'cli.js');
});

const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

/** The planted secret values: quoted or `=` values on the lines labeled hardcoded-secret. */
function plantedSecrets(): string[] {
  const labels = JSON.parse(readFileSync(path.join(example, 'expected.json'), 'utf8')) as { findings: { file: string; line: number; endLine?: number; category: string }[] };
  const out = new Set<string>();
  for (const f of labels.findings.filter((x) => x.category === 'hardcoded-secret')) {
    const lines = readFileSync(path.join(example, f.file), 'latin1').split(/\r?\n/).slice(f.line - 1, f.endLine ?? f.line);
    for (const l of lines) {
      for (const m of l.matchAll(/["'>]([^"'<>\s]{10,})["'<]|(?:Password|Key|Secret|sig|code)=([^;"'&\s]{8,})/gi)) {
        const v = (m[1] ?? m[2])!;
        if (/^https?:|^[0-9a-f-]{36}$|^[A-Za-z._-]+$/.test(v) || (m[1] && v.includes("="))) continue; // key=value fragments are not the value
        out.add(v);
      }
    }
  }
  return [...out];
}

describe('d365sec scan', () => {
  it('exits 1 on findings at the default --fail-on, 0 with --fail-on none, 2 on a bad flag', () => {
    expect(run('scan', example, '--quiet-not-a-flag').status).toBe(2);
    expect(run('scan', example, '--fail-on', 'bogus').status).toBe(2);
    expect(run('scan', example, '--format', 'json').status).toBe(1);
    expect(run('scan', example, '--fail-on', 'none').status).toBe(0);
  });

  it('names every bad input of broken/ in a notice, reports no finding there and does not crash', () => {
    const r = run('scan', path.join(example, 'broken'), '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    for (const f of ['binary.js', 'latin1.form.js', 'Entity.xml', 'Empty.xml', 'HalfSaved']) expect(r.stderr).toContain(f);
  });

  it('never prints a planted secret, in any format', () => {
    const secrets = plantedSecrets();
    expect(secrets.length).toBeGreaterThan(10);
    for (const format of ['text', 'json', 'sarif']) {
      const r = run('scan', example, '--format', format, '--fail-on', 'none');
      expect(r.status).toBe(0);
      for (const s of secrets) {
        expect(r.stdout.includes(s), `${format} output leaks a planted secret (${s.slice(0, 3)}…)`).toBe(false);
        expect(r.stderr.includes(s)).toBe(false);
      }
    }
  });

  it('lists the rules', () => {
    const r = run('rules');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/D365S001\s+credential-literal\s+hardcoded-secret\s+error/);
  });
});
