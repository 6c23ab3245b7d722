// The columns supervision reads (shared/ledger): a reported status, a share,
// and a 完成情况 column of short words taken as a status column.
import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../shared/ledger/headers';
import { readLedger } from '../../shared/ledger/read';
import type { CellValue } from '../../shared/model';

const read = (header: string[], rows: CellValue[][]) => readLedger([{ name: '台账', rows: [header, ...rows], merges: [] }]);

describe('status and share headers', () => {
  it.each([
    ['完成状态', 'status'],
    ['进展状态', 'status'],
    ['推进状态', 'status'],
    ['是否完成', 'status'],
    ['任务完成状态', 'status'],
    ['完成进度', 'share'],
    ['完成比例', 'share'],
    ['完成进度（%）', 'share'],
    ['进度', 'share'],
    ['工作进展', 'progress'],
    ['进展情况', 'progress'],
    ['状态', null], // kesu's own column: never read back as a report
    ['红黄绿灯', null],
    ['判断依据', null],
  ])('%s → %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it('rows carry the status cell and the raw share cell', () => {
    const l = read(['序号', '重点任务', '牵头单位', '完成状态', '完成进度', '工作进展'], [[1, '活动', '区科协', ' 序时推进 ', 0.6, '正在推进']]);
    expect(l.sheets[0]!.rows[0]).toMatchObject({ statusText: '序时推进', shareRaw: 0.6, progressText: '正在推进' });
  });
});

describe('a 完成情况 column', () => {
  it('of short status words is the status column', () => {
    const l = read(['序号', '重点任务', '牵头单位', '完成情况'], [[1, 'a', '区科协', '已完成'], [2, 'b', '区科协', '推进中'], [3, 'c', '区科协', ''], [4, 'd', '区科协', '未启动']]);
    const s = l.sheets[0]!;
    expect(s.header.columns.status).toBe(3);
    expect(s.header.columns.progress).toBeUndefined();
    expect(s.rows.map((r) => [r.statusText, r.progressText])).toEqual([['已完成', ''], ['推进中', ''], ['', ''], ['未启动', '']]);
  });

  it('beside a progress column: 完成情况 is the status, the other the text, and no duplicate-header finding', () => {
    const l = read(['序号', '重点任务', '牵头单位', '完成情况', '工作进展'], [[1, 'a', '区科协', '已完成', '已于5月完成'], [2, 'b', '区科协', '滞后', '受汛期影响推进较慢']]);
    expect(l.sheets[0]!.header.columns).toMatchObject({ status: 3, progress: 4 });
    expect(l.findings.filter((f) => f.code === 'structure.duplicate-header')).toEqual([]);
    expect(l.sheets[0]!.rows[1]).toMatchObject({ statusText: '滞后', progressText: '受汛期影响推进较慢' });
  });

  it('of prose stays the progress text', () => {
    const l = read(['序号', '重点任务', '牵头单位', '完成情况'], [[1, 'a', '区科协', '已开展科技月活动23场'], [2, 'b', '区科协', '推进中'], [3, 'c', '区科协', '培训教师46人次']]);
    expect(l.sheets[0]!.header.columns).toMatchObject({ progress: 3 });
    expect(l.sheets[0]!.header.columns.status).toBeUndefined();
  });
});
