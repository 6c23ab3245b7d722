import { describe, expect, it } from 'vitest';
import { buildTasks } from '../../shared/ledger/tasks';
import { readLedger } from '../../shared/ledger/read';
import { defaultDirectory } from '../../shared/owners';
import type { CellValue } from '../../shared/model';

const rowsOf = (header: string[], rows: CellValue[][]) => readLedger([{ name: '台账', rows: [header, ...rows], merges: [] }]).sheets[0]!.rows;
const asOf = new Date('2024-06-30T00:00:00Z');

describe('buildTasks', () => {
  it('takes targets from 量化目标 when the column is there, else from 任务内容 and 重点任务', () => {
    const rows = rowsOf(
      ['序号', '重点任务', '任务内容', '牵头单位', '量化目标', '完成时限'],
      [
        [1, '科普活动', '开展科普活动不少于50场', '区科协', '培训教师200人次', '2025年'],
        [2, '建设3所特色学校', '推动中小学科技教育', '区教育局', '', '2025年底'],
        [3, '宣传', '加强宣传', '区科协', '', ''],
      ],
    );
    const ts = buildTasks(rows, { directory: null, asOf, plan: { start: 2021, end: 2025 } });
    expect(ts.map((t) => t.targets.map((x) => [x.value, x.unit]))).toEqual([[[200, '人次']], [[3, '所']], []]);
    expect(ts.map((t) => t.deadlineYear)).toEqual([2025, 2025, null]);
    expect(ts.map((t) => t.quantified)).toEqual([true, true, false]);
    expect(ts[2]!.status).toBe('未填报');
  });

  it('reads 每年 in 完成时限 as an annual task, and classifies by the category text', () => {
    const rows = rowsOf(
      ['类别', '任务内容', '牵头单位', '完成时限'],
      [['实施农民科学素质提升行动', '开展农民教育培训3000人次以上', '区农业农村局', '每年']],
    );
    const [t] = buildTasks(rows, { directory: null, asOf });
    expect(t!.recurrence).toBe('annual');
    expect(t!.population?.canonical).toBe('农民');
    expect(t!.population?.label).toBeTruthy();
  });

  it('resolves owners with a directory, and by rules alone without one', () => {
    const rows = rowsOf(['任务内容', '牵头单位', '责任单位'], [['开展活动', '区新经济与科技局', '团区委、各街道']]);
    const [withDir] = buildTasks(rows, { directory: defaultDirectory('成都市锦江区'), asOf, jurisdiction: '成都市锦江区' });
    expect(withDir!.leads[0]).toMatchObject({ input: '区新经济与科技局', name: '成都市锦江区新经济和科技局' });
    expect(withDir!.partners.map((m) => m.matched)).toEqual(['alias', 'group']);
    const [rulesOnly] = buildTasks(rows, { directory: null, asOf });
    expect(rulesOnly!.leads[0]!.name).toBeTruthy();
    expect(rulesOnly!.partners[1]!.matched).toBe('group');
  });

  // 人群 / 工程 cells win over the text; a cell that names nothing gives null, the same on every build.
  it.each([
    ['农民', '', '农民', null],
    ['', '科普基础设施工程', null, '科普基础设施工程'],
    ['其他', '其他', null, null],
  ])('label cells 人群=%s 工程=%s → %s / %s', (population, project, pop, proj) => {
    const rows = rowsOf(['任务内容', '牵头单位', '人群', '工程'], [['开展活动', '区科协', population, project]]);
    for (let i = 0; i < 2; i++) {
      const [t] = buildTasks(rows, { directory: null, asOf });
      expect(t!.population?.canonical ?? null).toBe(pop);
      expect(t!.project?.canonical ?? null).toBe(proj);
    }
  });
});
