// The per-unit scorecard: tasks led, done, the three lights, behind, overdue,
// not reported and progress not updated. The chart shows the 15 units with
// most red and overdue tasks; the table lists all, sortable by any column. A
// click on a cell filters the task table to that unit and what the column
// counts (a click on 红 shows the unit's red tasks); on the name, the unit.
import { memo, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, sortUnits } from '../../shared/aggregate';
import type { TaskFilter, UnitSortKey, UnitSummary } from '../../shared/aggregate';
import { ChartCard } from './ChartCard';
import { Fit } from './Fit';
import { LIGHT_COLORS, STATUS_COLORS } from './colors';

/** Each column: its heading and the filter a click on one of its cells adds to the unit. */
const COLUMNS: { key: UnitSortKey; label: string; pick: TaskFilter }[] = [
  { key: 'unit', label: '牵头单位', pick: {} },
  { key: 'led', label: '牵头任务', pick: {} },
  { key: 'completed', label: '已完成', pick: { status: '已完成' } },
  { key: 'green', label: '绿灯', pick: { light: '绿' } },
  { key: 'yellow', label: '黄灯', pick: { light: '黄' } },
  { key: 'red', label: '红灯', pick: { light: '红' } },
  { key: 'behind', label: '滞后', pick: { status: '滞后' } },
  { key: 'overdue', label: '逾期', pick: { status: '逾期' } },
  { key: 'unreported', label: '未填报', pick: { status: '未填报' } },
  { key: 'stale', label: '进展未更新', pick: { change: 'stale' } },
];

/** What a click on the cell (unit, column) filters to: the unit, and the column's own filter; the others are cleared. */
export function cellFilter(unit: string, key: UnitSortKey): TaskFilter {
  const col = COLUMNS.find((c) => c.key === key)!;
  return { unit, status: undefined, light: undefined, change: undefined, ...col.pick };
}

const UNIT_CHART_TOP = 15;

export const UnitView = memo(function UnitView(props: { data: UnitSummary[]; onPick: (f: TaskFilter) => void }) {
  const [sort, setSort] = useState<{ key: UnitSortKey; dir: 'asc' | 'desc' }>({ key: 'led', dir: 'desc' });
  const sorted = useMemo(() => sortUnits(props.data, sort.key, sort.dir), [props.data, sort]);
  const top = useMemo(() => sortUnits(props.data.filter((u) => u.red + u.overdue > 0), 'red', 'desc').slice(0, UNIT_CHART_TOP), [props.data]);
  const values = top.map((u) => ({ key: u.unit, red: u.red, overdue: u.overdue }));
  const pickUnit = (d: unknown) => props.onPick({ unit: (d as { payload: UnitSummary }).payload.unit });
  return (
    <ChartCard id="units" title="牵头单位" hint="图：红灯、逾期最多的单位（前15）；表：全部单位，点击表头排序，点击数字查看对应任务" values={values} wide>
      <div className="grid" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))' }}>
        <div>
          {top.length ? (
            <Fit height={Math.max(200, top.length * 30 + 60)}>
              <BarChart data={top} layout="vertical" margin={{ left: 4, right: 24, top: 4, bottom: 4 }}>
                <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} tickFormatter={formatCount} interval={0} />
                <YAxis type="category" dataKey="unit" width={210} interval={0} tick={{ fontSize: 12 }} />
                <Tooltip formatter={(v, name) => [formatCount(Number(v)) + ' 项', String(name)]} />
                <Legend />
                <Bar dataKey="red" name="红灯" fill={LIGHT_COLORS['红']} isAnimationActive={false} cursor="pointer" onClick={pickUnit} />
                <Bar dataKey="overdue" name="逾期" fill={STATUS_COLORS['逾期']} isAnimationActive={false} cursor="pointer" onClick={pickUnit} />
              </BarChart>
            </Fit>
          ) : (
            <p className="empty">没有红灯或逾期的任务</p>
          )}
        </div>
        <div className="scroll">
          <table className="units" data-testid="unit-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    data-sort={c.key}
                    aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                    onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key && s.dir === 'desc' ? 'asc' : 'desc' }))}
                  >
                    {c.label}
                    {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((u) => (
                <tr key={u.unit} data-unit={u.unit}>
                  {COLUMNS.map((c) => (
                    <td key={c.key} data-col={c.key} className={c.key === 'red' && u.red ? 'hot' : undefined} onClick={() => props.onPick(cellFilter(u.unit, c.key))}>
                      {c.key === 'unit' ? u.unit : formatCount(u[c.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </ChartCard>
  );
});
