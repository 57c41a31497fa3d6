/**
 * The reports as a user sees them: stylish text grouped by file, colour only when asked for or on
 * a terminal (never in --output), --quiet, the summary line, and the JSON fields scripts read.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, EXAMPLE, runCli } from './helpers';

let cli = '';
beforeAll(() => {
  cli = buildCli();
}, 120000);

const ESC = '\x1b[';

describe('text report', () => {
  it('groups findings under the file path with aligned line:col, severity, message, code and rule name', async () => {
    const r = await runCli(cli, ['scan', EXAMPLE, '--fail-on', 'none']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain(ESC); // a pipe, no FORCE_COLOR
    const blocks = r.stdout.trim().split(/\n\n/);
    expect(blocks.length).toBeGreaterThan(5);
    for (const b of blocks) {
      const [head, ...rows] = b.split('\n');
      expect(head).toMatch(/^[^\s].*[^\s]$/); // the path, alone on its line
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toMatch(/^ {2} *\d+:\d+ +(error|warning|info) +\S.*\S {2,}D365[A-Z]\d{3} [a-z0-9-]+$/);
      // Aligned: the severity starts in the same column on every row of a file.
      const cols = rows.map((x) => x.search(/(error|warning|info)/));
      expect(new Set(cols).size).toBe(1);
      expect(new Set(rows.map((x) => x.search(/ D365[A-Z]\d{3} /))).size).toBe(1);
    }
    expect(r.stdout).toMatch(/^plugins\/Contoso\.DataTools\/App\.config$/m);
    expect(r.stderr).toMatch(/^d365sec: \d+ files scanned \(\d+ analysed\), \d+ findings \(\d+ errors, \d+ warnings, \d+ info\), \d+ notices, \d+\.\d\d s$/m);
  });

  it('colours with FORCE_COLOR or --color, not with NO_COLOR, never in --output', async () => {
    expect((await runCli(cli, ['scan', EXAMPLE, '--fail-on', 'none'], { env: { FORCE_COLOR: '1' } })).stdout).toContain(`${ESC}31merror`);
    expect((await runCli(cli, ['scan', EXAMPLE, '--fail-on', 'none', '--color'])).stdout).toContain(ESC);
    expect((await runCli(cli, ['scan', EXAMPLE, '--fail-on', 'none'], { env: { FORCE_COLOR: '0' } })).stdout).not.toContain(ESC);
    expect((await runCli(cli, ['scan', EXAMPLE, '--fail-on', 'none'], { env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'd365sec-out-')), 'report.txt');
    const r = await runCli(cli, ['scan', EXAMPLE, '--output', out], { env: { FORCE_COLOR: '1' } });
    expect(r.status).toBe(1); // same exit code with --output
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('D365S001 credential-literal');
    expect(text).not.toContain(ESC);
  });

  it('--quiet prints only the findings', async () => {
    const r = await runCli(cli, ['scan', EXAMPLE, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('D365S001');
    const clean = await runCli(cli, ['scan', path.join(EXAMPLE, 'broken'), '--quiet']);
    expect(clean.status).toBe(0);
    expect(clean.stdout + clean.stderr).toBe('');
  });

  it('prints help and rejects an unknown format', async () => {
    const h = await runCli(cli, ['scan', '--help']);
    expect(h.status).toBe(0);
    for (const flag of ['--format', '--output', '--fail-on', '--quiet', '--max-file-size', '--jobs', '--baseline']) expect(h.stdout).toContain(flag);
    expect((await runCli(cli, ['scan', EXAMPLE, '--format', 'xml'])).status).toBe(2);
  });
});

describe('json report', () => {
  it('scans a single file, reported by its name', async () => {
    const r = await runCli(cli, ['scan', path.join(EXAMPLE, 'plugins/Contoso.DataTools/App.config'), '--format', 'json']);
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout) as { file: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(['App.config']));
  });

  it('keeps file/line/category/rule/message and adds position, severity, rule name, fingerprint and the redacted value', async () => {
    const r = await runCli(cli, ['scan', EXAMPLE, '--format', 'json', '--fail-on', 'none']);
    const findings = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(findings.length).toBeGreaterThan(10);
    for (const f of findings) {
      expect(Object.keys(f).slice(0, 5)).toEqual(['file', 'line', 'category', 'rule', 'message']);
      expect(f).toMatchObject({ file: expect.any(String), line: expect.any(Number), column: expect.any(Number), endLine: expect.any(Number), severity: expect.stringMatching(/^(error|warning|info)$/), ruleName: expect.stringMatching(/^[a-z0-9-]+$/), fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
      expect(f.endLine as number).toBeGreaterThanOrEqual(f.line as number);
    }
    const secrets = findings.filter((f) => f.category === 'hardcoded-secret');
    expect(secrets.length).toBeGreaterThan(5);
    for (const f of secrets) {
      expect(f.redacted).toMatch(/…#[0-9a-f]{8}$/);
      expect(f.message).toContain(f.redacted as string);
    }
  });
});
