// Per population or per key project: completion (mean of the quantified tasks)
// and status counts, side by side. Click a bar to filter the table to its
// tasks; a status segment filters by both.
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatPercent } from '../../shared/aggregate';
import type { GroupSummary, TaskFilter } from '../../shared/aggregate';
import { STATUSES } from '../../shared/model';
import type { Status } from '../../shared/model';
import { ChartCard } from './ChartCard';
import { Fit } from './Fit';
import { percentTick } from './colors';
import { COMPLETION_COLOR, STATUS_COLORS } from './colors';

type Row = { key: string; total: number; rate: number | null } & Partial<Record<Status, number>>;

export const GroupCharts = memo(function GroupCharts(props: { id: 'population' | 'project'; title: string; data: GroupSummary[]; onPick: (f: TaskFilter) => void }) {
  const rows: Row[] = props.data.map((g) => ({ key: g.key, total: g.total, rate: g.completionRate === null ? null : Math.round(g.completionRate * 1000) / 10, ...g.counts }));
  const values = props.data.map((g) => ({ key: g.key, total: g.total, completionRate: g.completionRate, counts: g.counts }));
  const height = Math.max(220, rows.length * 34 + 60);
  const labelWidth = props.id === 'project' ? 176 : 124;
  const pick = (d: unknown, status?: Status) => props.onPick(status ? { [props.id]: (d as { payload: Row }).payload.key, status } : { [props.id]: (d as { payload: Row }).payload.key });
  return (
    <ChartCard id={props.id} title={props.title} hint={`只计${props.id === "population" ? "人群" : "工程"}任务。左：平均完成率（有量化目标的任务）；右：各状态任务数`} values={values} wide>
      <div className="grid" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))' }}>
        <div data-part="completion">
          <Fit height={height}>
            <BarChart data={rows} layout="vertical" margin={{ left: 4, right: 52, top: 4, bottom: 4 }}>
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis type="number" domain={[0, 100]} tickFormatter={percentTick} interval={0} />
              <YAxis type="category" dataKey="key" width={labelWidth} interval={0} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v) => [v === null ? '—' : v + '%', '平均完成率']} />
              <Bar dataKey="rate" name="平均完成率" fill={COMPLETION_COLOR} isAnimationActive={false} cursor="pointer" onClick={(d) => pick(d)}>
                <LabelList dataKey="rate" position="right" formatter={(v: unknown) => (v === null || v === undefined ? '' : formatPercent(Number(v) / 100))} />
              </Bar>
            </BarChart>
          </Fit>
        </div>
        <div data-part="status">
          <Fit height={height}>
            <BarChart data={rows} layout="vertical" margin={{ left: 4, right: 24, top: 4, bottom: 4 }}>
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} tickFormatter={formatCount} interval={0} />
              <YAxis type="category" dataKey="key" width={labelWidth} interval={0} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v, name) => [formatCount(Number(v)) + ' 项', String(name)]} />
              <Legend />
              {STATUSES.map((s) => (
                <Bar key={s} dataKey={s} name={s} stackId="s" fill={STATUS_COLORS[s]} isAnimationActive={false} cursor="pointer" onClick={(d) => pick(d, s)} />
              ))}
            </BarChart>
          </Fit>
        </div>
      </div>
    </ChartCard>
  );
});
