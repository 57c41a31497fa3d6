import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/core/lines';

describe('LineIndex', () => {
  it('maps offsets in LF, CRLF and lone-CR text like an editor', () => {
    const t = 'a\r\nbc\nd\re';
    const li = new LineIndex(t);
    expect(li.lineCount).toBe(4);
    expect(li.positionAt(t.indexOf('b'))).toEqual({ line: 1, character: 0 });
    expect(li.positionAt(t.indexOf('d'))).toEqual({ line: 2, character: 0 });
    expect(li.positionAt(t.indexOf('e'))).toEqual({ line: 3, character: 0 });
    expect(li.lineText(1)).toBe('bc');
    expect(li.lineText(0)).toBe('a');
  });
  it('round-trips offsets and clamps out-of-range input', () => {
    const t = 'one\ntwo\nthree';
    const li = new LineIndex(t);
    for (let o = 0; o <= t.length; o++) expect(li.offsetAt(li.positionAt(o))).toBe(o);
    expect(li.positionAt(-5)).toEqual({ line: 0, character: 0 });
    expect(li.offsetAt({ line: 99, character: 0 })).toBe(t.length);
    expect(li.offsetAt({ line: 0, character: 99 })).toBe(3);
  });
});
