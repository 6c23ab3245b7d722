// 导出离线看板: one .html file a leader can receive by mail and open from disk.
// It holds the figures of the current filter (aggregates, never the ledgers'
// rows beyond the red list) and the snapshot page's script (dist/snapshot.js,
// React + recharts, built without lazy chunks), both inline. Its own CSP
// forbids every fetch, so opening it makes no network request.
import { CHANGE_LABEL, FILTER_KEYS } from '../../shared/aggregate';
import type { DashboardSummary, Headline, TaskFilter } from '../../shared/aggregate';

export interface SnapshotRedTask {
  jurisdiction: string;
  period: string;
  id: string;
  title: string;
  reason: string;
}

export interface SnapshotData {
  version: 1;
  /** When it was exported (ISO). */
  made: string;
  /** The filter the figures are for, and how it reads. */
  filter: TaskFilter;
  scope: string;
  files: number;
  summary: DashboardSummary;
  headlines: Headline[];
  /** The red list by lead unit (each unit's first RED_LIMIT tasks; total gives how many). */
  red: { unit: string; total: number; tasks: SnapshotRedTask[] }[];
}

export const RED_LIMIT = 50;

/** Where the snapshot page's script is on the local server (webpack.config.js names it). */
export const SNAPSHOT_SCRIPT = 'snapshot.js';

/** The id of the JSON block the snapshot page reads. */
export const SNAPSHOT_DATA_ID = 'kesu-snapshot';

/**
 * Nothing may leave the file: no fetch, no image, font or script from
 * anywhere (data: and blob: images are the PNG export of a chart).
 */
export const SNAPSHOT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'";

/** JSON that cannot end the script element it sits in (HTML's script data state: </script, <!--). */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A script's text made safe inside <script>…</script>: the same program, with no "</script" or "<!--" in it. */
export function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function snapshotHtml(script: string, data: SnapshotData): string {
  const title = `科素台账 · 离线看板（${data.scope}）`;
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8" />',
    `<meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}" />`,
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body>',
    '<div id="root"><p style="padding: 2rem; font-family: sans-serif">正在打开离线看板…（需要允许本文件运行脚本）</p></div>',
    `<script type="application/json" id="${SNAPSHOT_DATA_ID}">${inlineJson(data)}</script>`,
    `<script>${inlineScript(script)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** How a filter reads in the snapshot's title and file name: 各辖区最新一期 · 青少年 … */
export function scopeText(filter: TaskFilter): string {
  const parts = FILTER_KEYS.flatMap((k) => {
    const v = filter[k];
    return v === undefined || v === '' ? [] : [k === 'change' ? CHANGE_LABEL[filter.change!] : v];
  });
  return parts.length ? parts.join(' · ') : '全部报告期';
}
