// The 人群 / 工程 columns: kesu's standard workbook writes them and officials
// sometimes fill them by hand; reading a ledger must keep them, because the
// text alone cannot always tell (a 重点工程 task's 类别 says only 重点工程).
import { describe, expect, it } from 'vitest';
import { importPlan, isProblem, planToWorkbook } from '../../shared/plan';
import { writeWorkbook, readWorkbook } from '../../shared/io';
import { readLedger, buildTasks } from '../../shared/ledger';
import type { SheetGrid } from '../../shared/model';
import { SEED_FILES, seedText } from '../support/paths';

describe('人群 / 工程 columns survive a round trip', () => {
  it.each([['000', SEED_FILES['000']], ['004', SEED_FILES['004']]] as const)('%s (%s): every task reads back with the population and project it was imported with', async (id, file) => {
    const imp = importPlan(seedText(id), file);
    if (isProblem(imp)) throw new Error(imp.problem.message);
    const read = await readWorkbook(await writeWorkbook(planToWorkbook(imp)), file + '.xlsx');
    if (!read.ok) throw new Error(read.problem.message);
    const ledger = readLedger(read.sheets, file);
    const tasks = buildTasks(ledger.sheets.flatMap((s) => s.rows), { directory: null, asOf: new Date('2023-06-30') });
    expect(tasks).toHaveLength(imp.tasks.length);
    const projects = imp.tasks.filter((t) => t.project).length;
    expect(projects).toBeGreaterThan(0);
    tasks.forEach((t, i) => {
      expect(t.population?.canonical ?? null).toBe(imp.tasks[i]!.population?.canonical ?? null);
      expect(t.project?.canonical ?? null).toBe(imp.tasks[i]!.project?.canonical ?? null);
    });
  });

  it('a hand-filled 人群 cell wins over the text; an empty one leaves the text to decide', () => {
    const grid: SheetGrid = {
      name: '任务台账',
      merges: [],
      rows: [
        ['序号', '类别', '人群', '工程', '重点任务', '任务内容', '牵头单位'],
        [1, '提升行动', '老年人', '', '开展智慧助老服务', '开设智能手机应用课程', '区科协'],
        [2, '实施青少年科学素质提升行动', '', '', '开展科技活动', '开展科技月活动', '区教育局'],
        [3, '重点工程', '', '科普信息化工程', '强化科普信息平台应用', '依托平台', '区科协'],
      ],
    };
    const ledger = readLedger([grid], 't.xlsx');
    const [a, b, c] = buildTasks(ledger.sheets[0]!.rows, { directory: null, asOf: new Date('2023-06-30') });
    expect(a!.population).toEqual({ canonical: '老年人', label: '老年人' });
    expect(b!.population?.canonical).toBe('青少年');
    expect(c!.project?.canonical).toBe('科普信息化提升工程');
    expect(c!.project?.label).toBe('科普信息化工程');
  });
});
