// The leaders' charts for one filter, from aggregates only: the headline, the
// status and light charts over every task, the trend over every period, the
// population chart of population tasks and the project chart of project tasks
// with the tasks of neither in a row of their own, what changed since the
// previous period, and the unit scorecard. The page (App.tsx) draws them one
// a frame after a load (shows); the offline snapshot draws them all at once
// from the figures it carries.
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { DashboardSummary, Headline, TaskFilter } from '../../shared/aggregate';
import { ChangesPanel } from './ChangesPanel';
import { GroupCharts } from './GroupCharts';
import { HeadlineView } from './Headline';
import { LightChart } from './LightChart';
import { OthersRow } from './OthersRow';
import { StatusChart } from './StatusChart';
import { TrendChart } from './TrendChart';
import { UnitView } from './UnitView';

/** The order the charts are first drawn in: what a leader looks at first. */
export const CHART_ORDER = ['status', 'trend', 'population', 'project', 'units'] as const;
export type ChartId = (typeof CHART_ORDER)[number];

/** A chart's place while it waits for its turn to be drawn (same card, so nothing jumps). */
function Pending(props: { title: string; wide?: boolean }) {
  return (
    <section className={'card pending' + (props.wide ? ' wide' : '')} aria-busy="true" aria-label={props.title} data-pending-chart>
      <div className="head">
        <h2>{props.title}</h2>
      </div>
    </section>
  );
}

export function HeadlineCard(props: { data: Headline[] }) {
  return (
    <section className="card wide" aria-label="总体">
      <div className="head">
        <h2>总体</h2>
      </div>
      <HeadlineView data={props.data} />
    </section>
  );
}

export function Board(props: { summary: DashboardSummary; filter: TaskFilter; onPick: (f: TaskFilter) => void; shows?: (chart: ChartId) => boolean; children?: ReactNode }) {
  const { summary, onPick } = props;
  const shows = props.shows ?? (() => true);
  const [trendDim, setTrendDim] = useState<'population' | 'project'>('population');
  return (
    <div className="grid">
      {shows('status') ? (
        <div className="stack">
          <StatusChart data={summary.status} total={summary.total} onPick={onPick} />
          <LightChart data={summary.lights} onPick={onPick} />
        </div>
      ) : (
        <Pending title="任务状态" />
      )}
      {shows('trend') ? (
        <TrendChart dim={trendDim} data={trendDim === 'population' ? summary.populationTrend : summary.projectTrend} onDim={setTrendDim} onPick={onPick} />
      ) : (
        <Pending title="完成率趋势" />
      )}
      <ChangesPanel data={summary.changes} active={props.filter.change} onPick={onPick} />
      {shows('population') ? <GroupCharts id="population" title="各人群" data={summary.populations} onPick={onPick} /> : <Pending title="各人群" wide />}
      {shows('project') ? <GroupCharts id="project" title="各工程" data={summary.projects} onPick={onPick} /> : <Pending title="各工程" wide />}
      <OthersRow data={summary.others} onPick={onPick} />
      {shows('units') ? <UnitView data={summary.units} onPick={onPick} /> : <Pending title="牵头单位" wide />}
      {props.children}
    </div>
  );
}
