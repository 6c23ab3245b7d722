// Never die on a small file: every dimension an input controls is bounded,
// and going past a bound is a refusal in Chinese naming the file, what was
// too big and what to do, given quickly and without the memory it would
// have taken. (Figures before the bounds: a 16 KB .docx with one gridSpan of
// 100,000,000 took 5.9 GB; a 305 KB CSV with one value in column 5,000 took
// 2.9 GB; a 20 MB one-cell CSV 2.65 GB.)
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook, planReader } from '../../shared/io';
import { CSV_CELLS_MAX, CSV_FIELD_MAX, parseDelimited } from '../../shared/io/csv';
import { DOCX_LIMITS, readDocx } from '../../shared/io/docx';
import { PLAN_TEXT_MAX, readPlanFile } from '../../shared/plan/read';
import { clipField, JSON_FIELD_MAX } from '../../cli/commands/common';
import { main } from '../../cli/main';
import { fakeIO } from '../cli/fake-io';
import { buildDocx } from '../plan/docx';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
function docx(body: string, prefix = 'w'): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(`<?xml version="1.0"?><${prefix}:document xmlns:${prefix}="${W}"><${prefix}:body>${body}</${prefix}:body></${prefix}:document>`),
    },
    { level: 9 },
  );
}
const para = (t: string, p = 'w') => `<${p}:p><${p}:r><${p}:t>${t}</${p}:t></${p}:r></${p}:p>`;
const rowXml = (cells: string) => `<w:tr>${cells}</w:tr>`;
const nested = (depth: number): string => {
  let x = para('深');
  for (let i = 0; i < depth; i++) x = `<w:tbl><w:tr><w:tc>${x}</w:tc></w:tr></w:tbl>`;
  return x;
};
const deep = (depth: number): string => '<w:sdt><w:sdtContent>'.repeat(depth) + para('深') + '</w:sdtContent></w:sdt>'.repeat(depth);

/** Runs `f` and says how long it took and how much the heap and buffers grew. */
async function measured<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; grewMb: number }> {
  const before = process.memoryUsage();
  const t0 = performance.now();
  const value = await f();
  const after = process.memoryUsage();
  return { value, ms: performance.now() - t0, grewMb: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20 };
}

