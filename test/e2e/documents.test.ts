// 下载通报 / 下载督办单 in Debian's Chromium over the sample data: the files the
// page writes are read back with mammoth and held against the core's own
// report of the same tasks, computed here in Node (the default view: each
// jurisdiction's latest period; then one jurisdiction's own notices).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../support/chromium';
import { startServer } from '../../server/serve';
import type { RunningServer } from '../../server/serve';
import { makeSampleData } from '../../scripts/make-sample-data';
import { loadWorkbooks } from '../../dashboard/load';
import type { MergedTask } from '../../dashboard/load';
import { DEFAULT_FILTER, leadersReport } from '../../shared/aggregate';
import { buildBulletin, buildNotices, chartPng } from '../../shared/report';
import { readDocx } from '../report/read-docx';

const ROOT = process.env.KESU_DIST ?? path.resolve('dist');

let server: RunningServer;
let browser: Browser;
let page: Page;
let tasks: MergedTask[];
const errors: string[] = [];

beforeAll(async () => {
  const sample = await makeSampleData();
  const files = sample.files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(sample.dir, name))) }));
  tasks = (await loadWorkbooks(files, files.length, 'server')).flatMap((f) => f.tasks);
  server = await startServer({ root: ROOT, dataDir: sample.dir, sample: true });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // the browser's own favicon request (the server has none) is not the page's error
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} @ ${m.location().url}`);
  });
  await page.goto(server.url);
  await page.waitForSelector('[data-export-bulletin]:not([disabled])', { timeout: 120_000 });
  await page.waitForFunction((n) => document.body.dataset.tasks === String(n), tasks.length, { timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function downloaded(selector: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(selector)]);
  return { name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync((await d.path())!)) };
}

describe('the dashboard’s documents', () => {
  it('下载通报 writes the 通报 of the view: the core’s counts, red list and charts with their words', async () => {
    const report = leadersReport(tasks, DEFAULT_FILTER);
    const file = await downloaded('[data-export-bulletin]');
    expect(file.name).toBe('工作进展通报.docx');
    const d = await readDocx(file.bytes);
    expect(d.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(['一、总体情况', '二、核心指标', '三、分类推进情况', '四、红灯任务清单', '五、与上期比较', '六、下一步工作要求']);
    const status = d.tables.find((t) => t.head[0] === '完成状态')!;
    expect(status.rows.at(-1)!.slice(0, 2)).toEqual(['合计', String(report.summary.total)]);
    for (const { light, count } of report.summary.lights) expect(status.rows.find((r) => r[3] === `${light}灯`)![4]).toBe(String(count));
    const units = d.tables.find((t) => t.head[0] === '牵头单位')!;
    expect(units.rows).toHaveLength(report.summary.units.length);
    for (const { unit, tasks: red } of report.red) expect(d.headings.some((h) => h.text.endsWith(`${unit}（${red.length}项）`))).toBe(true);
    expect(d.images).toBe(4);
    // the page draws each chart's fallback from its SVG (words and all), not the core's figure-only picture
    const png = [...d.html.matchAll(/src="data:image\/png;base64,([^"]+)"/g)].map((m) => Buffer.from(m[1]!, 'base64'));
    expect(png).toHaveLength(4);
    for (const p of png) expect(p.subarray(1, 4).toString()).toBe('PNG');
    const charts = buildBulletin(report).blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : []));
    expect(charts).toHaveLength(4);
    charts.forEach((c, i) => expect(Buffer.from(chartPng(c).png).equals(png[i]!), `chart ${i + 1} is the core's fallback`).toBe(false));
    expect(errors).toEqual([]);
  });

  it('下载督办单 writes one notice per lagging unit, packed in a .zip', async () => {
    const expected = buildNotices(tasks, DEFAULT_FILTER);
    expect(expected.length).toBeGreaterThan(1);
    const file = await downloaded('[data-export-notices]');
    expect(file.name).toBe('督办单.zip');
    const entries = unzipSync(file.bytes);
    expect(Object.keys(entries).sort()).toEqual(expected.map((n) => n.fileName).sort());
    for (const n of expected.slice(0, 3)) {
      const d = await readDocx(entries[n.fileName]!);
      expect(d.tables[0]!.rows[0]).toEqual(['承办单位', n.unit]);
      const items = d.tables.find((t) => t.head[0] === '序号')!.rows;
      const list = n.document.blocks.find((b) => b.kind === 'table');
      if (list?.kind !== 'table') throw new Error(`no task list in ${n.fileName}`);
      expect(items.map((r) => r[0])).toEqual(list.rows.map((r) => (typeof r[0] === 'string' ? r[0] : r[0]!.text)));
    }
    expect(errors).toEqual([]);
  });
});
