// Tasks by status (已完成 / 正常 / 滞后 / 逾期 / 未启动 / 未填报). Click a bar to
// filter the table to those tasks.
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../../shared/aggregate';
import type { TaskFilter } from '../../shared/aggregate';
import type { Status } from '../../shared/model';
import { ChartCard } from './ChartCard';
import { Fit } from './Fit';
import { STATUS_COLORS } from './colors';

// memo: the table's urgent render passes the same aggregate; skip the redraw.
export const StatusChart = memo(function StatusChart(props: { data: { status: Status; count: number }[]; total: number; onPick: (f: TaskFilter) => void }) {
  const values = props.data.map((d) => ({ key: d.status, value: d.count }));
  return (
    <ChartCard id="status" title="任务状态" hint={`共 ${formatCount(props.total)} 项任务，点击条形查看明细`} values={values}>
      <Fit height={260}>
        <BarChart data={props.data} layout="vertical" margin={{ left: 8, right: 48, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} tickFormatter={formatCount} interval={0} />
          {/* every status labelled, always (and no label measuring on the first chart of a load) */}
          <YAxis type="category" dataKey="status" width={84} interval={0} />
          <Tooltip formatter={(v) => [formatCount(Number(v)) + ' 项', '任务数']} />
          <Bar dataKey="count" name="任务数" isAnimationActive={false} cursor="pointer" onClick={(d) => props.onPick({ status: (d as unknown as { payload: { status: Status } }).payload.status })}>
            {props.data.map((d) => (
              <Cell key={d.status} fill={STATUS_COLORS[d.status]} data-key={d.status} />
            ))}
            <LabelList dataKey="count" position="right" formatter={(v: unknown) => formatCount(Number(v))} />
          </Bar>
        </BarChart>
      </Fit>
    </ChartCard>
  );
});
