// 导出离线看板: the figures on screen and the snapshot page's script, fetched
// from the local server, written into one .html file (snapshot/html.ts).
import { redByUnit, taskReason } from '../../shared/aggregate';
import type { DashboardSummary, Headline, TaskFilter } from '../../shared/aggregate';
import type { MergedTask } from '../load';
import { RED_LIMIT, scopeText, SNAPSHOT_SCRIPT, snapshotHtml } from '../snapshot/html';
import type { SnapshotData } from '../snapshot/html';
import { download } from './exportPng';

export interface SnapshotInput {
  filter: TaskFilter;
  summary: DashboardSummary;
  headlines: Headline[];
  /** The filtered tasks (for the red list). */
  tasks: readonly MergedTask[];
  files: number;
}

export function snapshotData(input: SnapshotInput, made: Date = new Date()): SnapshotData {
  const red = redByUnit(input.tasks, input.filter.unit).map(({ unit, tasks }) => ({
    unit,
    total: tasks.length,
    tasks: tasks.slice(0, RED_LIMIT).map((t) => ({ jurisdiction: t.meta.jurisdiction ?? '', period: t.meta.period ?? '', id: t.id, title: t.title || t.content, reason: taskReason(t) })),
  }));
  return { version: 1, made: made.toISOString(), filter: input.filter, scope: scopeText(input.filter), files: input.files, summary: input.summary, headlines: input.headlines, red };
}

export async function exportSnapshot(input: SnapshotInput): Promise<void> {
  const res = await fetch(SNAPSHOT_SCRIPT, { cache: 'no-store' });
  if (!res.ok) throw new Error(`本地服务没有离线看板的脚本（${res.status}），请重新运行 npm start`);
  const html = snapshotHtml(await res.text(), snapshotData(input));
  const name = `离线看板-${scopeText(input.filter).replace(/[\\/:*?"<>|]/g, '_')}.html`;
  download(new Blob([html], { type: 'text/html;charset=utf-8' }), name);
}
