// The package parser (shared/io/opc.ts) on its own: part names, relationship
// targets, relationship markup and media types as ECMA-376 Part 2 has them,
// and as other programs write them.
import { describe, expect, it } from 'vitest';
import { PartIndex, contentTypeOf, findMainPart, parseContentTypes, parseRelationships, partKey, relKind, relsPartOf, resolveTarget } from '../../shared/io/opc';
import { unsafeEntryName } from '../../shared/io/zip';

describe('part names (Part 2 §6.2.2.3, §7.3.4–7.3.5)', () => {
  const index = new PartIndex(['[Content_Types].xml', 'xl/WorkBook.xml', 'xl/SharedStrings.xml', 'xl/worksheets/%E8%A1%A8.xml', 'xl/media/', 'xl/a.xml', 'XL/A.XML']);
  it.each([
    ['xl/workbook.xml', 'xl/WorkBook.xml'],
    ['/XL/WORKBOOK.XML', 'xl/WorkBook.xml'],
    ['xl/sharedStrings.xml', 'xl/SharedStrings.xml'],
    ['xl/worksheets/表.xml', 'xl/worksheets/%E8%A1%A8.xml'],
    ['xl/A.xml', 'xl/a.xml'],
    ['xl/styles.xml', null],
    ['xl/media', null],
  ])('%s is found as %s', (name, stored) => {
    expect(index.find(name)).toBe(stored);
  });

  it.each([
    ['Xl/WorkBook.XML', 'xl/workbook.xml'],
    ['/xl/%E8%A1%A8.xml', 'xl/表.xml'],
    ['xl/100%.xml', 'xl/100%.xml'],
    ['xl/Ä.xml', 'xl/Ä.xml'],
  ])('partKey(%s) = %s (ASCII letters only fold)', (name, key) => {
    expect(partKey(name)).toBe(key);
  });

  it.each([
    ['', '_rels/.rels'],
    ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'],
    ['workbook.xml', '_rels/workbook.xml.rels'],
  ])('the relationships of %j are in %s', (source, part) => {
    expect(relsPartOf(source)).toBe(part);
  });
});

describe('relationship targets (Part 2 §6.4, RFC 3986 §5.2)', () => {
  it.each([
    ['xl/workbook.xml', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', '/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', '../xl/styles.xml', 'xl/styles.xml'],
    ['xl/workbook.xml', './sharedStrings.xml', 'xl/sharedStrings.xml'],
    ['xl/workbook.xml', '../../../etc/passwd', 'etc/passwd'],
    ['xl/workbook.xml', 'worksheets\\sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', 'worksheets/sheet1.xml#frag', 'xl/worksheets/sheet1.xml'],
    ['', 'xl/workbook.xml', 'xl/workbook.xml'],
    ['', '/xl/workbook.xml', 'xl/workbook.xml'],
    ['xl/workbook.xml', 'http://example.com/a.xml', null],
    ['xl/workbook.xml', 'file:///C:/a.xml', null],
    ['xl/workbook.xml', 'C:\\a.xml', null],
    ['xl/workbook.xml', '', null],
  ])('from %s, %s is %s', (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });
});

describe('relationship markup (Part 2 §6.5.3)', () => {
  it.each([
    ['plain', `<Relationships xmlns="x"><Relationship Id="rId1" Type="${'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet'}" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['prefixed', `<ns0:Relationships xmlns:ns0="x"><ns0:Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></ns0:Relationships>`],
    ['single quotes', `<Relationships xmlns='x'><Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet' Target='/xl/worksheets/sheet1.xml'/></Relationships>`],
    ['Strict', `<Relationships xmlns="x"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/sheet1.xml"></Relationship></Relationships>`],
    ['spaces and entities', `<Relationships xmlns="x">\n  <Relationship\n   Id = " rId1 "\n   Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"\n   Target="worksheets/sheet&#49;.xml" />\n</Relationships>`],
  ])('%s', (_what, xml) => {
    const [r] = parseRelationships(xml, 'xl/workbook.xml');
    expect(r).toEqual({ id: 'rId1', type: expect.stringMatching(/\/worksheet$/), part: 'xl/worksheets/sheet1.xml' });
    expect(relKind(r.type)).toBe('worksheet');
  });

  it('an external target is kept without a part', () => {
    const xml = `<Relationships><Relationship Id="rId9" Type="${'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink'}" Target="worksheets/x.xml" TargetMode="External"/></Relationships>`;
    expect(parseRelationships(xml, 'xl/worksheets/sheet1.xml')).toEqual([{ id: 'rId9', type: expect.any(String), part: null }]);
  });
});

describe('media types (Part 2 §7.2.3.5)', () => {
  const ct = parseContentTypes(
    `<x:Types xmlns:x="ct"><x:Default Extension="XML" ContentType="application/xml"/><x:Override PartName="/XL/Workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></x:Types>`,
  );
  it.each([
    ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
    ['xl/styles.xml', 'application/xml'],
    ['xl/media/image1.png', null],
  ])('%s is %s', (part, type) => {
    expect(contentTypeOf(ct, part)).toBe(type);
  });

  it('the workbook is found by relationship, else by media type, else by its usual name', () => {
    const index = new PartIndex(['xl/workbook.xml', 'book.xml']);
    const byRel = parseRelationships(`<Relationships><Relationship Id="r" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/book.xml"/></Relationships>`, '');
    expect(findMainPart(byRel, null, index)).toEqual({ part: 'book.xml', via: 'relationship' });
    const byType = parseContentTypes(`<Types><Override PartName="/book.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>`);
    expect(findMainPart([], byType, index)).toEqual({ part: 'book.xml', via: 'content-type' });
    expect(findMainPart([], null, index)).toEqual({ part: 'xl/workbook.xml', via: 'default-name' });
    expect(findMainPart([], null, new PartIndex(['a.xml']))).toBeNull();
  });
});

describe('zip entry names', () => {
  it.each([
    ['xl/workbook.xml', false],
    ['_rels/.rels', false],
    ['../../evil.sh', true],
    ['xl/../../evil.sh', true],
    ['/etc/passwd', true],
    ['C:/Windows/evil.dll', true],
    ['xl/a\0.xml', true],
    ['xl/..a.xml', false],
  ])('%j unsafe: %s', (name, unsafe) => {
    expect(unsafeEntryName(name)).toBe(unsafe);
  });
});
