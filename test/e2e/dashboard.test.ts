// The dashboard in Debian's Chromium: the sample data loads, each chart shows
// the bars its data implies (compared with the core's aggregates computed here
// in Node over the same files), a filter and a drill-down change the table, a
// dropped workbook adds its jurisdiction, an unreadable file shows its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../support/chromium';
import { startServer } from '../../server/serve';
import type { RunningServer } from '../../server/serve';
import { makeSampleData } from '../../scripts/make-sample-data';
import { loadWorkbooks } from '../../dashboard/load';
import type { MergedTask } from '../../dashboard/load';
import { CHANGE_KINDS, dashboardSummary, DEFAULT_FILTER, filterTasks, LATEST, NONE } from '../../shared/aggregate';
import type { DashboardSummary } from '../../shared/aggregate';
import { readWorkbook, writeWorkbook } from '../../shared/io';
import { EXAMPLE_XLSX } from '../support/paths';
import { readDocx } from '../report/read-docx';

const ROOT = process.env.KESU_DIST ?? path.resolve('dist');
const SHOTS = path.resolve('test/screenshots');
const EXAMPLE = EXAMPLE_XLSX;

let server: RunningServer;
let browser: Browser;
let page: Page;
let tasks: MergedTask[];
let sampleDir: string;
let sampleFiles: string[];
let expected: DashboardSummary;
/** The default view's tasks: each jurisdiction's latest period. */
let shown: number;
const tmp = mkdtempSync(path.join(tmpdir(), 'kesu-e2e-'));

/** The example ledger retitled to another district: a jurisdiction the samples do not have. */
async function wuhouFixture(): Promise<string> {
  const read = await readWorkbook(new Uint8Array(readFileSync(EXAMPLE)), 'jinjiang-2023H1.xlsx');
  if (!read.ok) throw new Error(read.problem.message);
  const sheets = read.sheets.map((s) => ({
    name: s.name,
    merges: s.merges,
    rows: s.rows.map((r, i) => (i < 2 ? r.map((c) => (typeof c === 'string' ? c.replaceAll('锦江区', '武侯区') : c)) : r)),
  }));
  const file = path.join(tmp, '武侯区-2023H1.xlsx');
  writeFileSync(file, await writeWorkbook({ sheets }));
  return file;
}

async function chartValues<T>(id: string): Promise<T> {
  return JSON.parse((await page.getAttribute(`[data-chart="${id}"]`, 'data-values'))!) as T;
}

/** The charts render deferred after the table: wait until they show n tasks. */
async function chartsShow(p: Page, n: number): Promise<void> {
  await p.waitForFunction(
    (want) => {
      const v = document.querySelector('[data-chart="status"]')?.getAttribute('data-values');
      // every chart drawn (they appear one a frame after a load), the figures in
      return !document.querySelector('[data-pending-chart]') && !!v && (JSON.parse(v) as { value: number }[]).reduce((a, x) => a + x.value, 0) === want;
    },
    n,
    { timeout: 60_000 },
  );
}

/** Clears the filters and waits until the charts have caught up with the table. */
async function clearFilters(): Promise<void> {
  await page.click('[data-clear-filters]');
  await page.waitForFunction(() => {
    const v = document.querySelector('[data-chart="status"]')?.getAttribute('data-values');
    const n = Number(document.querySelector('[data-testid="task-table"]')?.getAttribute('data-count'));
    return !document.querySelector('[data-active-filter]') && !!v && (JSON.parse(v) as { value: number }[]).reduce((a, x) => a + x.value, 0) === n;
  });
}