describe('.docx plans: bounded before mammoth sees them', () => {
  it.each<[string, () => Uint8Array, string]>([
    ['a gridSpan of 100,000,000 (16 KB)', () => docx(para('方案') + `<w:tbl>${rowXml('<w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr>' + para('x') + '</w:tc>')}</w:tbl>`), '单元格横向合并的列数'],
    ['a million paragraphs (~120 KB)', () => docx('<w:p/>'.repeat(1_000_000)), '段落数'],
    ['paragraphs under another namespace prefix', () => docx('<x:p/>'.repeat(DOCX_LIMITS.paragraphs + 1), 'x'), '段落数'],
    ['300,000 table rows with vertical merges', () => docx(`<w:tbl>${rowXml('<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>').repeat(DOCX_LIMITS.rows + 1)}</w:tbl>`), '表格行数'],
    ['2,000 tables nested in cells', () => docx(nested(2_000)), '表格套表格的层数'],
    ['elements nested 5,000 deep', () => docx(deep(5_000)), '内部嵌套层数'],
    ['5 MB of text', () => docx(`<w:p><w:r><w:t>${'字'.repeat(2 * 1024 * 1024)}</w:t></w:r></w:p>`), '文字字节数'],
    ['a million runs in one paragraph', () => docx(`<w:p>${'<w:r/>'.repeat(600_000)}</w:p>`), '内部元素数'],
  ])('%s → a refusal naming the file and the measure, fast', async (_n, make, what) => {
    const bytes = make();
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const { value: r, ms, grewMb } = await measured(() => readDocx(bytes, '方案.docx'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe('docx-too-complex');
    expect(r.problem.message).toContain('「方案.docx」');
    expect(r.problem.message).toContain(what);
    expect(r.problem.message).toContain('另存为 .txt');
    expect(ms).toBeLessThan(15_000);
    expect(grewMb).toBeLessThan(400);
  }, 30_000);

  it('a plan within the bounds still reads: tables with spans and merges, nested once', async () => {
    const bytes = docx(
      para('一、提升行动') +
        `<w:tbl>${rowXml('<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + para('任务') + '</w:tc><w:tc>' + para('牵头单位') + '</w:tc>')}${rowXml('<w:tc>' + para('1') + '</w:tc><w:tc>' + para('开展科普活动') + '</w:tc><w:tc>' + nested(1) + '</w:tc>')}</w:tbl>`,
    );
    const r = await readDocx(bytes, '方案.docx');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.text).toContain('任务\t\t牵头单位');
  });

  it('a broken document keeps the library\'s own words out of the message, in detail', async () => {
    const bytes = docx('<w:p><w:r><w:t>未闭合');
    const r = await readDocx(bytes, '坏.docx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.message).toMatch(/^「坏\.docx」/);
    expect(r.problem.message).not.toMatch(/[A-Za-z]{6,}/);
  });
});

describe('CSV: bounded fields, columns and grid', () => {
  it.each<[string, string, () => string, string[]]>([
    ['a 20 MB one-cell file named .xlsx', 'csv-field-too-long', () => 'x'.repeat(20 * 1024 * 1024), ['第 1 行 A 列', '20,971,520', '32,767']],
    ['one quoted field over the bound in a ledger', 'csv-field-too-long', () => `序号,任务内容\n1,"${'进展'.repeat(CSV_FIELD_MAX)}"\n`, ['第 2 行 B 列']],
    ['a row with 5,000,000 delimiters', 'csv-too-wide', () => ','.repeat(5_000_000) + '\na\n', ['第 1 行', '2000 列']],
    ['one value in column 1,999 over 150,000 rows (305 KB)', 'csv-too-many-cells', () => ','.repeat(1_998) + 'x\n' + 'a\n'.repeat(150_000), ['最宽处 1999 列', '20,000,000 个单元格']],
  ])('%s → %s', async (_n, code, make, words) => {
    const text = make();
    const { value: r, grewMb } = await measured(() => readWorkbook(new TextEncoder().encode(text), '台账.xlsx'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe(code);
    expect(r.problem.message).toContain('「台账.xlsx」');
    for (const w of words) expect(r.problem.message).toContain(w);
    expect(grewMb).toBeLessThan(400);
  }, 60_000);

  it('parseDelimited reads quotes, doubled quotes, CRLF and stray text as before, from slices', () => {
    const r = parseDelimited('a,"b ""q"", c"x,d\r\n"multi\nline",,\n\n', ',', 100);
    expect(r.rows).toEqual([['a', 'b "q", cx', 'd'], ['multi\nline', '', ''], ['']]);
    expect(r.over).toBeUndefined();
    expect(parseDelimited('a,b', ',', 100).rows).toEqual([['a', 'b']]);
    expect(parseDelimited('a,', ',', 100).rows).toEqual([['a', '']]);
    expect(parseDelimited('"open', ',', 100).rows).toEqual([['open']]);
  });

  it('the bounds are where the constants say', () => {
    expect(parseDelimited('x'.repeat(10), ',', { maxField: 9 }).over).toEqual({ kind: 'field', row: 1, col: 1, length: 10 });
    expect(parseDelimited('a,b,c', ',', { maxCols: 2 }).over).toEqual({ kind: 'cols', row: 1, count: 3 });
    expect(parseDelimited('a,b\nc,d\ne,f', ',', { maxCells: 5 }).over).toEqual({ kind: 'cells', rows: 3, width: 2 });
    expect(CSV_CELLS_MAX).toBe(20_000_000);
  });
});

describe('plan text', () => {
  it('a text over the bound is refused before it is imported; one under it reads', async () => {
    const line = '（一）实施青少年科学素质提升行动。每年开展科普活动不少于50场。\n';
    const over = new TextEncoder().encode(line.repeat(Math.ceil((PLAN_TEXT_MAX + 1) / line.length)));
    const r = await readPlanFile(over, '方案.txt', planReader);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/^「方案\.txt」有 [\d,]+ 个字符，超过上限 1,000,000 个字符/);
    const huge = await readPlanFile(new Uint8Array(4 * PLAN_TEXT_MAX + 1).fill(0x61), '方案.txt', planReader);
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.problem.message).toContain('字节');
    expect((await readPlanFile(new TextEncoder().encode(line.repeat(100)), '方案.txt', planReader)).ok).toBe(true);
  });

  it('a .docx whose text is over the bound too', async () => {
    const bytes = buildDocx(Array.from({ length: 40 }, () => ({ p: '科'.repeat(26_000) })));
    const r = await readPlanFile(bytes, '方案.docx', planReader);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe('plan.too-long');
  });
});

describe('--json output', () => {
  it('clips a string over Excel\'s cell limit with a marker saying how long it was', () => {
    expect(clipField('短')).toBe('短');
    const long = '长'.repeat(JSON_FIELD_MAX + 10);
    const clipped = clipField(long);
    expect(clipped.startsWith('长'.repeat(JSON_FIELD_MAX))).toBe(true);
    expect(clipped).toContain('〔已截断，原有 32,777 个字符〕');
    // a surrogate pair is never split
    expect(clipField('a'.repeat(JSON_FIELD_MAX - 1) + '𠀀' + 'b')).toMatch(/^a+…/);
  });

  it('kesu import-plan --json of a plan whose one task is 900,000 characters prints that text clipped', async () => {
    const task = '每年开展科普活动不少于50场，'.repeat(60_000);
    const io = fakeIO({ 'plan.txt': `一、提升行动\n（一）实施青少年科学素质提升行动\n1.开展科技活动。${task}〔牵头单位:区教育局〕\n` });
    expect(await main(['import-plan', 'plan.txt', '--json'], io)).toBe(0);
    const strings: string[] = [];
    JSON.parse(io.stdout, (_k, v) => (typeof v === 'string' && strings.push(v), v));
    expect(strings.reduce((m, s) => Math.max(m, s.length), 0)).toBeLessThanOrEqual(JSON_FIELD_MAX + 40);
    expect(io.stdout).toMatch(/〔已截断，原有 9\d\d,\d{3} 个字符〕/);
  }, 60_000);
});
