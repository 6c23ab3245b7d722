// Completion over reporting periods, one line per population or per project.
// Click a period to filter the table to it.
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../../shared/aggregate';
import type { TaskFilter, TrendSeries } from '../../shared/aggregate';
import { ChartCard } from './ChartCard';
import { Fit } from './Fit';
import { percentTick, SERIES_COLORS, SERIES_DASHES } from './colors';
import { POPULATIONS, PROJECTS } from '../../shared/model';

/** A series keeps its colour and dash whatever the filter: by canonical position. */
function styleIndex(dim: 'population' | 'project', key: string): number {
  const i = (dim === 'population' ? (POPULATIONS as readonly string[]) : (PROJECTS as readonly string[])).indexOf(key);
  return i >= 0 ? i : SERIES_COLORS.length - 1;
}

export const TrendChart = memo(function TrendChart(props: { dim: 'population' | 'project'; data: TrendSeries; onDim: (d: 'population' | 'project') => void; onPick: (f: TaskFilter) => void }) {
  const rows = props.data.rows.map((r) => {
    const o: Record<string, string | number | null> = { period: r.period };
    for (const k of props.data.keys) o[k] = r[k] === null ? null : Math.round((r[k] as number) * 1000) / 10;
    return o;
  });
  const values = { periods: props.data.periods, keys: props.data.keys, rows: props.data.rows };
  const toggle = (
    <span role="group" aria-label="维度">
      <button className={props.dim === 'population' ? 'primary' : ''} onClick={() => props.onDim('population')} data-trend="population">
        按人群
      </button>{' '}
      <button className={props.dim === 'project' ? 'primary' : ''} onClick={() => props.onDim('project')} data-trend="project">
        按工程
      </button>
    </span>
  );
  return (
    <ChartCard id="trend" title={props.dim === 'population' ? '各人群完成率趋势' : '各工程完成率趋势'} hint="各报告期平均完成率；点击报告期查看明细" values={values} extra={toggle}>
      {props.data.periods.length ? (
        <Fit height={320}>
          <LineChart
            data={rows}
            margin={{ left: 4, right: 24, top: 8, bottom: 4 }}
            onClick={(s) => {
              const label = (s as { activeLabel?: string | number } | null)?.activeLabel;
              if (label !== undefined && label !== null) props.onPick({ period: String(label) });
            }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" padding={{ left: 36, right: 36 }} tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 100]} tickFormatter={percentTick} interval={0} />
            <Tooltip formatter={(v, name) => [v === null ? '—' : formatPercent(Number(v) / 100), String(name)]} />
            <Legend />
            {props.data.keys.map((k) => (
              <Line key={k} dataKey={k} name={k} stroke={SERIES_COLORS[styleIndex(props.dim, k) % SERIES_COLORS.length]} strokeDasharray={SERIES_DASHES[styleIndex(props.dim, k) % SERIES_DASHES.length]} strokeWidth={2} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        </Fit>
      ) : (
        <p className="empty">没有报告期数据</p>
      )}
    </ChartCard>
  );
});
