// Differences with the reference readers judged against ECMA-376 to be the
// reference's error (the corpus manifest's notes name some of them; the
// others were found by this run and checked in the file's XML). For each,
// the reference reading is corrected, or — where the corpus has no reference
// reading — the cells the note speaks of are given, so the run checks that
// we read the right value, not merely a different one. docs/file-reading.md
// lists the classes.
import type { Expected, ExpectedValue } from './compare';

export interface Judged {
  /** What the reference gets wrong, and the rule. */
  reason: string;
  /** The reference reading corrected. */
  fix?: (e: Expected) => Expected;
  /** No reference reading: the right values of the cells the judgement is about ([sheet, row, col, value]); other cells are not compared. */
  facts?: [string, number, number, ExpectedValue][];
}

/** The reference reading with some cells replaced ([sheet index, row, col, value]). */
function withCells(e: Expected, cells: [number, number, number, ExpectedValue][]): Expected {
  const sheets = e.sheets.map((s) => ({ ...s, cells: s.cells.map((c) => [...c] as [number, number, ExpectedValue]) }));
  for (const [si, r, c, v] of cells) {
    const hit = sheets[si].cells.find(([rr, cc]) => rr === r && cc === c);
    if (hit) hit[2] = v;
    else sheets[si].cells.push([r, c, v]);
  }
  return { ...e, sheets };
}

/** The reference reading with the plain numbers of the first sheet's cells `where` says read as dates. */
function asDates(e: Expected, where: (row: number, col: number) => boolean): Expected {
  const cells = (s: Expected['sheets'][number]) => s.cells.map(([r, c, v]) => [r, c, where(r, c) && typeof v === 'number' ? { ds: v } : v] as [number, number, ExpectedValue]);
  return { ...e, sheets: e.sheets.map((s, si) => (si === 0 ? { ...s, cells: cells(s) } : s)) };
}

const XSTRING = 'ST_Xstring (ECMA-376 Part 1 §22.9.2.19): _xHHHH_ is an escaped character and _x005F_ an escaped underscore';

export const JUDGED = new Map<string, Judged>([
  [
    '1094',
    {
      reason: `both reference readers decode _x005F_ wrongly; ${XSTRING}, so _x005F_x0041_ is the text _x0041_`,
      facts: ['_', '_x', '_x0', '_x00', '_x000', '_x0000', '_x0000_', '_x005F_', '_x000G_', '_X0000_', '_x000a_', '_x000A_', '_x0000__x0000_', '__x0000__'].map(
        (v, i) => ['Sheet1', i + 1, 1, v] as [string, number, number, ExpectedValue],
      ),
    },
  ],
  [
    '1164',
    {
      reason: `the reference keeps _x000D_ undecoded; ${XSTRING}`,
      facts: [
        ['情人节活动', 2, 8, '1、实物奖中奖概率设置为100%\r\n2、抽到的是卡片1\r\n3、虚拟奖中奖概率设置为100%'],
        ['情人节活动', 2, 9, '1、用户A抽取卡片\r\n2、用户B抽取卡片\r\n3、用户C抽取卡片\r\n4、用户D抽取卡片'],
      ],
    },
  ],
  [
    '1204',
    {
      reason: 'SheetJS keeps only the first <t> of an inline string with runs; CT_Rst (Part 1 §18.4.8) is a <t> followed by runs, all of it the text',
      facts: [['Sheet1', 1, 1, 'ARREST BOOKINGS for 01/30/17']],
    },
  ],
  [
    '0494',
    {
      reason: 'SheetJS reads t="d" times of day ("01:34:00.000…") as NaN; ST_CellType d (Part 1 §18.18.11) holds ISO 8601, of which a time alone is one form',
      fix: (e) =>
        withCells(e, [
          [0, 2, 2, { t: 5640 }],
          [0, 3, 2, { t: 5640 }],
          [0, 4, 2, { t: 67620 }],
        ]),
    },
  ],
  [
    '0510',
    {
      reason: 'SheetJS reads t="d" ISO 8601 durations ("PT24H0M0.000S") as NaN; they are days, shown with [h]:mm',
      fix: (e) =>
        withCells(
          e,
          [0, 24, 48, 1392, 1416, 1440, 1464, 1488, 1512].flatMap((hours, i) => [
            [0, i + 1, 1, { td: hours * 3600 }] as [number, number, number, ExpectedValue],
            [0, i + 1, 2, { td: hours * 3600 }] as [number, number, number, ExpectedValue],
          ]),
        ),
    },
  ],
  [
    '0740',
    {
      reason:
        'openpyxl does not know built-in number format 58, a date in the East Asian built-in formats (Part 1 §18.8.30; m"月"d"日" in zh-CN); the column is headed Fecha and FlexCel wrote it for dates',
      fix: (e) => asDates(e, (r, c) => r >= 4 && c === 10),
    },
  ],
  [
    '0832',
    {
      reason:
        'openpyxl takes the upper-case elapsed-time formats [H], [HH], [S], [SS] for colours and reads the cells as plain numbers; format codes are case-insensitive (Part 1 §18.8.31) and these show durations',
      fix: (e) => asDates(e, (r, c) => [15, 16, 17, 24, 25].includes(r) && c >= 2),
    },
  ],
  [
    '0994',
    {
      reason:
        'openpyxl drops the <t> inside an ignorable <w14:placeholder> that mc:ProcessContent names; ECMA-376 Part 3 (Markup Compatibility) has its content processed as if it stood in the <si>, whose <t>s are all the text',
      fix: (e) => withCells(e, [[0, 1, 1, 'dddabc']]),
    },
  ],
  [
    '1180',
    {
      reason: `openpyxl keeps _x000D_ undecoded in an inline string; ${XSTRING}, inline strings included`,
      fix: (e) => withCells(e, [[0, 1, 1, 'ABC\r\nDEF']]),
    },
  ],
]);

/** The reference reading corrected for a judged file; unchanged for the others. */
export function adjustExpected(id: string, e: Expected): Expected {
  return JUDGED.get(id)?.fix?.(e) ?? e;
}
