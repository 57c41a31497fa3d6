/**
 * The reviewer and team features end to end, through the built CLI on copies of the example:
 * baseline gating, rule packs and verify-rules, a catastrophic regex, broken configuration,
 * inline suppressions and a packed solution zip. The modules have their own unit tests; these
 * prove the flags are wired and the exit codes are what CI scripts rely on.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { deflateRawSync } from 'node:zlib';

const root = path.resolve(__dirname, '../..');
const example = path.join(root, 'examples/contoso');
let cli = '';

beforeAll(() => {
  cli = path.join(inject('distDir'), 'cli.js');
});

const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60000 });

function copyExample(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'd365sec-copy-'));
  cpSync(example, dir, { recursive: true });
  return dir;
}

interface SarifResult {
  ruleId: string;
  baselineState?: string;
  suppressions?: { kind: string; justification?: string }[];
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}
const sarifResults = (text: string): SarifResult[] => (JSON.parse(text) as { runs: { results: SarifResult[] }[] }).runs[0]!.results;

describe('baseline through the CLI', () => {
  it('passes on the recorded state, survives moved lines, fails on a swapped secret, stores no secret', () => {
    const dir = copyExample();
    const cfg = 'plugins/Contoso.DataTools/App.config';
    const before = readFileSync(path.join(dir, cfg), 'utf8');
    const secret = /Password=([^;"]{8,})/.exec(before)?.[1];
    expect(secret).toBeDefined();

    expect(run(dir, 'scan', '.', '--write-baseline', 'baseline.json').status).not.toBe(2);
    const baseline = readFileSync(path.join(dir, 'baseline.json'), 'utf8');
    expect(baseline).not.toContain(secret!);
    expect(run(dir, 'scan', '.', '--baseline', 'baseline.json').status).toBe(0);

    // Lines inserted above every finding of the file: still the same findings.
    writeFileSync(path.join(dir, cfg), before.replace(/(<\?xml[^>]*\?>\r?\n)?/, (m) => `${m}<!-- moved -->\n<!-- down -->\n`));
    expect(run(dir, 'scan', '.', '--baseline', 'baseline.json').status).toBe(0);

    // Same shape, another value: a new secret.
    const swapped = secret!.replace(/[A-Za-z0-9]/g, (c) => (c === 'Q' ? 'R' : /[0-9]/.test(c) ? String((Number(c) + 3) % 10) : c === 'z' ? 'a' : String.fromCharCode(c.charCodeAt(0) + 1)));
    writeFileSync(path.join(dir, cfg), readFileSync(path.join(dir, cfg), 'utf8').split(secret!).join(swapped));
    const r = run(dir, 'scan', '.', '--baseline', 'baseline.json', '--format', 'sarif');
    expect(r.status).toBe(1);
    const states = sarifResults(r.stdout).filter((x) => x.baselineState === 'new');
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((x) => x.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('App.config'))).toBe(true);
    expect(r.stdout).not.toContain(swapped);
  }, 60000);
});

describe('rule packs through the CLI', () => {
  const pack = (regex: string, mustMatch: string[]) =>
    JSON.stringify({ name: 'tmp-pack', rules: [{ id: 'TEAM001', name: 'team-token', category: 'hardcoded-secret', severity: 'error', message: 'team token {secret}', files: ['**/*.js'], regex, mustMatch, mustNotMatch: ['var t = "none";'] }] });

  it('verify-rules exits 0 on a good pack and 1 when a mustMatch example fails', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'd365sec-pack-'));
    writeFileSync(path.join(dir, 'good.json'), pack('(?P<secret>tmtk_[a-z0-9]{20})', ['var t = "tmtk_abcdefghij0123456789";']));
    writeFileSync(path.join(dir, 'bad.json'), pack('(?P<secret>tmtk_[a-z0-9]{20})', ['var t = "tmtk_short";']));
    expect(run(dir, 'verify-rules', 'good.json').status).toBe(0);
    expect(run(dir, 'verify-rules', 'bad.json').status).toBe(1);
    expect(run(root, 'verify-rules', 'examples/team-pack').status).toBe(0);
  }, 30000);

  it('a pack rule reports under its own id in SARIF', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'd365sec-pack-'));
    writeFileSync(path.join(dir, 'pack.json'), pack('(?P<secret>tmtk_[a-z0-9]{20})', ['var t = "tmtk_abcdefghij0123456789";']));
    mkdirSync(path.join(dir, 'web'));
    writeFileSync(path.join(dir, 'web/a.js'), 'var x = 1;\nvar t = "tmtk_zyxwvutsrq9876543210";\n');
    const r = run(dir, 'scan', 'web', '--rules', 'pack.json', '--format', 'sarif');
    expect(r.status).toBe(1);
    const hits = sarifResults(r.stdout).filter((x) => x.ruleId === 'TEAM001');
    expect(hits.map((h) => h.locations[0]!.physicalLocation.region.startLine)).toEqual([2]);
    expect(r.stdout).not.toContain('tmtk_zyxwvutsrq9876543210');
  }, 30000);

  it('a catastrophic regex ends the scan quickly with a clear outcome', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'd365sec-pack-'));
    writeFileSync(path.join(dir, 'pack.json'), pack('(a+)+$', ['aaaa']));
    writeFileSync(path.join(dir, 'a.js'), 'var s = "' + 'a'.repeat(50000) + '!";\n');
    const started = Date.now();
    const r = run(dir, 'scan', '.', '--rules', 'pack.json');
    expect(Date.now() - started).toBeLessThan(30000); // a backtracking engine would never finish
    expect([0, 1, 2]).toContain(r.status);
  }, 60000);

  it('unsupported regex syntax is exit 2 naming the rule', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'd365sec-pack-'));
    writeFileSync(path.join(dir, 'pack.json'), pack('(?<=x)tmtk', ['xtmtk']));
    writeFileSync(path.join(dir, 'a.js'), 'var a = 1;\n');
    const r = run(dir, 'scan', '.', '--rules', 'pack.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('TEAM001');
  }, 30000);
});

