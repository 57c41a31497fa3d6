/**
 * Cheap recognition of minified, bundled and vendored scripts, BEFORE parsing: typescript-estree
 * parses only 1-2 MB/s and Dynamics repositories carry megabytes of jQuery, Kendo and webpack
 * output. Those files are not the project's code: rules that need the tree skip them, the
 * text-based secret detectors still read their text.
 */

/** File names of minified or packed builds. */
const MIN_NAME = /[.-](min|pack|packed|prod)\.(js|mjs|cjs)$/i;

/**
 * License banners of libraries commonly copied into web resources. A `/*!` banner naming a
 * library in the first lines is how every one of them starts, minified or not.
 */
const VENDOR_BANNER =
  /^\s*(?:\/\*[!*][\s\S]{0,600}?\b(jQuery|Lodash|lodash\.com|Underscore\.js|Bootstrap|Moment\.js|moment\.js|Knockout|React|Vue\.js|AngularJS|Angular v|core-js|Chart\.js|Select2|DataTables|Kendo UI|Handlebars|Modernizr|RequireJS|Backbone\.js|Popper|D3\.js|d3js\.org|Sizzle|es6-promise|CryptoJS|Fabric\.js|SheetJS|PDF\.js|TinyMCE|CKEditor)\b|[\s\S]{0,200}\bwebpackBootstrap\b)/;

export interface MinifiedVerdict {
  minified: boolean;
  reason?: string;
}

export function detectMinified(path: string, text: string): MinifiedVerdict {
  if (MIN_NAME.test(path)) return { minified: true, reason: 'minified file name' };
  const head = text.slice(0, 1200);
  const banner = VENDOR_BANNER.exec(head);
  if (banner) return { minified: true, reason: `vendored library (${banner[1] ?? 'webpack bundle'})` };
  if (text.length < 3000) return { minified: false };
  // Long lines: one inlined data URI or key is normal in hand-written code, most of the file
  // sitting on a few very long lines is not.
  let newlines = 0;
  let longChars = 0;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      const len = i - lineStart;
      if (len > 1000) longChars += len;
      lineStart = i + 1;
      if (i < text.length) newlines++;
    }
  }
  const avg = text.length / (newlines + 1);
  if (longChars > text.length * 0.5 && avg > 250) return { minified: true, reason: `average line length ${Math.round(avg)}` };
  return { minified: false };
}