async function tableCount(): Promise<number> {
  return Number(await page.getAttribute('[data-testid="task-table"]', 'data-count'));
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const sample = await makeSampleData();
  sampleDir = sample.dir;
  sampleFiles = sample.files;
  const files = sample.files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(sample.dir, name))) }));
  tasks = (await loadWorkbooks(files, files.length, 'server')).flatMap((f) => f.tasks);
  expected = dashboardSummary(tasks, DEFAULT_FILTER);
  shown = filterTasks(tasks, DEFAULT_FILTER).length;
  server = await startServer({ root: ROOT, dataDir: sample.dir, sample: true });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="sample-badge"]', { timeout: 120_000 });
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-table"]')?.getAttribute('data-count')) === n, shown, { timeout: 120_000 });
  await chartsShow(page, shown);
  // nothing refused by the CSP, no request failed (a missing favicon once did), no script error
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dashboard over the sample data', () => {
  it('loads the twelve sample workbooks, labelled 示例数据', async () => {
    expect(tasks.length).toBeGreaterThan(100);
    expect(await page.textContent('[data-testid="sample-badge"]')).toBe('示例数据');
    expect(await page.locator('[data-testid="files"] li[data-status="ok"]').count()).toBe(12);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-sample.png'), fullPage: true });
  });

  it('the page asks for its views (React, recharts) only after a worker has its script (or, on a slow machine, a second after it started), and asks for it once', async () => {
    const requests = (await page.evaluate(`performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), e.startTime, e.responseEnd])`)) as [string, number, number][];
    const at = (prefix: string) => requests.filter(([name]) => name.startsWith(prefix));
    const workers = at('merge-worker.').map(([, start]) => start);
    const views = at('views.').map(([, start]) => start);
    const pageScript = at('dashboard.').map(([, , end]) => end);
    expect(workers.length).toBeGreaterThan(0);
    expect(views).toHaveLength(1);
    expect(pageScript).toHaveLength(1);
    // boot.ts: whichever comes first, a worker ready or 1 s after the page's script ran
    const afterWorker = views[0]! > Math.min(...workers);
    const afterTimeout = views[0]! >= pageScript[0]! + 1000;
    expect(afterWorker || afterTimeout).toBe(true);
  });

  it('after a load the status chart is drawn first and the others follow, one a frame, in order', async () => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    try {
      // Which batch of DOM changes each chart first appeared in (a string: the page's CSP forbids eval, init scripts are exempt).
      await p.addInitScript(`(() => {
        const seen = {}; const bars = {}; let batch = 0; window.__charts = seen; window.__bars = bars;
        new MutationObserver(() => {
          batch++;
          for (const el of document.querySelectorAll('[data-chart]')) {
            const id = el.getAttribute('data-chart');
            if (!(id in seen)) seen[id] = batch;
            if (!(id in bars) && el.querySelector('.recharts-bar-rectangle path, .recharts-line-curve')) bars[id] = batch;
          }
        }).observe(document, { childList: true, subtree: true });
      })()`);
      await p.goto(server.url);
      await chartsShow(p, shown);
      const seen = (await p.evaluate('window.__charts')) as Record<string, number>;
      const order = ['status', 'trend', 'population', 'project', 'units'];
      const batches = order.map((id) => seen[id]!);
      expect(batches.every((b) => typeof b === 'number')).toBe(true);
      for (let i = 1; i < batches.length; i++) expect(batches[i]!, order[i]).toBeGreaterThan(batches[i - 1]!);
      // Each chart is drawn in the frame it appears in, bars (or lines) and all: no empty frame
      // while recharts measures its box (Fit.tsx).
      const bars = (await p.evaluate('window.__bars')) as Record<string, number>;
      for (const id of order) expect(bars[id], id).toBe(seen[id]);
    } finally {
      await p.close();
    }
  });

  it('status chart: one bar per non-empty status with the counts of the core', async () => {
    const values = await chartValues<{ key: string; value: number }[]>('status');
    expect(values).toEqual(expected.status.map((s) => ({ key: s.status, value: s.count })));
    const bars = page.locator('[data-chart="status"] .recharts-bar-rectangle path');
    expect(await bars.count()).toBe(expected.status.filter((s) => s.count > 0).length);
    const labels = await page.locator('[data-chart="status"] .recharts-label-list text').allTextContents();
    expect(labels.map(Number).filter((n) => n > 0).sort((a, b) => a - b)).toEqual(expected.status.map((s) => s.count).filter((n) => n > 0).sort((a, b) => a - b));
  });

  it.each(['population', 'project'] as const)('%s charts: completion and status bars as aggregated', async (id) => {
    const groups = id === 'population' ? expected.populations : expected.projects;
    const values = await chartValues<{ key: string; total: number; completionRate: number | null; counts: Record<string, number> }[]>(id);
    expect(values.map((v) => [v.key, v.total])).toEqual(groups.map((g) => [g.key, g.total]));
    values.forEach((v, i) => {
      const want = groups[i]!.completionRate;
      if (want === null) expect(v.completionRate).toBeNull();
      else expect(v.completionRate).toBeCloseTo(want, 9);
      expect(v.counts).toEqual(groups[i]!.counts);
    });
    const rateBars = page.locator(`[data-chart="${id}"] [data-part="completion"] .recharts-bar-rectangle path`);
    expect(await rateBars.count()).toBe(groups.filter((g) => (g.completionRate ?? 0) > 0).length);
    const segments = page.locator(`[data-chart="${id}"] [data-part="status"] .recharts-bar-rectangle path`);
    expect(await segments.count()).toBe(groups.reduce((n, g) => n + Object.values(g.counts).filter((c) => c > 0).length, 0));
  });

  it('trend: one point per period and series, four quarters in order', async () => {
    const values = await chartValues<{ periods: string[]; keys: string[] }>('trend');
    expect(values.periods).toEqual(['2023年第一季度', '2023年第二季度', '2023年第三季度', '2023年第四季度']);
    expect(values.keys).toEqual(expected.populationTrend.keys);
    const lines = page.locator('[data-chart="trend"] .recharts-line');
    expect(await lines.count()).toBe(expected.populationTrend.keys.length);
    const dots = page.locator('[data-chart="trend"] .recharts-line-dots circle');
    const nonNull = expected.populationTrend.rows.reduce((n, r) => n + expected.populationTrend.keys.filter((k) => r[k] !== null).length, 0);
    expect(await dots.count()).toBe(nonNull);
  });

  it('units: the table lists every lead unit with its counts; sorting by 逾期 puts the most overdue first', async () => {
    const rows = page.locator('[data-testid="unit-table"] tbody tr');
    expect(await rows.count()).toBe(expected.units.length);
    const first = expected.units[0]!;
    expect(await rows.first().locator('td').allTextContents()).toEqual(
      [first.unit, first.led, first.completed, first.green, first.yellow, first.red, first.behind, first.overdue, first.unreported, first.stale].map(String),
    );
    await page.click('[data-testid="unit-table"] th[data-sort="behind"]');
    const topBehind = Math.max(...expected.units.map((u) => u.behind));
    expect(await rows.first().locator('td[data-col="behind"]').textContent()).toBe(String(topBehind));
    const values = await chartValues<{ key: string; red: number; overdue: number }[]>('units');
    expect(await page.locator('[data-chart="units"] .recharts-bar-rectangle path').count()).toBe(values.reduce((n, v) => n + (v.red > 0 ? 1 : 0) + (v.overdue > 0 ? 1 : 0), 0));
  });

  it('the headline indicator shows goal, baseline and the latest value per jurisdiction', async () => {
    const jinjiang = page.locator('[data-testid="headline"] [data-jurisdiction="成都市锦江区"]');
    expect(await jinjiang.getAttribute('data-goal')).toBe('18');
    expect(await jinjiang.getAttribute('data-current')).toBe('16.3');
    expect(await page.locator('[data-testid="headline"] [data-jurisdiction="国家"]').getAttribute('data-baseline')).toBe('10.56');
  });
});