describe('configuration through the CLI', () => {
  it('a broken config is exit 2 naming the file and the key; off turns a rule off', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'd365sec-cfg-'));
    writeFileSync(path.join(dir, 'a.js'), 'var u = "http://login.microsoftonline.com/x";\n');
    writeFileSync(path.join(dir, 'd365sec.config.json'), '{ "rules": { "D365T100": "loud" } }');
    const bad = run(dir, 'scan', '.');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('d365sec.config.json');
    expect(bad.stderr).toContain('D365T100');
    writeFileSync(path.join(dir, 'd365sec.config.json'), '{ "rules": { "D365T100": "off" } }');
    expect(run(dir, 'scan', '.').status).toBe(0);
    writeFileSync(path.join(dir, 'd365sec.config.json'), '{ }');
    expect(run(dir, 'scan', '.').status).toBe(1);
  }, 30000);
});

describe('inline suppressions through the CLI', () => {
  it('a justified directive suppresses (listed in SARIF), one without a reason does not', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'd365sec-sup-'));
    writeFileSync(path.join(dir, 'a.js'), '// d365sec-disable-next-line D365T100 -- test tenant behind a proxy that terminates TLS\nvar u = "http://login.microsoftonline.com/x";\n');
    const ok = run(dir, 'scan', '.', '--format', 'sarif');
    expect(ok.status).toBe(0);
    const sup = sarifResults(ok.stdout).filter((x) => x.ruleId === 'D365T100');
    expect(sup).toHaveLength(1);
    expect(sup[0]!.suppressions?.[0]?.justification).toContain('proxy');
    writeFileSync(path.join(dir, 'a.js'), '// d365sec-disable-next-line D365T100\nvar u = "http://login.microsoftonline.com/x";\n');
    expect(run(dir, 'scan', '.').status).toBe(1);
  }, 30000);
});

/** A stored (uncompressed) or deflated zip of a folder, written here so the test needs no zip tool. */
function zipFolder(folder: string, out: string): void {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(folder);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(path.relative(folder, f).split(path.sep).join('/'));
    const data = readFileSync(f);
    const comp = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, comp);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(out, Buffer.concat([...locals, cd, end]));
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

describe('packed solution zip through the CLI', () => {
  it('scans with the same findings as the unpacked folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'd365sec-zip-'));
    zipFolder(path.join(example, 'solution'), path.join(dir, 'ContosoClaims_1_0_0_0.zip'));
    const asFolder = JSON.parse(run(path.join(example, 'solution'), 'scan', '.', '--format', 'sarif').stdout) as { runs: { results: SarifResult[] }[] };
    const asZip = JSON.parse(run(dir, 'scan', 'ContosoClaims_1_0_0_0.zip', '--format', 'sarif').stdout) as { runs: { results: SarifResult[] }[] };
    const key = (r: SarifResult) => `${r.ruleId} ${r.locations[0]!.physicalLocation.region.startLine} ${r.locations[0]!.physicalLocation.artifactLocation.uri.replace(/^.*\.zip(!|\/)/, '').replace(/^\//, '')}`;
    const folderKeys = asFolder.runs[0]!.results.map(key).sort();
    const zipKeys = asZip.runs[0]!.results.map(key).sort();
    expect(folderKeys.length).toBeGreaterThan(5);
    expect(zipKeys).toEqual(folderKeys);
  }, 60000);
});
