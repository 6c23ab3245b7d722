// Every file-level message of the io layer (shared/io/messages.ts): in
// Chinese, naming the file, and never carrying the internal text passed as
// `detail` — that goes to FileProblem.detail for support.
import { describe, expect, it } from 'vitest';
import { IO_CODES, problem } from '../../shared/io/messages';
import { messageFaults } from '../../scripts/message-check';

const PARAMS = {
  entry: 'xl/worksheets/sheet1.xml',
  reason: '原因',
  count: 3,
  limit: 5,
  size: '1.0 MB',
  declared: '1 KB',
  method: 99,
  encoding: 'UTF-8',
  delimiter: '，',
  sheets: '「表一」、「表二」',
  part: 'xl/_rels/workbook.xml.rels',
  what: '工作簿',
  rows: '200,000',
  cols: '2,000',
  value: '#N/A',
  cell: 'C3',
  length: 40_000,
  from: '表:1',
  to: '表_1',
  range: 'A1:B2',
  marker: '（已截断）',
  width: 120,
  needed: 3,
};
const DETAIL = 'invalid distance too far back';
// Messages about a sheet being written name the sheet, not a file.
const WRITING = new Set(['write-cell-truncated', 'write-sheet-renamed', 'write-merge-skipped', 'write-invalid-chars', 'write-bad-number']);

describe('io messages', () => {
  it.each(IO_CODES.map((c) => [c]))('%s', (code) => {
    const p = problem(code, '台账.xlsx', { ...PARAMS, detail: DETAIL }, { sheet: '表', row: 3, column: 'C' });
    expect(p.detail).toBe(DETAIL);
    expect(p.message).not.toContain(DETAIL);
    expect(p.message).not.toMatch(/undefined|null|NaN|\[object/);
    if (WRITING.has(code)) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
    else expect(messageFaults(p.message, '台账.xlsx')).toEqual([]);
  });

  it('English in a quoted name is the user\'s, not an internal', () => {
    expect(messageFaults('文件「Quarterly report final.xlsx」是空工作簿。', 'Quarterly report final.xlsx')).toEqual([]);
    expect(messageFaults('文件「台账.xlsx」是空工作簿。', 'Quarterly report final.xlsx')).toEqual(['没有写出文件名']);
  });

  it('no detail, no detail field', () => {
    expect(problem('zip-corrupt', '台账.xlsx', { entry: 'xl/styles.xml' })).not.toHaveProperty('detail');
  });

  it.each([
    ['fflate', '文件「台账.xlsx」已损坏：invalid distance too far back', 1],
    ['a stack overflow', '文件「台账.xlsx」无法解析（Maximum call stack size exceeded）', 1],
    ['an index', '16385 is out of bounds', 2],
    ['a clean message', '文件「台账.xlsx」已损坏：部件 xl/worksheets/sheet1.xml 的压缩数据损坏。', 0],
  ])('the checker finds %s', (_what, message, faults) => {
    expect(messageFaults(message, '台账.xlsx').length).toBeGreaterThanOrEqual(faults);
    if (faults === 0) expect(messageFaults(message, '台账.xlsx')).toEqual([]);
  });
});
