// Owner results, targets and classifications are cached across ledgers (a
// batch repeats the same plan's text in every file). The caches must never
// carry one workbook's 单位名录 into another's results.
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../shared/ledger';
import { directoryFor, validate } from '../../shared/checks';
import type { CellValue, SheetGrid } from '../../shared/model';

const ledger = (directory: CellValue[][]): SheetGrid[] => [
  {
    name: '任务台账',
    merges: [],
    rows: [
      ['序号', '重点任务', '任务内容', '牵头单位', '责任单位'],
      [1, '开展科普活动', '每年开展科普活动不少于50场', '区科普中心', '区科协'],
    ],
  },
  { name: '单位名录', merges: [], rows: [['单位名称', '简称/别名', '类别'], ...directory] },
];

describe('caches shared across ledgers', () => {
  it('the same owner text resolves by each workbook’s own 单位名录', () => {
    const a = readLedger(ledger([['某市某区科普服务中心', '区科普中心', '其他']]), 'a.xlsx');
    const b = readLedger(ledger([['某市某区科学技术协会', '区科协', '群团']]), 'b.xlsx');
    const asOf = new Date('2023-06-30');
    const ra = validate(a, { asOf });
    const rb = validate(b, { asOf });
    const ra2 = validate(a, { asOf });
    expect(ra.tasks[0]!.leads[0]!.name).toBe('某市某区科普服务中心');
    expect(rb.tasks[0]!.leads[0]!.matched).not.toBe('alias');
    expect(rb.tasks[0]!.partners[0]!.name).toBe('某市某区科学技术协会');
    expect(ra.tasks[0]!.partners[0]!.name).not.toBe('某市某区科学技术协会');
    expect(ra2.tasks[0]!.leads).toEqual(ra.tasks[0]!.leads);
  });

  it('equal 单位名录 sheets share one directory; a different one gets its own', () => {
    const rows: CellValue[][] = [['某市某区科普服务中心', '区科普中心', '其他']];
    const a = readLedger(ledger(rows), 'a.xlsx');
    const b = readLedger(ledger(rows.map((r) => [...r])), 'b.xlsx');
    const c = readLedger(ledger([['某市某区科普服务中心', '区科普中心、科普中心', '其他']]), 'c.xlsx');
    expect(directoryFor(a, null)).toBe(directoryFor(b, null));
    expect(directoryFor(c, null)).not.toBe(directoryFor(a, null));
    expect(directoryFor(c, null).lookup('科普中心').name).toBe('某市某区科普服务中心');
  });
});
