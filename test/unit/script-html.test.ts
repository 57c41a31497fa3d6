import { describe, expect, it } from 'vitest';
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
});
