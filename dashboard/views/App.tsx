// The dashboard page: the ledgers of the server's folder and the user's own
// files (useLedgerFiles), aggregated in the core (shared/aggregate), and only
// aggregates handed to the charts (Board). The default view is each
// jurisdiction's latest period (DEFAULT_FILTER); the trend uses every period.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { buildCube, cubeFacets, cubeHeadlineRows, cubeRows, cubeSummary, cubeTasks, DEFAULT_FILTER, filterTasks, headlines, LATEST, trendFilter } from '../../shared/aggregate';
import type { TaskFilter } from '../../shared/aggregate';
import { allTasks } from '../load/store';
import { Board, CHART_ORDER, HeadlineCard } from './Board';
import type { ChartId } from './Board';
import { FilesPanel } from './FilesPanel';
import { Filters } from './Filters';
import { TaskTable } from './TaskTable';
import type { TaskRows } from './TaskTable';
import { download, exportFailed } from './exportPng';
import { tasksToXlsx } from './exportXlsx';
import { exportSnapshot } from './exportSnapshot';
import { DocumentButtons } from './DocumentButtons';
import { useLedgerFiles } from './useLedgerFiles';

/** A click's filter merged into the current one; a key given as undefined is cleared. */
function merged(cur: TaskFilter, f: TaskFilter): TaskFilter {
  const next: TaskFilter = { ...cur, ...f };
  for (const k of Object.keys(next) as (keyof TaskFilter)[]) if (next[k] === undefined) delete next[k];
  return next;
}

