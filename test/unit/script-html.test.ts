import { describe, expect, it } from 'vitest';
import { parseScript } from '../../server/src/parsers/script';
import { scriptBlocksOnly } from '../../server/src/parsers/script-html';

describe('inline scripts of HTML web resources', () => {
  const html = '<html>\r\n<head>\r\n<script src="a.js"></script>\r\n<script type="text/html"><b>x</b></script>\r\n<SCRIPT type="text/javascript">\r\nvar k = 1;\r\n</SCRIPT>\r\n</head>\r\n<body onload="go()">é</body>\r\n</html>';
  const out = scriptBlocksOnly(html);

  it('keeps the length and every line break, so offsets and lines are the page\'s own', () => {
    expect(out.length).toBe(html.length);
    expect(out.split('\r\n').length).toBe(html.split('\r\n').length);
  });

  it('keeps only JavaScript blocks without src', () => {
    expect(out.trim()).toBe('var k = 1;');
    expect(out.indexOf('var k')).toBe(html.indexOf('var k'));
  });

  it('blanks a page without scripts', () => {
    expect(scriptBlocksOnly('<p>http://x</p>\n').trim()).toBe('');
  });

  it('an unclosed script runs to the end of the page', () => {
    expect(scriptBlocksOnly('<script>var a = "b";').trim()).toBe('var a = "b";');
  });

  it('a page with a long line of markup (an inlined image) is not taken for a minified script', () => {
    const page = `<html><body><img src="data:image/png;base64,${'A'.repeat(6000)}"></body>\n<script>\nvar u = "http://example.org/x";\n</script>\n</html>\n`;
    const doc = parseScript({ path: 'webresources/page.html', text: page }, 'webresource', 'js');
    expect(doc.minified).toBe(false);
    expect(doc.ast?.body.length).toBe(1);
  });
});