describe('filters and drill-down', () => {
  it('a filter narrows the table and the charts', async () => {
    await page.selectOption('select[data-filter="population"]', '青少年');
    const want = filterTasks(tasks, { ...DEFAULT_FILTER, population: '青少年' }).length;
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-table"]')?.getAttribute('data-count')) === n, want);
    expect(want).toBeLessThan(tasks.length);
    await chartsShow(page, want);
    const status = await chartValues<{ value: number }[]>('status');
    expect(status.reduce((n, s) => n + s.value, 0)).toBe(want);
    await clearFilters();
    expect(await tableCount()).toBe(shown);
  });

  it('clicking a status bar filters the table to its tasks', async () => {
    const target = expected.status.find((s) => s.status === '滞后' && s.count > 0) ?? expected.status.find((s) => s.count > 0)!;
    const index = expected.status.filter((s) => s.count > 0).indexOf(target);
    await page.locator('[data-chart="status"] .recharts-bar-rectangle path').nth(index).click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-table"]')?.getAttribute('data-count')) === n, target.count);
    expect(await page.getAttribute('select[data-filter="status"]', 'value').catch(() => null)).toBeDefined();
    expect(await page.locator('select[data-filter="status"]').inputValue()).toBe(target.status);
    const shown = await page.locator('[data-testid="task-table"] [data-task-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(new Set(shown)).toEqual(new Set([target.status]));
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-drilldown.png'), fullPage: false });
    await clearFilters();
  });

  it('clicking a population bar filters to that population', async () => {
    const firstWithRate = expected.populations.findIndex((g) => (g.completionRate ?? 0) > 0);
    const g = expected.populations[firstWithRate]!;
    await page.locator('[data-chart="population"] [data-part="completion"] .recharts-bar-rectangle path').first().click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-table"]')?.getAttribute('data-count')) === n, g.total);
    expect(await page.locator('select[data-filter="population"]').inputValue()).toBe(g.key);
    await clearFilters();
  });
});

describe("the leaders' view", () => {
  it("the default view counts each jurisdiction's latest period only, as the core does; 全部报告期 adds every period up", async () => {
    expect(shown).toBeLessThan(tasks.length);
    expect(await page.locator('select[data-filter="period"]').inputValue()).toBe(LATEST);
    expect(await tableCount()).toBe(shown);
    expect(await chartValues('status')).toEqual(expected.status.map((s) => ({ key: s.status, value: s.count })));
    expect(await chartValues('lights')).toEqual(expected.lights.map((l) => ({ key: l.light, value: l.count })));
    expect(await page.locator('[data-chart="lights"] .recharts-bar-rectangle path').count()).toBe(expected.lights.filter((l) => l.count > 0).length);
    await page.selectOption('select[data-filter="period"]', '');
    await chartsShow(page, tasks.length);
    expect(await tableCount()).toBe(tasks.length);
    expect(await chartValues('status')).toEqual(dashboardSummary(tasks, {}).status.map((s) => ({ key: s.status, value: s.count })));
    await clearFilters();
    expect(await tableCount()).toBe(shown);
  });

  it('no 未分类 bar: the population chart counts population tasks, the project chart project tasks, the tasks of neither have a row of their own', async () => {
    const view = filterTasks(tasks, DEFAULT_FILTER);
    for (const id of ['population', 'project'] as const) {
      const values = await chartValues<{ key: string; total: number }[]>(id);
      expect(values.map((v) => v.key)).not.toContain(NONE);
      const ticks = await page.locator(`[data-chart="${id}"] svg text`).allTextContents();
      expect(ticks).toContain(values[0]!.key);
      expect(ticks.some((t) => t.includes(NONE))).toBe(false);
      const has = view.filter((t) => (id === 'population' ? t.population : t.project)).length;
      expect(values.reduce((n, v) => n + v.total, 0)).toBe(has);
    }
    const others = JSON.parse((await page.getAttribute('[data-testid="others"]', 'data-values'))!) as { total: number };
    expect(others.total).toBe(view.filter((t) => !t.population && !t.project).length);
    expect(others.total).toBe(expected.others.total);
    if (others.total > 0) {
      await page.click('[data-testid="others"] button');
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-table"]')?.getAttribute('data-count')) === n, others.total);
      await clearFilters();
    }
  });

  it("a click on a red cell of the scorecard filters the table to that unit's red tasks", async () => {
    const unit = expected.units.find((u) => u.red > 0)!;
    expect(unit).toBeDefined();
    expect(unit.red).toBe(filterTasks(tasks, { ...DEFAULT_FILTER, unit: unit.unit, light: '红' }).length);
    await page.click(`[data-testid="unit-table"] tr[data-unit=${JSON.stringify(unit.unit)}] td[data-col="red"]`);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-table"]')?.getAttribute('data-count')) === n, unit.red);
    expect(await page.locator('select[data-filter="unit"]').inputValue()).toBe(unit.unit);
    expect(await page.locator('select[data-filter="light"]').inputValue()).toBe('红');
    const lights = await page.locator('[data-testid="task-table"] [data-task-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-light')));
    expect(new Set(lights)).toEqual(new Set(['红']));
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-scorecard-red.png'), fullPage: false });
    await clearFilters();
  });

  it('the changes panel counts what changed since the previous period as the core does; a kind filters the table', async () => {
    const values = JSON.parse((await page.getAttribute('[data-testid="changes"]', 'data-values'))!) as { totals: Record<string, number> };
    const totals = Object.fromEntries(CHANGE_KINDS.map((k) => [k, expected.changes.reduce((n, r) => n + r.counts[k], 0)]));
    expect(expected.changes.length).toBeGreaterThan(0);
    expect(values.totals).toEqual(totals);
    const kind = CHANGE_KINDS.find((k) => totals[k]! > 0)!;
    expect(kind).toBeDefined();
    await page.click(`[data-testid="changes"] [data-change="${kind}"]`);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-table"]')?.getAttribute('data-count')) === n, totals[kind]!);
    expect(await page.locator('select[data-filter="change"]').inputValue()).toBe(kind);
    expect(await tableCount()).toBe(filterTasks(tasks, { ...DEFAULT_FILTER, change: kind }).length);
    await clearFilters();
  });
});

