// Per lead unit: tasks led, completed, behind, overdue, unreported. The chart
// shows the 15 units with most tasks behind or overdue; the table lists all,
// sortable by any column. Clicking either filters the task table to the unit.
import { memo, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, sortUnits } from '../../shared/aggregate';
import type { TaskFilter, UnitSortKey, UnitSummary } from '../../shared/aggregate';
import { ChartCard } from './ChartCard';
import { Fit } from './Fit';
import { STATUS_COLORS } from './colors';

const COLUMNS: { key: UnitSortKey; label: string }[] = [
  { key: 'unit', label: '牵头单位' },
  { key: 'led', label: '牵头任务' },
  { key: 'completed', label: '已完成' },
  { key: 'behind', label: '滞后' },
  { key: 'overdue', label: '逾期' },
  { key: 'unreported', label: '未填报' },
];

const UNIT_CHART_TOP = 15;

export const UnitView = memo(function UnitView(props: { data: UnitSummary[]; onPick: (f: TaskFilter) => void }) {
  const [sort, setSort] = useState<{ key: UnitSortKey; dir: 'asc' | 'desc' }>({ key: 'led', dir: 'desc' });
  const sorted = useMemo(() => sortUnits(props.data, sort.key, sort.dir), [props.data, sort]);
  const top = useMemo(
    () => sortUnits(props.data.filter((u) => u.behind + u.overdue > 0), 'overdue', 'desc').sort((a, b) => b.behind + b.overdue - (a.behind + a.overdue)).slice(0, UNIT_CHART_TOP),
    [props.data],
  );
  const values = top.map((u) => ({ key: u.unit, behind: u.behind, overdue: u.overdue }));
  const pickUnit = (d: unknown) => props.onPick({ unit: (d as { payload: UnitSummary }).payload.unit });
  return (
    <ChartCard id="units" title="牵头单位" hint="图：滞后、逾期最多的单位（前15）；表：全部单位，点击表头排序" values={values} wide>
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
                <Bar dataKey="behind" name="滞后" stackId="u" fill={STATUS_COLORS['滞后']} isAnimationActive={false} cursor="pointer" onClick={pickUnit} />
                <Bar dataKey="overdue" name="逾期" stackId="u" fill={STATUS_COLORS['逾期']} isAnimationActive={false} cursor="pointer" onClick={pickUnit} />
              </BarChart>
            </Fit>
          ) : (
            <p className="empty">没有滞后或逾期的任务</p>
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
                <tr key={u.unit} onClick={() => props.onPick({ unit: u.unit })} data-unit={u.unit}>
                  <td>{u.unit}</td>
                  <td>{formatCount(u.led)}</td>
                  <td>{formatCount(u.completed)}</td>
                  <td>{formatCount(u.behind)}</td>
                  <td>{formatCount(u.overdue)}</td>
                  <td>{formatCount(u.unreported)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </ChartCard>
  );
});
