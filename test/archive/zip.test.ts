import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { archiveSourceFiles, readZip } from '../../server/src/archive/index';
import { copyExample, readSources, scanFiles } from '../team/helpers';

/** A minimal zip writer for hostile cases (the `zip` tool will not write lies). */
function makeZip(entries: { name: string; data: Buffer; method?: 0 | 8; declaredSize?: number; flags?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const comp = method === 8 ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name, 'utf8');
    const crc = (zlib as unknown as { crc32(d: Buffer): number }).crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE((e.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, comp);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE((e.flags ?? 0) | 0x800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(comp.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    centrals.push(c, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

describe('solution zips', () => {
  it('a zip of the example solution folder scans with the same findings as the folder, located inside the archive', () => {
    const dir = copyExample('solution');
    const folder = scanFiles(readSources(dir));
    const zipPath = path.join(dir, '..', `${path.basename(dir)}.zip`);
    execFileSync('zip', ['-q', '-r', '-X', zipPath, '.'], { cwd: dir });
    const { files, notices } = archiveSourceFiles('dist/ContosoInsuranceCore.zip', readFileSync(zipPath));
    expect(notices).toEqual([]);
    const zipped = scanFiles(files);
    const strip = (p: string) => p.replace(/^dist\/ContosoInsuranceCore\.zip\//, '');
    const key = (f: (typeof folder.findings)[number], p: string) => `${p}:${f.range.start.line + 1}:${f.range.start.character}:${f.code}:${f.message}`;
    expect(folder.findings.length).toBeGreaterThan(5);
    expect(zipped.findings.map((f) => key(f, strip(f.path))).sort()).toEqual(folder.findings.map((f) => key(f, f.path)).sort());
    expect(zipped.findings.every((f) => f.path.startsWith('dist/ContosoInsuranceCore.zip/'))).toBe(true);
  });

  it('reads stored and deflated entries, UTF-16 text, and skips folders and binaries', () => {
    const z = makeZip([
      { name: 'Other/', data: Buffer.alloc(0), method: 0 },
      { name: 'Other/Solution.xml', data: Buffer.from('<ImportExportXml/>'), method: 0 },
      { name: 'a\\b.json', data: Buffer.from('{"a":1}') },
      { name: 'u16.xml', data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a/>', 'utf16le')]) },
      { name: 'x.dll', data: Buffer.from([0, 1, 2, 3, 0, 0, 0, 9]) },
    ]);
    const r = archiveSourceFiles('s.zip', z);
    expect(r.notices).toEqual([]);
    expect(r.files.map((f) => [f.path, f.text])).toEqual([
      ['s.zip/Other/Solution.xml', '<ImportExportXml/>'],
      ['s.zip/a/b.json', '{"a":1}'],
      ['s.zip/u16.xml', '<a/>'],
    ]);
  });

  it('caps zip bombs: a lying declared size and an oversized entry cost at most the cap', () => {
    const bomb = Buffer.alloc(200 * 1024 * 1024); // 200 MiB of zeros deflates to ~200 KB
    const z = makeZip([
      { name: 'liar.xml', data: bomb, declaredSize: 10 },
      { name: 'big.xml', data: bomb },
      { name: 'ok.xml', data: Buffer.from('<a/>') },
    ]);
    expect(z.length).toBeLessThan(1024 * 1024);
    const t = performance.now();
    const r = readZip(z, { maxEntrySize: 4 * 1024 * 1024 });
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r.entries.map((e) => e.name)).toEqual(['ok.xml']);
    expect(r.notices.map((n) => [n.entry, n.kind])).toEqual([
      ['liar.xml', 'too-large'],
      ['big.xml', 'too-large'],
    ]);
  });

  it('never throws on garbage, truncation, encryption or too many entries', () => {
    const good = makeZip([{ name: 'a.xml', data: Buffer.from('<a/>') }, { name: 'b.xml', data: Buffer.from('<b/>') }]);
    expect(readZip(Buffer.from('not a zip at all')).notices[0]!.message).toMatch(/not a zip/);
    expect(readZip(good.subarray(0, good.length - 30)).notices.length).toBeGreaterThan(0);
    const flipped = Buffer.from(good);
    flipped[35] = flipped[35]! ^ 0xff; // corrupt deflate data of the first entry
    const r = readZip(flipped);
    expect(r.notices.length).toBeGreaterThan(0);
    expect(r.entries.map((e) => e.name)).toEqual(['b.xml']);
    expect(readZip(makeZip([{ name: 'e.xml', data: Buffer.from('x'), flags: 1 }])).notices[0]!.kind).toBe('encrypted');
    expect(readZip(good, { maxEntries: 1 }).entries).toHaveLength(1);
    for (let cut = 0; cut < good.length; cut += 7) expect(() => readZip(good.subarray(0, cut))).not.toThrow();
  });
});
