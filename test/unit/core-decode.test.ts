import { describe, expect, it } from 'vitest';
import { decode } from '../../server/src/core/decode';

const enc = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (c: number) => {
    out[o++] = le ? c & 0xff : c >> 8;
    out[o++] = le ? c >> 8 : c & 0xff;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < s.length; i++) put(s.charCodeAt(i));
  return out;
}

describe('decode', () => {
  it('strips a UTF-8 BOM', () => {
    const r = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('<a/>')]));
    expect(r.text).toBe('<a/>');
    expect(r.notices).toEqual([]);
  });
  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decode(utf16('<Role name="Viewer"/>', true, true)).text).toBe('<Role name="Viewer"/>');
    expect(decode(utf16('<Role name="Viewer"/>', false, true)).text).toBe('<Role name="Viewer"/>');
  });
  it('recognises UTF-16 LE without a BOM (Business Central exports)', () => {
    const r = decode(utf16('<?xml version="1.0"?><PermissionSets/>', true, false));
    expect(r.encoding).toBe('utf-16le');
    expect(r.text).toBe('<?xml version="1.0"?><PermissionSets/>');
  });
  it('falls back to Windows-1252 for invalid UTF-8 and says so', () => {
    const r = decode(new Uint8Array([0x76, 0x61, 0x72, 0x20, 0x78, 0x3d, 0x22, 0xe9, 0x22]));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe('var x="é"');
    expect(r.notices[0]?.kind).toBe('encoding');
  });
  it('does not decode binary content', () => {
    const r = decode(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xff, 0xff]));
    expect(r.text).toBeUndefined();
    expect(r.notices[0]?.kind).toBe('binary');
  });
  it('decodes an empty file to empty text', () => {
    expect(decode(new Uint8Array()).text).toBe('');
  });
});
