// Cell values as other programs write them (shared/io/cell-value.ts), date
// formats in either case (styles.ts), and the encodings of XML parts
// (xml-encoding.ts): each rule on its own, table by table.
import { describe, expect, it } from 'vitest';
import { booleanValue, isoValue, numberValue } from '../../shared/io/cell-value';
import { isDateFormat } from '../../shared/io/styles';
import { decodeXmlBytes } from '../../shared/io/xml-encoding';
import { utf16 } from '../support/xlsx-package';

const day = (y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date => new Date(Date.UTC(y, m - 1, d, h, mi, s, ms));
/** Day 0 of the 1900 system plus a time: how a time serial below 1 reads. */
const onDay0 = (h: number, mi: number, s = 0, ms = 0): Date => new Date(Date.UTC(1899, 11, 30, h, mi, s, ms));

describe('t="d" values (ISO 8601)', () => {
  it.each([
    ['2023-06-30', day(2023, 6, 30)],
    ['2023-06-30T08:30', day(2023, 6, 30, 8, 30)],
    ['2023-06-30T08:30:15.25', day(2023, 6, 30, 8, 30, 15, 250)],
    ['2023-06-30 08:30:15', day(2023, 6, 30, 8, 30, 15)],
    ['2023-06-30T08:30:00Z', day(2023, 6, 30, 8, 30)],
    ['2023-06-30T08:30:00+08:00', day(2023, 6, 30, 0, 30)],
    ['10:10:10', onDay0(10, 10, 10)],
    ['T01:34', onDay0(1, 34)],
    ['01:34:00.00000000000154875', onDay0(1, 34)],
    ['PT24H0M0.000S', day(1899, 12, 31)],
    ['PT36H', day(1899, 12, 31, 12)],
    ['P1DT2H30M', day(1899, 12, 31, 2, 30)],
    ['PT0H0M0.000S', day(1899, 12, 30)],
    ['-PT12H', day(1899, 12, 29, 12)],
  ])('%s', (raw, want) => {
    expect(isoValue(raw)).toEqual(want);
  });

  it('year 0099 is the year 99, not 1999', () => {
    expect((isoValue('0099-01-02') as Date).toISOString()).toBe('0099-01-02T00:00:00.000Z');
  });

  it.each([['2023-02-30'], ['2023-13-01'], ['P1Y2M'], ['PT'], ['明天'], ['275760-09-14']])('%s stays the text it is', (raw) => {
    expect(isoValue(raw)).toBe(raw);
  });
});

describe('numbers', () => {
  it.each([
    ['45107', false, 45107],
    ['1.0E12', false, 1e12],
    ['-1.5E-3', false, -0.0015],
    ['45107', true, day(2023, 6, 30)],
    ['0.5', true, onDay0(12, 0)],
    // Past the range of a Date: the number survives.
    ['1.0E12', true, 1e12],
    ['123456789', true, 123456789],
    ['NaN', false, NaN],
    ['-INF', false, -Infinity],
    ['abc', false, 'abc'],
    ['  ', false, null],
  ])('%s (date style %s)', (raw, isDate, want) => {
    expect(numberValue(raw, isDate, false)).toEqual(want);
  });

  it('the 1904 system is 1,462 days later', () => {
    expect(numberValue('45107', true, true)).toEqual(day(2027, 7, 1));
  });

  it.each([
    ['1', true],
    ['0', false],
    ['true', true],
    ['FALSE', false],
    [' 1 ', true],
    ['x', false],
  ])('boolean %j is %s', (raw, want) => {
    expect(booleanValue(raw)).toBe(want);
  });
});

describe('date formats in either case (Part 1 §18.8.31)', () => {
  it.each([
    ['YYYY-MM-DD', true],
    ['DD/MM/YYYY', true],
    ['HH:MM:SS', true],
    ['[HH]', true],
    ['[h]:mm', true],
    ['[SS]', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['[DBNum1][$-804]yyyy"年"m"月"d"日"', true],
    ['m/d/yyyy\\ h:mm:ss', true],
    ['yyyy-mm-dd;@', true],
    ['GENERAL', false],
    ['General', false],
    ['[RED]#.##', false],
    ['[BLUE]GENERAL', false],
    ['[GREEN]#,###', false],
    ['[>=100]"高";[<50]"低";"中"', false],
    ['"Date:" 0', false],
    ['\\d\\a\\y 0', false],
    ['_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-', false],
    ['0.00E+00', false],
    ['@', false],
    ['0;[Red]yyyy', false],
  ])('%s shows a date: %s', (code, want) => {
    expect(isDateFormat(code)).toBe(want);
  });
});

describe('encodings of XML parts (Part 2 §6.2.5; XML 1.0 Appendix F)', () => {
  const xml = '<?xml version="1.0" encoding="UTF-16"?><sst><si><t>台账 ü</t></si></sst>';
  const utf8 = new TextEncoder().encode(xml.replace('UTF-16', 'UTF-8'));
  it.each([
    ['UTF-8', utf8],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])],
    ['UTF-16LE with BOM', utf16(xml)],
    ['UTF-16BE with BOM', utf16(xml, true)],
    ['UTF-16LE without BOM', utf16(xml, false, false)],
    ['UTF-16BE without BOM', utf16(xml, true, false)],
  ])('%s', (_what, bytes) => {
    expect(decodeXmlBytes(bytes)).toContain('<t>台账 ü</t>');
    expect(decodeXmlBytes(bytes).charCodeAt(0)).toBe(0x3c);
  });

  it('a declared single-byte encoding is honoured; a UTF-16 declaration over UTF-8 bytes is not', () => {
    const latin = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><t>'), 0xfc, ...new TextEncoder().encode('</t>')]);
    expect(decodeXmlBytes(latin)).toContain('<t>ü</t>');
    expect(decodeXmlBytes(new TextEncoder().encode(xml))).toContain('<t>台账 ü</t>');
  });
});
