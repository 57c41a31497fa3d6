/**
 * HTML web resources carry their logic in inline `<script>` blocks. The blocks are parsed as one
 * script whose offsets are the HTML file's own: everything outside them becomes spaces (line breaks
 * kept), so every node, string fact and finding points into the HTML as it is.
 */

/** Script types a browser runs as JavaScript. */
const JS_TYPE = /^(|text\/javascript|application\/javascript|application\/ecmascript|text\/ecmascript|module)$/i;

export function isHtmlPath(path: string): boolean {
  return /\.html?$/i.test(path);
}

/** The HTML text with everything but inline JavaScript blanked out (same length, same lines). */
export function scriptBlocksOnly(html: string): string {
  const keep: [number, number][] = [];
  const open = /<script\b([^>]*)>/gi;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const attrs = m[1] ?? '';
    const start = m.index + m[0].length;
    const close = html.toLowerCase().indexOf('</script', start);
    const end = close < 0 ? html.length : close;
    open.lastIndex = end;
    // A src= block runs the file it names, never its own content.
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attrs)?.[1] ?? '';
    if (!JS_TYPE.test(type)) continue; // templates, JSON data blocks
    keep.push([start, end]);
  }
  if (keep.length === 0) return html.replace(/[^\r\n]/g, ' ');
  let out = '';
  let at = 0;
  for (const [s, e] of keep) {
    out += html.slice(at, s).replace(/[^\r\n]/g, ' ') + html.slice(s, e);
    at = e;
  }
  return out + html.slice(at).replace(/[^\r\n]/g, ' ');
}
