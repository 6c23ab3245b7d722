// What changed since the previous period (shared/aggregate/changes.ts): newly
// done, newly red, still red, progress not updated, summed over the periods
// shown and then period by period. A kind's button filters the table to its
// tasks (the 变化 filter); the panel says which period each is compared with.
import { memo, useMemo } from 'react';
import { CHANGE_KINDS, CHANGE_LABEL, formatCount } from '../../shared/aggregate';
import type { ChangeKind, ChangeRow, TaskFilter } from '../../shared/aggregate';

export const ChangesPanel = memo(function ChangesPanel(props: { data: ChangeRow[]; active: ChangeKind | undefined; onPick: (f: TaskFilter) => void }) {
  const totals = useMemo(() => {
    const t = { done: 0, red: 0, 'still-red': 0, stale: 0, compared: 0 };
    for (const r of props.data) {
      t.compared += r.compared;
      for (const k of CHANGE_KINDS) t[k] += r.counts[k];
    }
    return t;
  }, [props.data]);
  const values = { compared: totals.compared, totals: Object.fromEntries(CHANGE_KINDS.map((k) => [k, totals[k]])), rows: props.data };
  return (
    <section className="card wide" aria-label="与上期相比" data-testid="changes" data-values={JSON.stringify(values)}>
      <div className="head">
        <h2>与上期相比</h2>
        <span className="hint">
          {props.data.length ? `${formatCount(totals.compared)} 项任务与各自辖区的上一报告期对上；点击查看对应任务` : '所选报告期没有可比的上一期'}
        </span>
      </div>
      <div className="totals">
        {CHANGE_KINDS.map((k) => (
          <button key={k} className={'chip change-' + k + (props.active === k ? ' on' : '')} data-change={k} data-count={totals[k]} onClick={() => props.onPick({ change: props.active === k ? undefined : k })} disabled={!totals[k] && props.active !== k}>
            {CHANGE_LABEL[k]} <b>{formatCount(totals[k])}</b>
          </button>
        ))}
      </div>
      {props.data.length > 1 && (
        <div className="scroll" style={{ maxHeight: 200, marginTop: 8 }}>
          <table className="units" data-testid="change-table">
            <thead>
              <tr>
                <th>辖区</th>
                <th>报告期</th>
                <th>上一期</th>
                {CHANGE_KINDS.map((k) => (
                  <th key={k}>{CHANGE_LABEL[k]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.data.map((r) => (
                <tr key={r.jurisdiction + '\u0000' + r.period}>
                  <td>{r.jurisdiction}</td>
                  <td>{r.period}</td>
                  <td>{r.previous}</td>
                  {CHANGE_KINDS.map((k) => (
                    <td key={k} onClick={() => props.onPick({ jurisdiction: r.jurisdiction, period: r.period, change: k })}>
                      {formatCount(r.counts[k])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});
