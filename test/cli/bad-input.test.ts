/**
 * Bad input beyond examples/contoso/broken, generated in a temp folder (never committed): a 20 MB
 * file, XML nested 100,000 levels deep, invalid UTF-8, a folder symlink loop and an unreadable
 * file. Each is named in a notice or reported, the scan goes on and exits normally, in one thread
 * and in several.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli } from './helpers';

let cli = '';
let dir = '';
const SECRET = 'Zq8~Xv3Rt6Yw9Lp2Nm5Kj7Hg4Fd1Sa0Qe.Wr3Ty';

beforeAll(() => {
  cli = buildCli();
  dir = mkdtempSync(path.join(tmpdir(), 'd365sec-bad-'));
  // 20 MB of script: over the default limit of 4 MB.
  writeFileSync(path.join(dir, 'vendor.bundle.js'), 'var a = 1;\n'.repeat(2 * 1024 * 1024));
  // 100,000 levels of XML with a credential at the bottom.
  const depth = 100000;
  writeFileSync(path.join(dir, 'App.config'), `<?xml version="1.0"?>\n<configuration>${'<a>'.repeat(depth)}<add key="ClientSecret" value="${SECRET}"/>${'</a>'.repeat(depth)}</configuration>\n`);
  writeFileSync(path.join(dir, 'deep.json'), '['.repeat(depth) + ']'.repeat(depth));
  // Invalid UTF-8 (a lone 0xFF and a broken two-byte sequence).
  writeFileSync(path.join(dir, 'settings.json'), Buffer.concat([Buffer.from('{"Name": "'), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from('"}\n')]));
  // A folder that links back to its parent.
  mkdirSync(path.join(dir, 'nested'));
  writeFileSync(path.join(dir, 'nested', 'ok.js'), 'var x = 1;\n');
  symlinkSync('..', path.join(dir, 'nested', 'loop'));
  // Unreadable.
  writeFileSync(path.join(dir, 'locked.js'), 'var y = 2;\n');
  chmodSync(path.join(dir, 'locked.js'), 0);
}, 120000);

/** Root (CI containers) reads a chmod 000 file anyway; the unreadable case is then not testable. */
function canReadLocked(): boolean {
  try {
    readFileSync(path.join(dir, 'locked.js'));
    return true;
  } catch {
    return false;
  }
}

describe('bad input', () => {
  for (const jobs of ['1', '3']) {
    it(`names each bad file, reports the deep secret, does not crash (--jobs ${jobs})`, async () => {
      const r = await runCli(cli, ['scan', dir, '--format', 'json', '--jobs', jobs]);
      expect(r.status, r.stderr).toBe(1); // the secret in the deep XML
      const findings = JSON.parse(r.stdout) as { file: string; rule: string }[];
      expect(findings.some((f) => f.file === 'App.config' && f.rule === 'D365S001')).toBe(true);
      expect(r.stdout).not.toContain(SECRET);
      expect(r.stderr).not.toContain(SECRET);
      expect(r.stderr).toMatch(/notice: vendor\.bundle\.js: \d+ bytes, larger than the limit/);
      expect(r.stderr).toMatch(/notice: settings\.json: not valid UTF-8/);
      expect(r.stderr).toMatch(/notice: nested\/loop: .*not scanned again/);
      expect(r.stderr).toMatch(/notice: deep\.json: /);
      expect(r.stderr).not.toMatch(/internal error/);
      // The loop is walked once: ok.js appears once, not once per turn of the loop.
      expect(r.stderr).toMatch(/d365sec: \d+ files scanned/);
      if (!canReadLocked()) expect(r.stderr).toMatch(/notice: locked\.js: cannot read: EACCES/);
    }, 120000);
  }

  it('skips an unreadable file with a notice', async (ctx) => {
    if (canReadLocked()) ctx.skip(); // running as root
    const r = await runCli(cli, ['scan', dir, '--fail-on', 'none']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('locked.js');
  });

  it('--max-file-size lowers and raises the limit; config maxFileSize is read', async () => {
    const small = await runCli(cli, ['scan', dir, '--max-file-size', '1k', '--fail-on', 'none']);
    expect(small.status).toBe(0);
    expect(small.stderr).toMatch(/notice: App\.config: \d+ bytes, larger than the limit of 1024/);
    // 5 MB of text: skipped by default, read with a higher limit.
    const notesDir = mkdtempSync(path.join(tmpdir(), 'd365sec-notes-'));
    writeFileSync(path.join(notesDir, 'notes.md'), 'Some notes about the setup.\n'.repeat(200000));
    expect((await runCli(cli, ['scan', notesDir])).stderr).toMatch(/notice: notes\.md: 5600000 bytes, larger than the limit of 4194304/);
    const big = await runCli(cli, ['scan', notesDir, '--max-file-size', '8m']);
    expect(big.status).toBe(0);
    expect(big.stderr).not.toMatch(/larger than the limit/);
    expect(big.stderr).toMatch(/d365sec: 1 files scanned \(1 analysed\)/);
    expect((await runCli(cli, ['scan', dir, '--max-file-size', 'lots'])).status).toBe(2);

    const cfgDir = mkdtempSync(path.join(tmpdir(), 'd365sec-cfg-'));
    writeFileSync(path.join(cfgDir, 'd365sec.config.json'), JSON.stringify({ maxFileSize: 64 }));
    writeFileSync(path.join(cfgDir, 'app.js'), `var endpoint = "https://example.com/${'x'.repeat(100)}";\n`);
    const cfg = await runCli(cli, ['scan', cfgDir, '--fail-on', 'none']);
    expect(cfg.stderr).toMatch(/notice: app\.js: \d+ bytes, larger than the limit of 64/);
    // The flag wins over the config.
    expect((await runCli(cli, ['scan', cfgDir, '--fail-on', 'none', '--max-file-size', '4096'])).stderr).not.toMatch(/larger than the limit/);
  }, 120000);
});
