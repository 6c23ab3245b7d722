// The built-in sample data: twelve standard workbooks (three plans × four
// quarters of 2023), deterministic, with progress that only moves forward.
import { describe, expect, it } from 'vitest';
import { sampleWorkbooks, SAMPLE_MARK } from '../../shared/sample';
import { LEDGER_SHEET, META_SHEET } from '../../shared/ledger/standard';
import { SEED_FILES, seedText, type SeedId } from '../support/paths';

const texts = Object.fromEntries((Object.keys(SEED_FILES) as SeedId[]).map((id) => [SEED_FILES[id], seedText(id)]));
const { files, problems } = sampleWorkbooks(texts);

function meta(i: number, key: string): unknown {
  return files[i]!.spec.sheets.find((s) => s.name === META_SHEET)!.rows.find((r) => r[0] === key)?.[1];
}

describe('sample workbooks', () => {
  it('makes twelve files without problems, the same on every run', () => {
    expect(problems).toEqual([]);
    expect(files.map((f) => f.name)).toEqual(
      ['锦江区', '全国', '綦江区'].flatMap((p) => [1, 2, 3, 4].map((q) => `示例-${p}-2023Q${q}.xlsx`)),
    );
    expect(JSON.stringify(sampleWorkbooks(texts).files)).toBe(JSON.stringify(files));
  });

  it.each([
    [0, '成都市锦江区', '2023年第一季度', '2023-03-31'],
    [5, '国家', '2023年第二季度', '2023-06-30'],
    [11, '重庆市綦江区', '2023年第四季度', '2023-12-31'],
  ])('file %i: 说明 names %s, %s, as of %s, and marks the data as sample', (i, jurisdiction, period, asOf) => {
    expect(meta(i, '辖区')).toBe(jurisdiction);
    expect(meta(i, '报告期')).toBe(period);
    expect(meta(i, '截至日期')).toBe(asOf);
    expect(meta(i, '数据说明')).toBe(SAMPLE_MARK);
  });

  it.each([0, 4, 8])('progress of plan file %i never goes back over the quarters', (first) => {
    const ledgers = [0, 1, 2, 3].map((q) => files[first + q]!.spec.sheets.find((s) => s.name === LEDGER_SHEET)!.rows);
    const col = ledgers[0]![0]!.indexOf('完成值');
    let compared = 0;
    for (let r = 1; r < ledgers[0]!.length; r++) {
      const values = ledgers.map((rows) => rows[r]![col]);
      for (let q = 1; q < 4; q++) {
        const a = values[q - 1];
        const b = values[q];
        if (typeof a === 'number' && typeof b === 'number') {
          expect(b).toBeGreaterThanOrEqual(a);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('carries the headline indicator row with goal and the made-up current value', () => {
    const rows = files[3]!.spec.sheets.find((s) => s.name === LEDGER_SHEET)!.rows;
    const head = rows[0]!;
    const row = rows.find((r) => r[head.indexOf('重点任务')] === '公民具备科学素质的比例')!;
    expect(row[head.indexOf('目标值')]).toBe(18);
    expect(row[head.indexOf('完成值')]).toBe(16.3);
  });

  it('tasks without a target report as units do: words, a 完成进度 share, a 完成状态 word, and some copy last quarter', () => {
    const rows = (i: number) => files[i]!.spec.sheets.find((s) => s.name === LEDGER_SHEET)!.rows;
    const head = rows(0)[0]!;
    const col = (h: string) => head.indexOf(h);
    const body = [0, 1, 2, 3].flatMap((q) => rows(q).slice(1));
    const filled = (h: string) => body.filter((r) => r[col(h)] !== null && r[col(h)] !== '').length;
    expect(filled('完成进度')).toBeGreaterThan(5);
    expect(filled('完成状态')).toBeGreaterThan(5);
    // kesu's own judgement is not part of the sample (it is worked out when read)
    for (const h of ['状态', '红黄绿灯', '判断依据']) expect(filled(h)).toBe(0);
    const texts = body.map((r) => String(r[col('工作进展')] ?? ''));
    expect(texts.some((t) => t === '尚未启动' || t.startsWith('已完成') || t.includes('缓慢'))).toBe(true);
    // Some tasks repeat last quarter's text unchanged.
    const q = (k: number) => rows(k).slice(1).map((r) => r[col('工作进展')]);
    const copies = q(1).filter((t, i) => t && t === q(0)[i]).length;
    expect(copies).toBeGreaterThan(0);
  });
});
