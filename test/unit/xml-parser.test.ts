import { describe, expect, it } from 'vitest';
import { attr, child, childText, descendants, parseXml, textOf, trimmedTextSpan } from '../../server/src/parsers/xml';

const parse = (text: string, path = 'a.xml') => parseXml({ path, text }, 'other');

describe('xml parser', () => {
  it('gives exact offsets for elements, attributes and text on one-attribute-per-line CRLF input', () => {
    const text = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<Role',
      '  id="{171c4f46-0338-ef11-a81c-000d3ab4e7f0}"',
      '  name="Claims Adjuster">',
      '  <RolePrivileges>',
      '    <RolePrivilege',
      '      name="prvDeletecnt_Claim"',
      '      level="Global" />',
      '  </RolePrivileges>',
      '  <IsCustomizable>1</IsCustomizable>',
      '</Role>',
    ].join('\r\n');
    const doc = parse(text);
    expect(doc.failed).toBe(false);
    const root = doc.root!;
    expect(root.name).toBe('Role');
    expect(doc.lines.positionAt(root.span.start).line).toBe(1);
    expect(text.slice(root.span.end - 7, root.span.end)).toBe('</Role>');
    const priv = descendants(root, 'roleprivilege')[0]!;
    expect(doc.lines.positionAt(priv.span.start).line).toBe(5);
    const level = attr(priv, 'LEVEL')!;
    expect(level.value).toBe('Global');
    expect(doc.lines.positionAt(level.span.start)).toEqual({ line: 7, character: 6 });
    expect(text.slice(level.valueSpan.start, level.valueSpan.end)).toBe('Global');
    const ic = child(root, 'IsCustomizable')!;
    expect(textOf(ic)).toBe('1');
    expect(text.slice(ic.textSpan!.start, ic.textSpan!.end)).toBe('1');
    expect(doc.lines.positionAt(ic.textSpan!.start).line).toBe(9);
    // indentation between children is not text
    expect(root.text).toBe('');
  });

  it('includes CDATA in element text with the span of its content', () => {
    const text = '<Relay>\n  <ConnectionString><![CDATA[Endpoint=sb://x.servicebus.windows.net/;SharedAccessKey=abc<&>]]></ConnectionString>\n</Relay>';
    const doc = parse(text);
    const cs = child(doc.root, 'ConnectionString')!;
    expect(cs.text).toBe('Endpoint=sb://x.servicebus.windows.net/;SharedAccessKey=abc<&>');
    expect(text.slice(cs.textSpan!.start, cs.textSpan!.end)).toBe(cs.text);
    const fact = doc.strings.find((s) => s.name === 'ConnectionString')!;
    expect(fact.origin).toBe('xml-text');
    expect(text.slice(fact.span.start, fact.span.end)).toBe(cs.text);
  });

  it('decodes entities in text and attributes and keeps spans on the raw text', () => {
    const text = '<a t="x &amp; y &#65;&#x42;&lt;">  AT&amp;T &quot;q&quot; &unknown; </a>';
    const doc = parse(text);
    expect(doc.failed).toBe(false);
    expect(attr(doc.root, 't')!.value).toBe('x & y AB<');
    expect(textOf(doc.root)).toBe('AT&T "q" &unknown;');
    const sp = trimmedTextSpan(doc, doc.root!);
    expect(text.slice(sp.start, sp.end)).toBe('AT&amp;T &quot;q&quot; &unknown;');
  });

  it('names .NET config values by their key and resx values by their data name', () => {
    const text = [
      '<configuration>',
      '  <connectionStrings><add name="Crm" connectionString="AuthType=Office365;Password=p" /></connectionStrings>',
      '  <appSettings><add key="StorageKey" value="v1" /></appSettings>',
      '  <data name="SmtpPassword" xml:space="preserve"><value>s3cret</value></data>',
      '</configuration>',
    ].join('\n');
    const doc = parse(text);
    const byValue = (v: string) => doc.strings.find((s) => s.value === v)!;
    expect(byValue('AuthType=Office365;Password=p').name).toBe('Crm');
    expect(byValue('v1').name).toBe('StorageKey');
    expect(byValue('v1').path).toBe('configuration.appSettings.add');
    expect(byValue('s3cret').name).toBe('SmtpPassword');
    expect(byValue('s3cret').origin).toBe('xml-text');
    expect(byValue('StorageKey').name).toBe('key');
  });

  it('records comments and keeps them out of element text', () => {
    const text = '<a><!-- <add key="Password" value="x"/> -->\n<b>1</b></a>';
    const doc = parse(text);
    expect(doc.comments).toHaveLength(1);
    expect(text.slice(doc.comments[0]!.start, doc.comments[0]!.end)).toMatch(/^<!--.*-->$/);
    expect(doc.strings.some((s) => s.value === 'x')).toBe(false);
    expect(childText(doc.root, 'b')).toBe('1');
  });

  it('reports a truncated file once with line and column, and keeps no tree', () => {
    const doc = parse('<Entity>\r\n  <Name>Trunc</Name>\r\n  <EntityInfo>\r\n    <entity Name="x"');
    expect(doc.failed).toBe(true);
    expect(doc.root).toBeUndefined();
    expect(doc.strings).toHaveLength(0);
    expect(doc.notices).toHaveLength(1);
    expect(doc.notices[0]!.kind).toBe('parse-error');
    expect(doc.notices[0]!.message).toMatch(/line 4, column \d+/);
  });

  it('reports mismatched tags', () => {
    const doc = parse('<a>\n<b></c>\n</a>');
    expect(doc.failed).toBe(true);
    expect(doc.notices[0]!.message).toMatch(/line 2/);
  });

  it('handles an empty file and a whitespace-only file', () => {
    for (const t of ['', '  \r\n']) {
      const doc = parse(t);
      expect(doc.failed).toBe(true);
      expect(doc.notices).toHaveLength(1);
    }
  });

  it('survives 10,000-deep nesting', () => {
    const depth = 10000;
    const text = '<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth);
    const doc = parse(text);
    expect(doc.failed).toBe(false);
    expect(descendants(doc.root).length).toBe(depth - 1);
    expect(doc.strings).toHaveLength(1);
    expect(doc.strings[0]!.span.start).toBe(depth * 3);
  });

  it('reports unclosed 10,000-deep nesting without crashing', () => {
    const doc = parse('<a>'.repeat(10000));
    expect(doc.failed).toBe(true);
    expect(doc.notices).toHaveLength(1);
  });

  it('parses text decoded from UTF-16 with an encoding declaration', () => {
    const doc = parse('<?xml version="1.0" encoding="utf-16"?>\r\n<Role name="Viewer"><RolePrivileges /></Role>');
    expect(doc.failed).toBe(false);
    expect(attr(doc.root, 'name')!.value).toBe('Viewer');
  });

  it('normalises line ends inside a multi-line attribute value', () => {
    const text = '<add name="Crm"\r\n  connectionString="AuthType=Office365;\r\n    Username=a;\r\n    Password=b" />';
    const doc = parse(text);
    expect(attr(doc.root, 'connectionString')!.value).toBe('AuthType=Office365;     Username=a;     Password=b');
  });

  it('rejects repeated attributes and garbage', () => {
    expect(parse('<a b="1" b="2"/>').failed).toBe(true);
    expect(parse('not xml at all').failed).toBe(true);
    expect(parse('<a>1</a><b/>').failed).toBe(true);
  });
});
