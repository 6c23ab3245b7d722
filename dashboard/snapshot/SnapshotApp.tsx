// The offline snapshot: the dashboard's charts for the filter it was exported
// with, and the red list by unit. The figures are fixed: a click on a bar
// does nothing (there are no task rows to filter), the hint says so.
import { formatCount } from '../../shared/aggregate';
import { Board, HeadlineCard } from '../views/Board';
import type { SnapshotData } from './html';

const noPick = (): void => {};

export function SnapshotApp(props: { data: SnapshotData }) {
  const d = props.data;
  const made = d.made.replace('T', ' ').slice(0, 16);
  return (
    <>
      <header className="top">
        <h1>科素台账 · 离线看板</h1>
        <span className="badge" data-testid="snapshot-badge" title="导出时的数据与图表，不随台账更新">
          离线快照
        </span>
        <span className="hint" data-testid="snapshot-scope">
          {d.scope} · {formatCount(d.summary.total)} 项任务 · 来自 {formatCount(d.files)} 个文件 · 导出于 {made}
        </span>
      </header>
      <main>
        <HeadlineCard data={d.headlines} />
        <Board summary={d.summary} filter={d.filter} onPick={noPick}>
          <section className="card wide" aria-label="红灯任务" data-testid="red-list">
            <div className="head">
              <h2>红灯任务（按牵头单位）</h2>
              <span className="hint">离线快照只含各单位的红灯任务；完整明细请在看板中查看</span>
            </div>
            {d.red.length ? (
              d.red.map((u) => (
                <div key={u.unit} data-unit={u.unit}>
                  <h3>
                    {u.unit}（{formatCount(u.total)} 项）
                  </h3>
                  <ul>
                    {u.tasks.map((t, i) => (
                      <li key={i}>
                        {t.jurisdiction} · {t.period} · {t.id ? `${t.id} ` : ''}
                        {t.title} — {t.reason}
                      </li>
                    ))}
                    {u.total > u.tasks.length && <li className="hint">另有 {formatCount(u.total - u.tasks.length)} 项未列出</li>}
                  </ul>
                </div>
              ))
            ) : (
              <p className="empty">没有红灯任务</p>
            )}
          </section>
        </Board>
      </main>
    </>
  );
}