export function App() {
  // How many charts are drawn (CHART_ORDER). None until the first read of the
  // server's folder is in: seven empty recharts charts took the page's thread
  // for most of a second, and the workers waited for it to hand them files.
  // Then the status chart comes with the data and the others follow one a
  // frame: drawing all of them in one go held the page for about 0.45 s before
  // anything showed; this way the first chart is up ~0.2 s after the last file
  // is read. Later loads update the charts in place.
  const [drawn, setDrawn] = useState(0);
  const booted = drawn > 0;
  useEffect(() => {
    if (!booted || drawn >= CHART_ORDER.length) return;
    const id = requestAnimationFrame(() => setDrawn((d) => d + 1));
    return () => cancelAnimationFrame(id);
  }, [booted, drawn]);
  const shows = useCallback((chart: ChartId): boolean => CHART_ORDER.indexOf(chart) < drawn, [drawn]);
  const { files, cube: given, keepJoined, source, busy, setBusy, addLocal, removeLocal } = useLedgerFiles(() => setDrawn((d) => Math.max(d, 1)));
  const [filter, setFilter] = useState<TaskFilter>(DEFAULT_FILTER);

  // Coded once per load, so a filter change compares numbers (cube.ts); or
  // as the server gave it back (parse once): its tasks are then made as shown.
  const cube = useMemo(() => given ?? buildCube(allTasks(files)), [files, given]);
  // Once every chart is drawn: what the page read goes back to the local server (parse once).
  const allDrawn = drawn >= CHART_ORDER.length;
  useEffect(() => {
    if (!allDrawn) return;
    const id = setTimeout(() => keepJoined(files, cube), 0);
    return () => clearTimeout(id);
  }, [allDrawn, files, cube, keepJoined]);
  const allLoaded = useCallback(() => cube.tasks, [cube]);
  const options = useMemo(() => cubeFacets(cube), [cube]);
  const rows = useMemo(() => cubeRows(cube, filter), [cube, filter]);
  // The table's tasks, made as its rows are shown: making the 5,000 tasks of
  // the default view took a reload's first render 50–60 ms, for 20 rows.
  const shown = useMemo((): TaskRows => ({ length: rows.length, at: (i) => cube.task(rows[i]!) }), [cube, rows]);
  // The trend's rows: every period, whatever the period and change filters.
  const trendKey = JSON.stringify(trendFilter(filter));
  const trendRows = useMemo(() => cubeRows(cube, JSON.parse(trendKey) as TaskFilter), [cube, trendKey]);
  // Table and charts answer a filter change in one render. (Deferring the
  // charts showed the table sooner but cost a second render of every chart:
  // 185–200 ms to the charts instead of 105–150 ms for the whole page, on
  // 100,000 tasks on a 2-core machine.)
  const summary = useMemo(() => {
    const t = performance.now();
    const out = cubeSummary(cube, rows, trendRows);
    performance.measure('kesu:aggregate', { start: t, end: performance.now() });
    return out;
  }, [cube, rows, trendRows]);
  // The headline rows are found once per load; a change of 辖区 or 报告期 filters
  // only them. Each jurisdiction's latest is headlines' own rule.
  const headTasks = useMemo(() => cubeTasks(cube, cubeHeadlineRows(cube)), [cube]);
  const headPeriod = filter.period === LATEST ? undefined : filter.period;
  const heads = useMemo(() => headlines(filterTasks(headTasks, { jurisdiction: filter.jurisdiction, period: headPeriod })), [headTasks, filter.jurisdiction, headPeriod]);
  // Marks for the benchmark (bench/dashboard.ts): when the charts of the
  // current data were painted.
  useEffect(() => {
    requestAnimationFrame(() => {
      performance.mark('kesu:rendered');
      document.body.dataset.tasks = String(cube.size);
      document.body.dataset.shown = String(rows.length);
    });
  }, [cube, rows]);
  const pick = useCallback((f: TaskFilter) => setFilter((cur) => merged(cur, f)), []);
  const fileList = useMemo(() => [...files.values()], [files]);
  const sampleShown = !!source?.sample && fileList.some((f) => f.origin === 'server');

  const [exportError, setExportError] = useState<string | null>(null);
  async function exportTable() {
    setBusy('正在导出…');
    setExportError(null);
    try {
      download(new Blob([(await tasksToXlsx(cubeTasks(cube, rows))) as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), '任务明细.xlsx');
    } catch (e) {
      setExportError(exportFailed(' Excel ', e));
    } finally {
      setBusy(null);
    }
  }
  async function exportOffline() {
    setBusy('正在导出离线看板…');
    setExportError(null);
    try {
      await exportSnapshot({ filter, summary, headlines: heads, tasks: cubeTasks(cube, rows), files: fileList.filter((f) => f.report.status === 'ok').length });
    } catch (e) {
      setExportError(exportFailed('离线看板', e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <header className="top">
        <h1>科素台账 · 看板</h1>
        {sampleShown && (
          <span className="badge" data-testid="sample-badge" title="内置示例数据：由三份规划文本生成，进展与完成值为随机生成">
            示例数据
          </span>
        )}
        {source && !source.sample && source.folder && <span className="hint">数据文件夹：{source.folder}（文件变化时自动刷新）</span>}
        <span className="spacer" />
        <button onClick={exportOffline} disabled={!booted || !cube.size} data-export-snapshot title="把当前筛选下的图表和数据存为一个 .html 文件，断网也能打开，可通过邮件发送">
          导出离线看板
        </button>
        <DocumentButtons tasks={allLoaded} filter={filter} disabled={!booted || !cube.size} />
        <span className="hint">全民科学素质行动 任务进展</span>
      </header>
      <main>
        <FilesPanel files={fileList} busy={busy} onFiles={addLocal} onRemoveLocal={removeLocal} />
        <Filters filter={filter} options={options} onChange={setFilter} />
        <HeadlineCard data={heads} />
        {!booted ? (
          <section className="card wide placeholder" aria-busy="true" data-testid="loading">
            {busy ?? '正在读取数据…'}
          </section>
        ) : (
          <Board summary={summary} filter={filter} onPick={pick} shows={shows}>
            <section className="card wide" aria-label="任务明细">
              <div className="head">
                <h2>任务明细</h2>
                <span className="hint">点击任一图表的条形或记分卡的数字可筛选到对应任务</span>
                <span className="spacer" />
                {exportError && (
                  <span className="failed" role="alert">
                    {exportError}
                  </span>
                )}
                <button onClick={exportTable} disabled={!rows.length} data-export-xlsx>
                  导出 Excel
                </button>
              </div>
              <TaskTable tasks={shown} />
            </section>
          </Board>
        )}
      </main>
    </>
  );
}
