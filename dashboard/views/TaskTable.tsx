// The task table: virtualised (only the visible rows are in the DOM), so
// 100,000 tasks scroll as fast as 100. Receives the already-filtered tasks,
// as a list that makes each task when asked for (an array will do).
import { useState } from 'react';
import type { MergedTask } from '../load';
import { formatCount, formatPercent, unitKeys } from '../../shared/aggregate';
import { StatusTag } from './StatusTag';

const ROW = 34;
const VIEW = 476;
const OVERSCAN = 8;

/** The tasks of the table, by place: only the rows shown are asked for. */
export interface TaskRows {
  readonly length: number;
  at(i: number): MergedTask | undefined;
}

export function TaskTable(props: { tasks: TaskRows }) {
  const [top, setTop] = useState(0);
  const n = props.tasks.length;
  const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
  const last = Math.min(n, Math.ceil((top + VIEW) / ROW) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    const t = props.tasks.at(i)!;
    rows.push(
      <div className="row" role="row" key={i} style={{ position: 'absolute', top: i * ROW, left: 0, right: 0 }} data-task-row={i} data-status={t.status} data-light={t.light}>
        <span className="opt" title={t.meta.jurisdiction ?? ''}>{t.meta.jurisdiction ?? '—'}</span>
        <span className="opt">{t.meta.period ?? '—'}</span>
        <span className="opt">{t.id}</span>
        <span title={t.content || t.title}>{t.title || t.content}</span>
        <span className="opt">{t.population?.canonical ?? '—'}</span>
        <span className="opt" title={t.project?.canonical ?? ''}>{t.project?.canonical ?? '—'}</span>
        <span title={t.leadsText}>{unitKeys(t).join('、') || '—'}</span>
        <span>{formatPercent(t.completion)}</span>
        <StatusTag status={t.status} />
      </div>,
    );
  }
  return (
    <div className="tasks" role="table" aria-rowcount={n} data-testid="task-table" data-count={n}>
      <div className="row headrow" role="row">
        <span className="opt">辖区</span>
        <span className="opt">报告期</span>
        <span className="opt">序号</span>
        <span>重点任务</span>
        <span className="opt">人群</span>
        <span className="opt">工程</span>
        <span>牵头单位</span>
        <span>完成率</span>
        <span>状态</span>
      </div>
      <div className="body" onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
        {n ? <div style={{ height: n * ROW, position: 'relative' }}>{rows}</div> : <p className="empty">没有符合条件的任务</p>}
      </div>
      <div className="hint" style={{ padding: '4px 8px' }}>共 {formatCount(n)} 项任务</div>
    </div>
  );
}
