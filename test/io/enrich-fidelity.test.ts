// kesu enrich on workbooks from other producers (test/fixtures/producers/,
// written by scripts/make-producer-fixtures.ts): the copy has our columns and
// everything the user had exactly as it was — every cell (value, formula,
// format), every part we had no reason to touch byte for byte, the data
// validation on exactly I4:I20, the notes, the pictures (WPS cell images
// too). And other readers (exceljs, SheetJS) open the copy.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { main } from '../../cli/main';
import { ENRICH_HEADERS } from '../../shared/enrich/columns';
import { ENRICH_NOTE, readWorkbook } from '../../shared/io';
import { PRODUCERS } from '../../scripts/make-producer-fixtures';
import { bigLedgerXlsx } from '../../scripts/big-ledger';
import { fakeIO } from '../cli/fake-io';

const DIR = path.resolve(import.meta.dirname, '../fixtures/producers');
const FIXTURES: [string, Uint8Array][] = [
  ...Object.keys(PRODUCERS).map((name) => [name, new Uint8Array(readFileSync(path.join(DIR, name)))] as [string, Uint8Array]),
  ['generated.xlsx', bigLedgerXlsx(300)],
];

async function enrich(bytes: Uint8Array, name = 'in.xlsx'): Promise<Uint8Array> {
  const io = fakeIO({ [name]: bytes });
  const code = await main(['enrich', name, '-o', 'out.xlsx', '--as-of', '2024-06-30'], io);
  expect(code, io.stderr).toBe(0);
  return io.files.get('out.xlsx') as Uint8Array;
}

const partsOf = (bytes: Uint8Array): Map<string, Uint8Array> => new Map(Object.entries(unzipSync(bytes)));
const text = (parts: Map<string, Uint8Array>, name: string): string => strFromU8(parts.get(name) ?? new Uint8Array(0));

