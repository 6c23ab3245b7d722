// 下载通报 / 下载督办单: the 工作进展通报 and the 督办单 of the current filter,
// written in the page by the same builders as kesu report and kesu notices
// (shared/report) — leadersReport over all the loaded tasks (what changed
// needs the previous period, which the filter may leave out). Loaded on the
// first click, not with the page: the Word writer (docx) is the larger part.
import { zipSync } from 'fflate';
import { leadersReport, LATEST, TaskContext } from '../../shared/aggregate';
import type { TaskFilter } from '../../shared/aggregate';
import { buildBulletin, buildNotices, layoutChart, safeFileName, toDocx } from '../../shared/report';
import type { ChartRaster } from '../../shared/report';
import type { MergedTask } from '../load';
import { svgTextImage } from './exportPng';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocumentFile {
  blob: Blob;
  name: string;
}

/** The day in the page's own calendar, ISO (the documents are dated the day they are made). */
const todayIso = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The filter as a part of a file name: 成都市锦江区-2023年上半年-区科协; nothing for the default view. */
function scopeName(f: TaskFilter): string {
  const parts = [f.jurisdiction, f.period === LATEST ? undefined : (f.period ?? '全部'), f.unit].filter((p): p is string => !!p);
  return parts.length ? '-' + safeFileName(parts.join('-')) : '';
}

/**
 * The chart's fallback picture drawn by the page from the SVG itself, words
 * and all, at twice the size (the core's own fallback draws bars and figures
 * only: it has no fonts). Falls back to it when the page cannot draw.
 */
const canvasRaster: ChartRaster = async (spec, svg) => {
  const { width, height } = layoutChart(spec);
  try {
    const img = await svgTextImage(svg);
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('无法绘制图表');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('无法绘制图表');
    return { png: new Uint8Array(await blob.arrayBuffer()), width, height };
  } catch {
    const { chartPng } = await import('../../shared/report');
    return chartPng(spec);
  }
};

export async function bulletinFile(tasks: readonly MergedTask[], filter: TaskFilter, now = new Date()): Promise<DocumentFile> {
  const report = leadersReport(tasks, filter);
  const bytes = await toDocx(buildBulletin(report, { issued: todayIso(now) }), { raster: canvasRaster });
  return { blob: new Blob([bytes as BlobPart], { type: DOCX }), name: `工作进展通报${scopeName(filter)}.docx` };
}

/** One unit's notice as its .docx, several as one .zip of them; null when no unit lags. */
export async function noticesFile(tasks: readonly MergedTask[], filter: TaskFilter, now = new Date()): Promise<DocumentFile | null> {
  const notices = buildNotices(tasks, filter, { issued: todayIso(now) }, new TaskContext(tasks));
  if (!notices.length) return null;
  const files = await Promise.all(notices.map(async (n) => ({ name: n.fileName, bytes: await toDocx(n.document) })));
  if (files.length === 1) return { blob: new Blob([files[0]!.bytes as BlobPart], { type: DOCX }), name: files[0]!.name };
  // stored, not deflated: a .docx is a zip already
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, [f.bytes, { level: 0 }]])));
  return { blob: new Blob([zip as BlobPart], { type: 'application/zip' }), name: `督办单${scopeName(filter)}.zip` };
}