describe('parse once', () => {
  it('a reload of the unchanged folder takes what the page read from the server, parses nothing and shows the same figures', async () => {
    await page.waitForFunction(() => document.body.dataset.parseCache === 'stored' && document.body.dataset.joinedCache === 'stored', undefined, { timeout: 60_000 });
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const bundles: string[] = [];
    p.on('request', (r) => {
      if (r.url().includes('/api/data/bundle')) bundles.push(r.url());
    });
    try {
      await p.goto(server.url);
      await chartsShow(p, shown);
      expect(await p.evaluate(() => document.body.dataset.parsedFrom)).toBe('server-cache');
      // the joined form: the files, the coded tasks and the cube as the first page left them
      expect(await p.evaluate(() => document.body.dataset.parsedForm)).toBe('joined');
      expect(bundles).toEqual([]);
      // the table's rows are made as shown, and every task when a document asks for them
      expect(await p.locator('[data-testid="task-table"] [data-task-row]').count()).toBeGreaterThan(0);
      // each shown task as the first page made it (its fields travelled column by column)
      const rowTexts = (of: typeof p) => of.locator('[data-testid="task-table"] [data-task-row]').allInnerTexts();
      expect(await rowTexts(p)).toEqual(await rowTexts(page));
      const [d] = await Promise.all([p.waitForEvent('download', { timeout: 120_000 }), p.click('[data-export-bulletin]')]);
      const bulletin = await readDocx(new Uint8Array(readFileSync((await d.path())!)));
      expect(bulletin.tables.find((t) => t.head[0] === '完成状态')!.rows.at(-1)!.slice(0, 2)).toEqual(['合计', String(shown)]);
      expect(Number(await p.getAttribute('[data-testid="task-table"]', 'data-count'))).toBe(shown);
      const status = JSON.parse((await p.getAttribute('[data-chart="status"]', 'data-values'))!) as { key: string; value: number }[];
      expect(status).toEqual(expected.status.map((x) => ({ key: x.status, value: x.count })));
      const changes = JSON.parse((await p.getAttribute('[data-testid="changes"]', 'data-values'))!) as unknown;
      expect(changes).toEqual(JSON.parse((await page.getAttribute('[data-testid="changes"]', 'data-values'))!));
      expect(await p.locator('[data-testid="files"] li[data-status="ok"]').count()).toBe(12);
    } finally {
      await p.close();
    }
  });
});

