import { describe, expect, it } from 'vitest';
import { detectHeader, fieldOf } from '../../shared/ledger/headers';
import { metaFromTitles, periodFrom, asOfFrom, planFrom, jurisdictionFrom } from '../../shared/ledger/meta';
import type { CellValue, SheetGrid } from '../../shared/model';

const grid = (rows: CellValue[][], merges: SheetGrid['merges'] = []): SheetGrid => ({ name: '任务台账', rows, merges });

describe('fieldOf: header synonyms', () => {
  it.each([
    ['序号', 'id'], ['编号', 'id'],
    ['类别', 'category'], ['分类', 'category'],
    ['任务', 'title'], ['重点任务', 'title'], ['工作任务', 'title'],
    ['任务内容', 'content'], ['具体措施', 'content'], ['主要内容', 'content'],
    ['牵头单位', 'leads'], ['牵头部门', 'leads'], ['牵头单位（部门）', 'leads'],
    ['责任单位', 'partners'], ['责任部门', 'partners'], ['配合单位', 'partners'],
    ['完成时限', 'deadline'], ['时间节点', 'deadline'],
    ['进展情况', 'progress'], ['工作进展', 'progress'], ['2023年上半年工作进展', 'progress'], ['2024年第一季度进展情况', 'progress'],
    ['完成值', 'actual'], ['实际完成', 'actual'],
    ['目标', 'target'], ['量化目标', 'target'],
    ['备注', 'note'],
    [' 牵 头 单 位 ', 'leads'], ['　任务内容　', 'content'],
  ])('%s → %s', (h, f) => {
    expect(fieldOf(h)).toBe(f);
  });

  it.each(['规范牵头单位', '目标值', '状态', '完成率', '联系人', '填报单位：区科协', ''])('%s is not a user field', (h) => {
    expect(fieldOf(h)).toBeNull();
  });
});

describe('detectHeader', () => {
  const header = ['序号', '类别', '重点任务', '任务内容', '牵头单位', '责任单位', '完成时限', '2023年上半年工作进展', '完成值', '备注', '自定义列'];
  it('finds the header under title rows and captures the progress period', () => {
    const g = grid(
      [
        ['锦江区全民科学素质行动重点任务台账（2023年上半年）', null, null],
        ['填报单位：区科协　　截至日期：2023年6月30日'],
        header,
        [1, '实施青少年科学素质提升行动', '培养青少年科学精神', '…', '区教育局'],
      ],
      [{ top: 0, left: 0, bottom: 0, right: 10 }],
    );
    const h = detectHeader(g)!;
    expect(h.index).toBe(2);
    expect(h.row).toBe(3);
    expect(h.columns).toMatchObject({ id: 0, category: 1, title: 2, content: 3, leads: 4, partners: 5, deadline: 6, progress: 7, actual: 8, note: 9 });
    expect(h.progressPeriod).toBe('2023年上半年');
    expect(h.extras).toEqual([{ col: 10, header: '自定义列' }]);
    expect(h.mergedHeaders).toEqual([]);
  });

  it('reports the Excel row when the grid is a sub-range', () => {
    const h = detectHeader({ ...grid([header]), origin: { row: 4, col: 0 } })!;
    expect(h.row).toBe(5);
  });

  it('notes duplicated headers, first one wins', () => {
    const h = detectHeader(grid([['序号', '任务内容', '牵头单位', '牵头部门']]))!;
    expect(h.columns.leads).toBe(2);
    expect(h.duplicates).toEqual([{ field: 'leads', cols: [2, 3] }]);
  });

  it('notes merged header cells and starts data below a two-row header', () => {
    const h = detectHeader(
      grid([['序号', '任务内容', '牵头单位', '进展情况', null], [null, null, null, '进展', '完成值'], [1, 'x', 'y']], [
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 3, bottom: 0, right: 4 },
      ]),
    )!;
    expect(h.index).toBe(0);
    expect(h.mergedHeaders).toHaveLength(2);
    expect(h.dataStart).toBe(2);
  });

  it.each([
    ['no table at all', [['锦江区科普工作总结'], ['今年开展了很多活动']]],
    ['only numbering and notes', [['序号', '备注']]],
    ['empty sheet', []],
  ])('returns null: %s', (_n, rows) => {
    expect(detectHeader(grid(rows as CellValue[][]))).toBeNull();
  });

  it('looks no further than the first 30 rows', () => {
    const rows: CellValue[][] = Array.from({ length: 30 }, (_, i) => [`说明第${i + 1}行`]);
    rows.push(header);
    expect(detectHeader(grid(rows))).toBeNull();
    expect(detectHeader(grid(rows.slice(1)))!.row).toBe(30);
  });
});

describe('ledger meta from title rows', () => {
  it.each([
    ['锦江区全民科学素质行动规划纲要实施方案重点任务台账（2023年上半年）', '锦江区'],
    ['成都市锦江区全民科学素质行动重点任务台账', '成都市锦江区'],
    ['重庆市綦江区全民科学素质行动实施方案（2021—2025年）任务分解表', '重庆市綦江区'],
    ['2023年全民科学素质行动工作要点任务台账', null],
    ['全国全民科学素质行动工作要点任务台账', '国家'],
    ['锦江区2024年第一季度全民科学素质工作台账', '锦江区'],
    ['填报单位：区科协', null],
  ])('jurisdiction of %s → %s', (t, want) => {
    expect(jurisdictionFrom(t)).toBe(want);
  });

  it.each([
    ['台账（2023年上半年）', '2023年上半年'],
    ['2024年第一季度进展', '2024年第一季度'],
    ['2024年一季度', '2024年第一季度'],
    ['2024Q2', '2024年第二季度'],
    ['2023年下半年工作进展', '2023年下半年'],
    ['没有日期', null],
  ])('period of %s → %s', (t, want) => {
    expect(periodFrom(t)).toBe(want);
  });

  it.each([
    ['填报单位：区科协　　截至日期：2023年6月30日', '2023-06-30'],
    ['截至2024年3月31日', '2024-03-31'],
    ['截止时间: 2024-12-31', '2024-12-31'],
    ['截至日期：2023年2月30日', null],
  ])('as-of of %s → %s', (t, want) => {
    expect(asOfFrom(t)).toBe(want);
  });

  it.each([
    ['（2021—2025年）', { start: 2021, end: 2025 }],
    ['2021-2025年', { start: 2021, end: 2025 }],
    ['2021至2035年', { start: 2021, end: 2035 }],
    ['2023年上半年', null],
  ])('plan period of %s', (t, want) => {
    expect(planFrom(t)).toEqual(want);
  });

  it('reads the example title rows', () => {
    const m = metaFromTitles(
      ['锦江区全民科学素质行动规划纲要实施方案重点任务台账（2023年上半年）', '填报单位：区科协　　截至日期：2023年6月30日　　（进展与完成值为示例）'],
      '2023年上半年',
    );
    expect(m).toMatchObject({ jurisdiction: '锦江区', period: '2023年上半年', asOf: '2023-06-30', planPeriod: null });
  });

  it('takes the period from the progress header when titles have none, and not from the as-of date', () => {
    expect(metaFromTitles(['重点任务台账', '截至2024年3月31日'], '2024年第一季度').period).toBe('2024年第一季度');
  });
});
