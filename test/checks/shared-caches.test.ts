// Owner results, targets, classifications and built directories are cached
// across the ledgers of a batch (a batch repeats the same plan's text in every
// file), in a CheckCache the caller owns and passes: nothing is shared that
// was not passed, and a shared cache never carries one workbook's 单位名录
// into another's results.
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../shared/ledger';
import { CheckCache, DirectoryCache, directoryFor, validate } from '../../shared/checks';
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

const asOf = new Date('2023-06-30');

describe('caches owned by the caller', () => {
  it.each([
    ['no cache: each call its own', () => [undefined, undefined] as const],
    ['one cache passed to both', () => { const c = new CheckCache(); return [c, c] as const; }],
    ['a cache each', () => [new CheckCache(), new CheckCache()] as const],
  ])('the same owner text resolves by each workbook’s own 单位名录 (%s)', (_name, caches) => {
    const [ca, cb] = caches();
    const a = readLedger(ledger([['某市某区科普服务中心', '区科普中心', '其他']]), 'a.xlsx');
    const b = readLedger(ledger([['某市某区科学技术协会', '区科协', '群团']]), 'b.xlsx');
    const ra = validate(a, { asOf, cache: ca });
    const rb = validate(b, { asOf, cache: cb });
    const ra2 = validate(a, { asOf, cache: ca });
    expect(ra.tasks[0]!.leads[0]!.name).toBe('某市某区科普服务中心');
    expect(rb.tasks[0]!.leads[0]!.matched).not.toBe('alias');
    expect(rb.tasks[0]!.partners[0]!.name).toBe('某市某区科学技术协会');
    expect(ra.tasks[0]!.partners[0]!.name).not.toBe('某市某区科学技术协会');
    expect(ra2.tasks[0]!.leads).toEqual(ra.tasks[0]!.leads);
  });

  it.each([
    ['no cache', undefined, false],
    ['a new cache each call', 'each', false],
    ['one cache for both calls', 'one', true],
  ] as const)('rows of two calls share owner and target arrays only through one cache (%s)', (_name, mode, shared) => {
    const one = new CheckCache();
    const cacheFor = () => (mode === undefined ? undefined : mode === 'one' ? one : new CheckCache());
    const a = readLedger(ledger([['某市某区科普服务中心', '区科普中心', '其他']]), 'a.xlsx');
    const t1 = validate(a, { asOf, cache: cacheFor() }).tasks[0]!;
    const t2 = validate(a, { asOf, cache: cacheFor() }).tasks[0]!;
    expect(t2.leads).toEqual(t1.leads);
    expect(t2.targets).toEqual(t1.targets);
    expect(t2.leads === t1.leads).toBe(shared);
    expect(t2.targets === t1.targets).toBe(shared);
  });

  it('rows of one ledger share one array per cell text, readonly in its type', () => {
    const grids = ledger([['某市某区科普服务中心', '区科普中心', '其他']]);
    grids[0]!.rows.push([2, '开展科普活动', '每年开展科普活动不少于50场', '区科普中心', '区科协']);
    const [t1, t2] = validate(readLedger(grids, 'a.xlsx'), { asOf }).tasks;
    expect(t2!.leads).toBe(t1!.leads);
    expect(t2!.targets).toBe(t1!.targets);
    // @ts-expect-error: shared arrays are readonly; sorting one in place would reorder every row's
    t1!.leads.sort;
    // @ts-expect-error: the same for targets
    t1!.targets.push;
  });

  it('equal 单位名录 sheets share one directory through one DirectoryCache; a different one gets its own', () => {
    const rows: CellValue[][] = [['某市某区科普服务中心', '区科普中心', '其他']];
    const a = readLedger(ledger(rows), 'a.xlsx');
    const b = readLedger(ledger(rows.map((r) => [...r])), 'b.xlsx');
    const c = readLedger(ledger([['某市某区科普服务中心', '区科普中心、科普中心', '其他']]), 'c.xlsx');
    const cache = new DirectoryCache();
    expect(directoryFor(a, null, cache)).toBe(directoryFor(b, null, cache));
    expect(directoryFor(c, null, cache)).not.toBe(directoryFor(a, null, cache));
    expect(directoryFor(c, null, cache).lookup('科普中心').name).toBe('某市某区科普服务中心');
    // Without a cache each call builds its own: nothing kept between calls.
    expect(directoryFor(a, null)).not.toBe(directoryFor(b, null));
    expect(directoryFor(a, null).lookup('区科普中心')).toEqual(directoryFor(b, null).lookup('区科普中心'));
  });

  it('a DirectoryCache holds at most its size, then starts again', () => {
    const cache = new DirectoryCache(2);
    const dirOf = (alias: string) => directoryFor(readLedger(ledger([['某市某区科普服务中心', alias, '其他']]), 'x.xlsx'), null, cache);
    const first = dirOf('甲');
    expect(dirOf('甲')).toBe(first);
    dirOf('乙');
    dirOf('丙'); // a third: the table is cleared and 丙 kept
    expect(dirOf('甲')).not.toBe(first);
  });
});
