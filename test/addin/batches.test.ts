// Addresses and batching: the arithmetic every round trip depends on.
import { describe, expect, it } from 'vitest';
import { cellA1, colIndex, columnLetter0, columnsA1, parseA1, rangeA1 } from '../../addin/a1';
import { chunkValues, planBatches, syncsOf, opBytes } from '../../addin/batches';
import type { Op } from '../../addin/ops';

describe('A1 addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %i ⇄ %s', (i, s) => {
    expect(columnLetter0(i)).toBe(s);
    expect(colIndex(s)).toBe(i);
  });

  it.each([
    [[0, 0, 1, 1], 'A1'],
    [[2, 3, 10, 1], 'D3:D12'],
    [[1, 10, 31, 10], 'K2:T32'],
  ])('range %j is %s and parses back', ([r, c, rows, cols], a) => {
    expect(rangeA1(r, c, rows, cols)).toBe(a);
    expect(parseA1(`'任务''台账'!${a}`)).toEqual({ sheet: "任务'台账", row: r, col: c, rows, cols });
  });

  it('names whole columns and single cells', () => {
    expect(columnsA1(10, 10)).toBe('K:T');
    expect(cellA1(4, 5)).toBe('F5');
    expect(parseA1('not an address')).toBeNull();
  });
});

describe('batches', () => {
  const big: Extract<Op, { kind: 'values' }> = {
    kind: 'values',
    sheet: 'S',
    row: 3,
    col: 2,
    values: Array.from({ length: 3000 }, (_x, i) => [`第${i}行`, '成都市锦江区新经济和科技局', i]),
  };

  it.each([
    [{ maxBytes: 20_000, maxCells: 1_000_000 }],
    [{ maxBytes: 10_000_000, maxCells: 900 }],
    [{ maxBytes: 50_000, maxCells: 2_000 }],
  ])('splits a value write under %j, rows in order, none lost', (limits) => {
    const parts = chunkValues(big, limits);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => p.values)).toEqual(big.values);
    let row = big.row;
    for (const p of parts) {
      expect(p.row).toBe(row);
      row += p.values.length;
      expect(opBytes(p)).toBeLessThanOrEqual(limits.maxBytes);
      expect(p.values.length * 3).toBeLessThanOrEqual(limits.maxCells);
    }
    const batches = planBatches([big], limits);
    expect(syncsOf(batches)).toBe(parts.length);
  });

  it('keeps small ops in one batch, puts comments last, and charges a lookup for clearing highlights', () => {
    const ops: Op[] = [
      { kind: 'note', sheet: 'S', row: 1, col: 1, text: '原值：甲' },
      { kind: 'clearHighlights', sheet: 'S' },
      { kind: 'values', sheet: 'S', row: 1, col: 1, values: [['乙']] },
      { kind: 'highlight', sheet: 'S', cells: [{ row: 1, col: 1 }], color: '#FFE699', tag: 'warning' },
    ];
    const b = planBatches(ops);
    expect(b.map((x) => x.ops.map((o) => o.kind))).toEqual([['clearHighlights', 'values', 'highlight'], ['note']]);
    expect(syncsOf(b)).toBe(3);
    expect(planBatches([])).toEqual([]);
  });
});
