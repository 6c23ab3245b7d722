// The dashboard page: loads the server's data (sample data or --data folder)
// and dropped files through the core's merge, aggregates in the core
// (shared/aggregate) and hands only aggregates to the charts.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { buildCube, cubeFacets, cubeRows, cubeSummary, cubeTasks, filterTasks, headlines, isHeadlineTask } from '../../shared/aggregate';
import type { TaskFilter } from '../../shared/aggregate';
import { loadWorkbooks } from '../load';
import type { LoadedFile } from '../load';
import { bootLoad, readServerFiles } from '../load/boot';
import { stampOf, watchListing } from '../load/server';
import type { DataListing } from '../load/server';
import { allTasks, dropFiles, putFiles } from '../load/store';
import type { FileMap } from '../load/store';
import { FilesPanel } from './FilesPanel';
import { Filters } from './Filters';
import { GroupCharts } from './GroupCharts';
import { HeadlineView } from './Headline';
import { StatusChart } from './StatusChart';
import { TaskTable } from './TaskTable';
import { TrendChart } from './TrendChart';
import { UnitView } from './UnitView';
import { download, exportFailed } from './exportPng';
import { tasksToXlsx } from './exportXlsx';

/** The order the charts are first drawn in: what a leader looks at first. */
const CHART_ORDER = ['status', 'trend', 'population', 'project', 'units'] as const;

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

