// Tasks by light (绿 / 黄 / 红) over every task of the filter. Click a bar to
// filter the table to those tasks.
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../../shared/aggregate';
import type { TaskFilter } from '../../shared/aggregate';
import type { Light } from '../../shared/model';
import { ChartCard } from './ChartCard';
import { Fit } from './Fit';
import { LIGHT_COLORS } from './colors';

const LABEL: Record<Light, string> = { 绿: '绿灯', 黄: '黄灯', 红: '红灯' };

export const LightChart = memo(function LightChart(props: { data: { light: Light; count: number }[]; onPick: (f: TaskFilter) => void }) {
  const values = props.data.map((d) => ({ key: d.light, value: d.count }));
  const rows = props.data.map((d) => ({ ...d, label: LABEL[d.light] }));
  return (
    <ChartCard id="lights" title="红黄绿灯" hint="按完成进度与序时进度之差评定；点击条形查看明细" values={values}>
      <Fit height={160}>
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 48, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} tickFormatter={formatCount} interval={0} />
          <YAxis type="category" dataKey="label" width={60} interval={0} />
          <Tooltip formatter={(v) => [formatCount(Number(v)) + ' 项', '任务数']} />
          <Bar dataKey="count" name="任务数" isAnimationActive={false} cursor="pointer" onClick={(d) => props.onPick({ light: (d as unknown as { payload: { light: Light } }).payload.light })}>
            {rows.map((d) => (
              <Cell key={d.light} fill={LIGHT_COLORS[d.light]} data-key={d.light} />
            ))}
            <LabelList dataKey="count" position="right" formatter={(v: unknown) => formatCount(Number(v))} />
          </Bar>
        </BarChart>
      </Fit>
    </ChartCard>
  );
});
