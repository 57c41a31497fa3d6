import type { ParseNotice } from './types';

export interface DecodeResult {
  /** Decoded text without BOM; undefined when the bytes are not text. */
  text?: string;
  encoding: string;
  notices: ParseNotice[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le', { fatal: false });
const utf16be = new TextDecoder('utf-16be', { fatal: false });
const cp1252 = new TextDecoder('windows-1252');

/**
 * Turns bytes into text the way an editor would, without ever throwing:
 * - UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM;
 * - UTF-16 *without* a BOM, which real Business Central repositories hold (XLIFF, permission
 *   XML exported by old tools): recognised from the zero bytes of ASCII-range text;
 * - anything else that is not valid UTF-8 is decoded as Windows-1252 (what such files almost
 *   always are) and a notice says so;
 * - binary content (NUL bytes in what is not UTF-16, or many control bytes) is not decoded.
 */
export function decode(bytes: Uint8Array): DecodeResult {
  const n = bytes.length;
  if (n === 0) return { text: '', encoding: 'utf-8', notices: [] };
  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), 'utf-8-bom');
  }
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: stripBom(utf16le.decode(bytes.subarray(2))), encoding: 'utf-16le', notices: [] };
  }
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: stripBom(utf16be.decode(bytes.subarray(2))), encoding: 'utf-16be', notices: [] };
  }
  const bomless16 = sniffUtf16(bytes);
  if (bomless16) {
    const d = bomless16 === 'utf-16le' ? utf16le : utf16be;
    return { text: d.decode(bytes), encoding: bomless16, notices: [] };
  }
  if (looksBinary(bytes)) {
    return { encoding: 'binary', notices: [{ kind: 'binary', message: 'binary content (NUL or control bytes); not scanned' }] };
  }
  return decodeUtf8(bytes, 'utf-8');
}

function decodeUtf8(bytes: Uint8Array, encoding: string): DecodeResult {
  try {
    return { text: stripBom(utf8.decode(bytes)), encoding, notices: [] };
  } catch {
    return {
      text: cp1252.decode(bytes),
      encoding: 'windows-1252',
      notices: [{ kind: 'encoding', message: 'not valid UTF-8; read as Windows-1252' }],
    };
  }
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** UTF-16 without BOM: in the first bytes, every other byte is zero for ASCII-range text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const len = Math.min(bytes.length, 512) & ~1;
  if (len < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < len; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = len / 2;
  if (oddZero > pairs * 0.7 && evenZero < pairs * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.7 && oddZero < pairs * 0.1) return 'utf-16be';
  return undefined;
}

function looksBinary(bytes: Uint8Array): boolean {
  const len = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < len; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control > len * 0.1;
}