export function App() {
  const [files, setFiles] = useState<FileMap>(new Map());
  const [source, setSource] = useState<DataListing | null>(null);
  const [busy, setBusy] = useState<string | null>('正在读取数据…');
  const [filter, setFilter] = useState<TaskFilter>({});
  const [trendDim, setTrendDim] = useState<'population' | 'project'>('population');
  const known = useRef(new Map<string, string>());
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
  const shows = (chart: (typeof CHART_ORDER)[number]): boolean => CHART_ORDER.indexOf(chart) < drawn;
  const startCharts = (): void => setDrawn((d) => Math.max(d, 1));

  // A line of progress five times a second: redrawing the page for each of a
  // thousand files took time from reading them.
  const shown = useRef(0);
  const progress = (done: number, total: number, current: string) => {
    const now = performance.now();
    if (done < total && now - shown.current < 200) return;
    shown.current = now;
    setBusy(done < total ? `已读取 ${done}/${total}：${current}` : null);
  };

  /**
   * Reads what changed in the folder since the last read (by size and mtime),
   * drops what left it. One look at a time: listings that arrive meanwhile
   * (the watch's first one, a change during a long read) wait their turn and
   * are then compared with what the previous look read.
   */
  const syncing = useRef(Promise.resolve());
  const syncServer = useCallback((listing: DataListing): Promise<void> => {
    const look = async () => {
      setSource(listing);
      const changed = listing.files.filter((f) => known.current.get(f.name) !== stampOf(f));
      const present = new Set(listing.files.map((f) => f.name));
      if (changed.length) {
        const read = await readServerFiles(new Set(changed.map((f) => f.name)), progress);
        for (const f of changed) known.current.set(f.name, read.stamps.get(f.name) ?? stampOf(f));
        setFiles((m) => putFiles(m, read.files));
      }
      for (const name of [...known.current.keys()]) if (!present.has(name)) known.current.delete(name);
      setFiles((m) => dropFiles(m, (f) => f.origin === 'local' || present.has(f.report.file)));
      setBusy(null);
    };
    return (syncing.current = syncing.current.then(look, look));
  }, []);

  useEffect(() => {
    // The first read began with the script (boot.ts); here it is shown and the
    // folder watched. The watch begins with the server's current listing, so a
    // file changed during the first read is read again then.
    const boot = bootLoad();
    let live = true;
    let stop = () => {};
    const unsubscribe = boot.onProgress(progress);
    void (async () => {
      const listing = await boot.listing;
      if (!live) return;
      if (!listing) {
        startCharts();
        return setBusy(null);
      }
      setSource(listing);
      const first = await boot.first;
      if (!live) return;
      unsubscribe();
      for (const [name, stamp] of first.stamps) known.current.set(name, stamp);
      setFiles((m) => putFiles(m, first.files));
      startCharts();
      stop = watchListing((next) => void syncServer(next));
    })();
    return () => {
      live = false;
      unsubscribe();
      stop();
    };
  }, [syncServer]);

  const onFiles = useCallback(async (list: File[]) => {
    const loaded = await loadWorkbooks(
      list.map((f) => ({ name: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) })),
      list.length,
      'local',
      progress,
    );
    setFiles((m) => putFiles(m, loaded));
    setBusy(null);
  }, []);

  const tasks = useMemo(() => allTasks(files), [files]);
  // Coded once per load, so a filter change compares numbers (cube.ts).
  const cube = useMemo(() => buildCube(tasks), [tasks]);
  const options = useMemo(() => cubeFacets(cube), [cube]);
  const rows = useMemo(() => cubeRows(cube, filter), [cube, filter]);
  const filtered = useMemo(() => cubeTasks(cube, rows), [cube, rows]);
  // Table and charts answer a filter change in one render. (Deferring the
  // charts showed the table sooner but cost a second render of every chart:
  // 185–200 ms to the charts instead of 105–150 ms for the whole page, on
  // 100,000 tasks on a 2-core machine.)
  const summary = useMemo(() => {
    const t = performance.now();
    const out = cubeSummary(cube, rows);
    performance.measure('kesu:aggregate', { start: t, end: performance.now() });
    return out;
  }, [cube, rows]);
  // The headline rows are found once per load; a change of 辖区 or 报告期 filters only them.
  const headTasks = useMemo(() => tasks.filter(isHeadlineTask), [tasks]);
  const heads = useMemo(() => headlines(filterTasks(headTasks, { jurisdiction: filter.jurisdiction, period: filter.period })), [headTasks, filter.jurisdiction, filter.period]);
  // Marks for the benchmark (bench/dashboard.ts): when the charts of the
  // current data were painted.
  useEffect(() => {
    requestAnimationFrame(() => {
      performance.mark('kesu:rendered');
      document.body.dataset.tasks = String(tasks.length);
    });
  }, [tasks]);
  const pick = useCallback((f: TaskFilter) => setFilter((cur) => ({ ...cur, ...f })), []);
  const removeLocal = useCallback(() => setFiles((m) => dropFiles(m, (f) => f.origin !== 'local')), []);
  const fileList = useMemo(() => [...files.values()], [files]);
  const sampleShown = !!source?.sample && fileList.some((f) => f.origin === 'server');

  const [exportError, setExportError] = useState<string | null>(null);
  async function exportTable() {
    setBusy('正在导出…');
    setExportError(null);
    try {
      download(new Blob([(await tasksToXlsx(filtered)) as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), '任务明细.xlsx');
    } catch (e) {
      setExportError(exportFailed(' Excel ', e));
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
        <span className="hint">全民科学素质行动 任务进展</span>
      </header>
      <main>
        <FilesPanel files={fileList} busy={busy} onFiles={onFiles} onRemoveLocal={removeLocal} />
        <Filters filter={filter} options={options} onChange={setFilter} />
        <section className="card wide" aria-label="总体">
          <div className="head">
            <h2>总体</h2>
          </div>
          <HeadlineView data={heads} />
        </section>
        {!booted ? (
          <section className="card wide placeholder" aria-busy="true" data-testid="loading">
            {busy ?? '正在读取数据…'}
          </section>
        ) : (
          <div className="grid">
            {shows('status') ? <StatusChart data={summary.status} total={summary.total} onPick={pick} /> : <Pending title="任务状态" />}
            {shows('trend') ? (
              <TrendChart dim={trendDim} data={trendDim === 'population' ? summary.populationTrend : summary.projectTrend} onDim={setTrendDim} onPick={pick} />
            ) : (
              <Pending title="完成率趋势" />
            )}
            {shows('population') ? <GroupCharts id="population" title="各人群" data={summary.populations} onPick={pick} /> : <Pending title="各人群" wide />}
            {shows('project') ? <GroupCharts id="project" title="各工程" data={summary.projects} onPick={pick} /> : <Pending title="各工程" wide />}
            {shows('units') ? <UnitView data={summary.units} onPick={pick} /> : <Pending title="牵头单位" wide />}
            <section className="card wide" aria-label="任务明细">
              <div className="head">
                <h2>任务明细</h2>
                <span className="hint">点击任一图表的条形可筛选到对应任务</span>
                <span className="spacer" />
                {exportError && (
                  <span className="failed" role="alert">
                    {exportError}
                  </span>
                )}
                <button onClick={exportTable} disabled={!filtered.length} data-export-xlsx>
                  导出 Excel
                </button>
              </div>
              <TaskTable tasks={filtered} />
            </section>
          </div>
        )}
      </main>
    </>
  );
}