/** The sheet part of the first sheet (任务台账), through the workbook's relationships (absolute or relative). */
function sheetPath(parts: Map<string, Uint8Array>): string {
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  const target = /Id="rId1"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="rId1"/.exec(rels)!;
  const t = target[1] ?? target[2]!;
  return t.startsWith('/') ? t.slice(1) : `xl/${t}`;
}

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
function colName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Every cell of a sheet by its address: its attributes (r aside) and its content, as written. */
function cells(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const data = xml.slice(xml.search(/<(\w+:)?sheetData\b/), xml.search(/<\/(\w+:)?sheetData>/));
  let row = 0;
  for (const r of data.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const n = /\sr="(\d+)"/.exec(r[1]!);
    row = n ? Number(n[1]) : row + 1;
    let col = 0;
    for (const c of (r[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ref = /\sr="([A-Z]+)(\d+)"/.exec(c[1]!);
      col = ref ? colNum(ref[1]!) : col + 1;
      const attrs = c[1]!.replace(/\sr="[^"]*"/, '').trim().split(/\s+/).sort().join(' ');
      out.set(`${colName(col)}${row}`, `${attrs}|${c[2] ?? ''}`);
    }
  }
  return out;
}

/** The children of a list element (e.g. cellXfs → xf), as written. */
const items = (xml: string, list: string, child: string): string[] => {
  const body = new RegExp(`<(?:\\w+:)?${list}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${list}>`).exec(xml)?.[1] ?? '';
  return [...body.matchAll(new RegExp(`<(?:\\w+:)?${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${child}>)`, 'g'))].map((m) => m[0]);
};
const element = (xml: string, name: string): string => new RegExp(`<(?:\\w+:)?${name}\\b[\\s\\S]*?</(?:\\w+:)?${name}>`).exec(xml)?.[0] ?? '';

describe.each(FIXTURES)('enrich keeps %s as it was', async (name, original) => {
  const copy = await enrich(original, name);
  const before = partsOf(original);
  const after = partsOf(copy);
  const sheet = sheetPath(before);
  const sheetRels = sheet.replace(/([^/]+)$/, '_rels/$1.rels');
  // The parts a copy with new columns and notes must change; everything else is the user's, untouched.
  const edited = new Set([sheet, sheetRels, '[Content_Types].xml', 'xl/styles.xml', 'xl/sharedStrings.xml']);
  for (const p of before.keys()) if (/comment|vml/i.test(p)) edited.add(p);

  it('every other part comes back byte for byte', () => {
    for (const [p, bytes] of before) if (!edited.has(p)) expect(after.get(p), p).toEqual(bytes);
  });

  it('every original cell keeps its value, formula and format; the new ones are only in new columns', () => {
    const a = cells(text(before, sheet));
    const b = cells(text(after, sheet));
    for (const [ref, cell] of a) expect(b.get(ref), ref).toBe(cell);
    const width = Math.max(...[...a.keys()].map((r) => colNum(/^[A-Z]+/.exec(r)![0])));
    for (const ref of b.keys()) if (!a.has(ref)) expect(colNum(/^[A-Z]+/.exec(ref)![0]), ref).toBeGreaterThan(width);
  });

  it('shared strings and formats keep their numbers; ours are added after them', () => {
    const sst0 = items(text(before, 'xl/sharedStrings.xml'), 'sst', 'si');
    expect(items(text(after, 'xl/sharedStrings.xml'), 'sst', 'si').slice(0, sst0.length)).toEqual(sst0);
    const s0 = text(before, 'xl/styles.xml');
    const s1 = text(after, 'xl/styles.xml');
    // the lights' fills (红黄绿灯) are appended to the fills like our formats to cellXfs
    for (const [list, child] of [['cellXfs', 'xf'], ['fonts', 'font'], ['fills', 'fill']]) expect(items(s1, list, child).slice(0, items(s0, list, child).length)).toEqual(items(s0, list, child));
    for (const list of ['numFmts', 'borders', 'cellStyleXfs', 'cellStyles', 'dxfs']) expect(element(s1, list), list).toBe(element(s0, list));
  });

  it('validation on exactly I4:I20, merges, conditional formats, columns, views and extensions unchanged', () => {
    const x0 = text(before, sheet);
    const x1 = text(after, sheet);
    const dv = element(x1, 'dataValidations');
    expect(dv).toBe(element(x0, 'dataValidations'));
    if (name !== 'generated.xlsx') expect([...dv.matchAll(/sqref="([^"]*)"/g)].map((m) => m[1])).toEqual(['I4:I20']);
    for (const el of ['mergeCells', 'conditionalFormatting', 'cols', 'sheetViews', 'hyperlinks']) expect(element(x1, el), el).toBe(element(x0, el));
    // the root keeps every namespace and attribute it had
    const root = (x: string) => /<(?:\w+:)?worksheet\b[^>]*>/.exec(x)![0];
    for (const attr of root(x0).slice(1, -1).split(/\s+/).slice(1)) expect(root(x1)).toContain(attr);
  });

  it('the notes it had are kept; ours are on our header cells', () => {
    const comments = [...before.keys()].find((p) => /comment/i.test(p) && p.endsWith('.xml'));
    if (comments) for (const c of items(text(before, comments), 'commentList', 'comment')) expect(text(after, comments)).toContain(c);
    const vml = [...before.keys()].find((p) => p.endsWith('.vml'));
    if (vml) expect(text(after, vml)).toContain(/<v:shape [\s\S]*?<\/v:shape>/.exec(text(before, vml))![0]);
  });

  it('pictures: the drawing and its image are where they were', () => {
    for (const p of before.keys()) if (/^xl\/(media|drawings\/drawing|cellimages)/.test(p)) expect(after.get(p), p).toEqual(before.get(p));
    const x1 = text(after, sheet);
    if (text(before, sheet).includes('drawing r:id') || /<drawing\b/.test(text(before, sheet))) expect(x1).toMatch(/<(\w+:)?drawing\b/);
    // the sheet's relationships keep every one they had
    for (const rel of text(before, sheetRels).match(/<Relationship\b[^>]*\/>/g) ?? []) expect(text(after, sheetRels)).toContain(rel);
  });

  it('our reader, exceljs and SheetJS read the copy; ours shows the columns with their notes', async () => {
    const r = await readWorkbook(copy, name);
    if (!r.ok) throw new Error(r.problem.message);
    const headerRow = r.sheets[0]!.rows.find((row) => row.includes('序号'))!;
    expect(headerRow.slice(-ENRICH_HEADERS.length)).toEqual([...ENRICH_HEADERS]);

    const at = headerRow.length - ENRICH_HEADERS.length + 1;
    const headerIndex = r.sheets[0]!.rows.indexOf(headerRow) + 1;
    // exceljs cannot open some producers' files at all (openpyxl's absolute
    // targets, prefixed namespaces); where it opens the original it must open the copy.
    const load = async (bytes: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      return wb;
    };
    if (await load(original).then(() => true, () => false)) {
      const ws = (await load(copy)).worksheets[0]!;
      expect(String(ws.getRow(headerIndex).getCell(at).value)).toBe(ENRICH_HEADERS[0]);
      expect(JSON.stringify(ws.getRow(headerIndex).getCell(at).note)).toContain(ENRICH_NOTE.slice(0, 7));
    }

    const sj = XLSX.read(copy, { type: 'array' });
    const first = sj.Sheets[sj.SheetNames[0]!]!;
    expect(first[XLSX.utils.encode_cell({ r: headerIndex - 1, c: at - 1 })]?.v).toBe(ENRICH_HEADERS[0]);
  });

  it('enriching the copy again updates the same columns: the second copy is as wide, its other cells the same', async () => {
    const again = partsOf(await enrich(copy, name));
    const a = cells(text(after, sheet));
    const b = cells(text(again, sheet));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [ref, c] of a) expect(b.get(ref), ref).toBe(c);
    for (const [list, child] of [['cellXfs', 'xf'], ['fonts', 'font'], ['fills', 'fill']]) expect(items(text(again, 'xl/styles.xml'), list, child), list).toEqual(items(text(after, 'xl/styles.xml'), list, child));
  });
});
