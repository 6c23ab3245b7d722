// The headline indicator (公民具备科学素质的比例) per jurisdiction: current value
// against goal and baseline, where the ledgers carry them.
import { memo } from 'react';
import type { Headline } from '../../shared/aggregate';

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

export const HeadlineView = memo(function HeadlineView(props: { data: Headline[] }) {
  if (!props.data.length) return <p className="hint">所加载的台账没有“公民具备科学素质的比例”指标行。</p>;
  return (
    <div className="headline" data-testid="headline">
      {props.data.map((h) => {
        const max = Math.max(h.goal ?? 0, h.current ?? 0, h.baseline ?? 0) * 1.1 || 1;
        return (
          <div className="kpi" key={h.jurisdiction} data-jurisdiction={h.jurisdiction} data-current={h.current ?? ''} data-goal={h.goal ?? ''} data-baseline={h.baseline ?? ''}>
            <div className="s">
              {h.jurisdiction} · 公民具备科学素质的比例{h.period ? `（${h.period}）` : ''}
            </div>
            <div className="v">{pct(h.current)}</div>
            <div className="s">
              目标 {h.goal === null ? '—' : `${h.goal}%${h.goalYear ? `（${h.goalYear}年）` : ''}`} · 基线 {h.baseline === null ? '—' : `${h.baseline}%${h.baselineYear ? `（${h.baselineYear}年）` : ''}`}
            </div>
            <div className="meter" aria-hidden>
              {h.current !== null && <span style={{ width: `${(h.current / max) * 100}%` }} />}
              {h.goal !== null && <i style={{ left: `${(h.goal / max) * 100}%` }} title="目标" />}
            </div>
          </div>
        );
      })}
    </div>
  );
});
