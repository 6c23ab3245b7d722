// The tasks of neither a population nor a project (保障措施, 组织实施 …): one
// row of their own under the population and project charts, so neither chart
// has a 「未分类」 bar. A click filters the table to them.
import { memo } from 'react';
import { formatCount, formatPercent, NONE } from '../../shared/aggregate';
import type { GroupSummary, TaskFilter } from '../../shared/aggregate';
import { LIGHTS, STATUSES } from '../../shared/model';
import { LIGHT_COLORS, STATUS_COLORS } from './colors';

export const OthersRow = memo(function OthersRow(props: { data: GroupSummary; onPick: (f: TaskFilter) => void }) {
  const g = props.data;
  const values = { key: g.key, total: g.total, completionRate: g.completionRate, counts: g.counts, lights: g.lights };
  return (
    <section className="card wide others" aria-label={g.key} data-testid="others" data-values={JSON.stringify(values)}>
      <div className="head">
        <h2>{g.key}</h2>
        <span className="hint">既不属于某一人群、也不属于某一工程的任务，单独一行统计</span>
      </div>
      {g.total ? (
        <button className="others-row" onClick={() => props.onPick({ population: NONE, project: NONE })} title="筛选到这些任务">
          <b>{formatCount(g.total)} 项</b>
          <span>平均完成率 {formatPercent(g.completionRate)}</span>
          {STATUSES.filter((s) => g.counts[s]).map((s) => (
            <span key={s} className="tally">
              <i className="swatch" style={{ background: STATUS_COLORS[s] }} />
              {s} {formatCount(g.counts[s])}
            </span>
          ))}
          {LIGHTS.map((l) => (
            <span key={l} className="tally">
              <i className="swatch" style={{ background: LIGHT_COLORS[l] }} />
              {l}灯 {formatCount(g.lights[l])}
            </span>
          ))}
        </button>
      ) : (
        <p className="hint">没有这类任务</p>
      )}
    </section>
  );
});