describe('offline snapshot', () => {
  it('导出离线看板 writes one .html that opens from file:// with the network blocked, shows its charts and asks for nothing', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export-snapshot]')]);
    expect(download.suggestedFilename()).toMatch(/^离线看板-.*\.html$/);
    const file = path.join(tmp, 'offline.html');
    await download.saveAs(file);
    const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    await context.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
    const p = await context.newPage();
    p.on('pageerror', (e) => errors.push(String(e)));
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    try {
      await p.goto(pathToFileURL(file).href);
      await p.waitForFunction(() => !!document.querySelector('[data-chart="units"]') && document.querySelectorAll('[data-chart="status"] .recharts-bar-rectangle path').length > 0, undefined, { timeout: 60_000 });
      const values = async <T,>(id: string): Promise<T> => JSON.parse((await p.getAttribute(`[data-chart="${id}"]`, 'data-values'))!) as T;
      expect(await values('status')).toEqual(expected.status.map((s) => ({ key: s.status, value: s.count })));
      expect(await p.locator('[data-chart="status"] .recharts-bar-rectangle path').count()).toBe(expected.status.filter((s) => s.count > 0).length);
      expect(await values('lights')).toEqual(expected.lights.map((l) => ({ key: l.light, value: l.count })));
      const pops = await values<{ key: string; total: number }[]>('population');
      expect(pops.map((g) => [g.key, g.total])).toEqual(expected.populations.map((g) => [g.key, g.total]));
      expect(await p.locator('[data-chart="population"] [data-part="status"] .recharts-bar-rectangle path').count()).toBe(
        expected.populations.reduce((n, g) => n + Object.values(g.counts).filter((c) => c > 0).length, 0),
      );
      expect(await p.locator('[data-chart="trend"] .recharts-line').count()).toBe(expected.populationTrend.keys.length);
      expect(await p.locator('[data-testid="unit-table"] tbody tr').count()).toBe(expected.units.length);
      const redUnits = new Set(expected.units.filter((u) => u.red > 0).map((u) => u.unit));
      expect(await p.locator('[data-testid="red-list"] [data-unit]').count()).toBe(redUnits.size);
      expect(await p.textContent('[data-testid="snapshot-scope"]')).toContain(LATEST);
      await p.screenshot({ path: path.join(SHOTS, 'dashboard-offline.png'), fullPage: false });
      expect(requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('exports', () => {
  it('a chart exports as a PNG image', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export-png="population"]')]);
    expect(download.suggestedFilename()).toBe('各人群.png');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // 2× scale of two charts side by side: wider than one chart on screen.
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000);
  });

  it('the filtered table exports as .xlsx with one row per task', async () => {
    await page.selectOption('select[data-filter="population"]', '农民');
    const want = filterTasks(tasks, { ...DEFAULT_FILTER, population: '农民' });
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-table"]')?.getAttribute('data-count')) === n, want.length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export-xlsx]')]);
    const read = await readWorkbook(new Uint8Array(readFileSync((await download.path())!)), download.suggestedFilename());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const sheet = read.sheets[0]!;
    const rows = sheet.rows.filter((r) => r.some((c) => c !== null && c !== ''));
    expect(rows.length).toBe(want.length + 1);
    const popCol = rows[0]!.indexOf('人群');
    expect(new Set(rows.slice(1).map((r) => r[popCol]))).toEqual(new Set(['农民']));
    await clearFilters();
  });
});

describe('files from the user', () => {
  it('a dropped workbook adds its jurisdiction; an unreadable one is listed with its reason', async () => {
    const good = await wuhouFixture();
    const bad = path.join(tmp, '坏文件.xlsx');
    writeFileSync(bad, '这不是一个 Excel 文件');
    await page.setInputFiles('[data-testid="file-input"]', [good, bad]);
    await page.waitForSelector('[data-testid="files"] li[data-status="refused"]', { timeout: 60_000 });
    const reason = await page.textContent('[data-testid="files"] li[data-status="refused"] [data-reason]');
    expect(reason).toContain('坏文件.xlsx');
    await page.waitForFunction(() => [...document.querySelectorAll('select[data-filter="jurisdiction"] option')].some((o) => o.textContent!.includes('武侯区')));
    const options = await page.locator('select[data-filter="jurisdiction"] option').allTextContents();
    const wuhou = options.find((o) => o.includes('武侯区'))!;
    await page.selectOption('select[data-filter="jurisdiction"]', wuhou);
    expect(await tableCount()).toBeGreaterThan(20);
    expect(await page.locator('[data-testid="files"] li[data-status="ok"]').count()).toBe(13);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-dropped.png'), fullPage: false });
    await clearFilters();
  });

  it('a narrow window (laptop) and a wide one (projector) both render every chart', async () => {
    for (const [w, h, name] of [[1024, 768, 'laptop'], [1920, 1080, 'projector']] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(800);
      for (const id of ['status', 'population', 'project', 'units', 'trend']) {
        const widths = await page.locator(`[data-chart="${id}"] .recharts-wrapper > svg.recharts-surface`).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
        expect(widths.length).toBeGreaterThan(0);
        for (const width of widths) expect([id, w, width > 200 && width <= w]).toEqual([id, w, true]);
      }
      await page.screenshot({ path: path.join(SHOTS, `dashboard-${name}.png`), fullPage: false });
    }
  });
});

describe('a data folder large enough for the Web Workers', () => {
  it('three copies of the sample data merge in parallel into the same tasks, copies caught as duplicates; a new file is picked up', async () => {
    const dir = path.join(tmp, 'folder');
    mkdirSync(dir);
    for (const copy of ['副本A', '副本B', '副本C']) for (const f of sampleFiles) copyFileSync(path.join(sampleDir, f), path.join(dir, `${copy}-${f}`));
    const folder = await startServer({ root: ROOT, dataDir: dir });
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await p.goto(folder.url);
      await p.waitForSelector('[data-testid="files"] li[data-status="ok"]', { timeout: 180_000 });
      await p.waitForFunction((n) => document.querySelectorAll('[data-testid="files"] li[data-status="ok"]').length === n, sampleFiles.length * 3, { timeout: 180_000 });
      expect(await p.locator('[data-testid="sample-badge"]').count()).toBe(0);
      expect(Number(await p.getAttribute('[data-testid="task-table"]', 'data-count'))).toBe(shown);
      await chartsShow(p, shown);
      const status = JSON.parse((await p.getAttribute('[data-chart="status"]', 'data-values'))!) as { key: string; value: number }[];
      expect(status).toEqual(expected.status.map((x) => ({ key: x.status, value: x.count })));
      // A ledger saved into the folder while the page is open shows up by itself.
      copyFileSync(await wuhouFixture(), path.join(dir, '武侯区-2023H1.xlsx'));
      await p.waitForFunction(() => [...document.querySelectorAll('select[data-filter="jurisdiction"] option')].some((o) => o.textContent!.includes('武侯区')), undefined, { timeout: 60_000 });
      expect(await p.locator('[data-testid="files"] li[data-status="ok"]').count()).toBe(sampleFiles.length * 3 + 1);
    } finally {
      await p.close();
      await folder.close();
    }
  });
});
