// The real task pane in Debian Chromium, on the demo page over the in-memory
// workbook, loaded with the example ledger (two owner names misspelled so the
// 单位名录 suggestions have work to do). The expected results come from the
// same commands run in Node on the same grids, so the page is checked
// against the core, not against numbers copied here.
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../support/chromium';
import { startServer } from '../../server/serve';
import type { SheetGrid } from '../../shared/model';
import { MemoryGateway, MemoryWorkbook } from '../../addin/memory/gateway';
import { runValidate } from '../../addin/commands/validate';
import { runEnrich } from '../../addin/commands/enrich';
import { planGenerate } from '../../addin/commands/generate';
import { AS_OF, SEED_000, clone, exampleGrids, withTypos } from '../fixtures/addin/ledgers';

const SHOTS = 'test/screenshots';
let browser: Browser;
let server: { url: string; close(): Promise<void> };
let grids: SheetGrid[];
let typos: { row: number; col: number; text: string; input: string }[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const t = withTypos(await exampleGrids());
  grids = t.grids;
  typos = t.cells;
  server = await startServer({ port: 0, root: 'dist' });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageErrors = new Map<Page, string[]>();

async function openDemo(asOf: string | null = '2023-06-30'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/demo.html`);
  await page.waitForSelector('[data-testid=run-validate]');
  expect(errors).toEqual([]);
  await page.evaluate((g) => window.__kesuDemo!.load(g, 'jinjiang-2023H1.xlsx'), grids);
  await page.waitForSelector('[data-testid=grid][data-sheet=任务台账]');
  if (asOf) await page.fill('[data-testid=as-of]', asOf);
  return page;
}

/** Close a page, failing the test if it threw anything along the way. */
async function done(page: Page): Promise<void> {
  const errors = pageErrors.get(page) ?? [];
  await page.close();
  expect(errors).toEqual([]);
}

/** Click, then wait until the status line reports the outcome. */
async function runAndWait(page: Page, selector: string): Promise<{ kind: string; text: string }> {
  const status = page.locator('[data-testid=status]');
  const before = await status.textContent();
  await page.click(selector);
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector('[data-testid=status]') as HTMLElement | null;
      return !!el && el.dataset.kind !== 'busy' && el.textContent !== prev;
    },
    before,
    { timeout: 30_000 },
  );
  return { kind: (await status.getAttribute('data-kind')) ?? '', text: (await status.textContent()) ?? '' };
}

const snapshot = (page: Page) => page.evaluate(() => JSON.stringify(window.__kesuDemo!.workbook.toGrids())).then((s) => JSON.parse(s) as SheetGrid[]);

function nodeRun() {
  const wb = MemoryWorkbook.fromGrids(clone(grids));
  return { wb, gw: new MemoryGateway(wb) };
}

/** 校验 run in Node on the same grids: what the page must show. */
async function coreValidate() {
  const want = await runValidate(nodeRun().gw, { asOf: AS_OF });
  if (!want.ok) throw new Error(want.message);
  return want.value;
}

describe('task pane on the demo page', () => {
  it('校验 shows the findings the core finds, grouped with counts, and a click selects the cell', async () => {
    const want = { value: await coreValidate() };
    const page = await openDemo();
    const st = await runAndWait(page, '[data-testid=run-validate]');
    expect(st.kind).toBe('success');
    for (const sev of ['error', 'warning', 'info'] as const)
      expect(await page.textContent(`[data-testid=count-${sev}]`)).toContain(String(want.value.counts[sev]));
    const groups = await page.$$eval('[data-testid=finding-group]', (els) => els.map((e) => [e.getAttribute('data-code'), e.querySelector('[data-testid=group-count]')?.textContent]));
    expect(groups).toEqual(want.value.groups.map((g) => [g.code, String(g.count)]));
    // Highlights landed on the grid.
    const hl = await page.evaluate(() => window.__kesuDemo!.workbook.sheet('任务台账')!.highlights.size);
    expect(hl).toBe(want.value.highlighted);
    // Click a finding that names a cell: the grid selects it.
    const item = page.locator('[data-testid=finding][data-col]:not([data-col=""])').first();
    const row = Number(await item.getAttribute('data-row'));
    const col = Number(await item.getAttribute('data-col'));
    await runAndWait(page, '[data-testid=finding][data-col]:not([data-col=""]) >> nth=0');
    const sel = await page.evaluate(() => window.__kesuDemo!.workbook.selection);
    expect(sel).toEqual({ sheet: '任务台账', row: row - 1, col });
    await expect(page.locator('td.sel').count()).resolves.toBe(1);
    await page.screenshot({ path: `${SHOTS}/addin-validate.png` });
    // 清除高亮 removes them from the grid.
    expect(await page.isEnabled('[data-testid=clear-highlights]')).toBe(true);
    const cleared = await runAndWait(page, '[data-testid=clear-highlights]');
    expect(cleared.kind).toBe('success');
    expect(await page.evaluate(() => window.__kesuDemo!.workbook.sheet('任务台账')!.highlights.size)).toBe(0);
    await done(page);
  });

  it('校验 with no date picked judges the 2023年上半年 ledger as of its own 截至日期, and lists the tasks by light', async () => {
    const { gw } = nodeRun();
    const want = await runValidate(gw, {});
    if (!want.ok) throw new Error(want.message);
    expect(want.value.asOf).toBe('2023-06-30');
    const page = await openDemo(null);
    expect(await page.inputValue('[data-testid=as-of]')).toBe('');
    const st = await runAndWait(page, '[data-testid=run-validate]');
    expect(st.kind).toBe('success');
    const used = page.locator('[data-testid=as-of-used]');
    expect(await used.getAttribute('data-as-of')).toBe('2023-06-30');
    expect(await used.getAttribute('data-source')).toBe('ledger');
    const counts = await page.$$eval('[data-testid=light-count]', (els) => els.map((e) => [e.getAttribute('data-light'), e.textContent]));
    expect(counts).toEqual(want.value.lights.map((g) => [g.light, `${g.light}灯 ${g.count}`]));
    // Years before its 2025 deadlines, nothing of this ledger is overdue.
    expect(want.value.lights.flatMap((g) => g.tasks).filter((t) => t.status === '逾期')).toEqual([]);
    // The first list open is the yellow one (no red); a click selects the task's 序号 cell.
    const open = page.locator('[data-testid=light-tasks]');
    expect(await open.getAttribute('data-light')).toBe('黄');
    const rows = await page.$$eval('[data-testid=light-task]', (els) => els.map((e) => Number(e.getAttribute('data-row'))));
    expect(rows).toEqual(want.value.lights.find((g) => g.light === '黄')!.tasks.map((t) => t.row));
    await runAndWait(page, '[data-testid=light-task] >> nth=0');
    const first = want.value.lights.find((g) => g.light === '黄')!.tasks[0]!;
    expect(await page.evaluate(() => window.__kesuDemo!.workbook.selection)).toEqual({ sheet: '任务台账', row: first.row - 1, col: first.col });
    await page.screenshot({ path: `${SHOTS}/addin-lights.png` });
    await done(page);
  });

  it('校验: the grid shows every highlight the command applied, marks their rows and columns, and brings the first into view', async () => {
    const want = { value: await coreValidate() };
    const page = await openDemo();
    const st = await runAndWait(page, '[data-testid=run-validate]');
    expect(st.text).toContain(`已高亮 ${want.value.highlighted} 个单元格`);
    const lit = await page.evaluate(() => [...window.__kesuDemo!.workbook.sheet('任务台账')!.highlights].map(([k, h]) => ({ k, color: h.color })));
    expect(lit.length).toBe(want.value.highlighted);
    expect(lit.length).toBeGreaterThan(0);
    const cellOf = (k: string) => {
      const [r, c] = k.split(',').map(Number);
      return `${String.fromCharCode(65 + c)}${r + 1}`;
    };
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    for (const { k, color } of lit) {
      const td = page.locator(`[data-testid=grid] td[data-cell=${cellOf(k)}]`);
      expect(await td.evaluate((el) => getComputedStyle(el).backgroundColor), cellOf(k)).toBe(rgb(color));
    }
    // The row headers of painted rows carry the colour, and the legend names the count.
    const rows = [...new Set(lit.map(({ k }) => Number(k.split(',')[0]) + 1))];
    const marked = await page.$$eval('[data-testid=grid] tbody th[data-lit]', (els) => els.map((e) => Number(e.textContent)));
    expect(marked.sort((a, b) => a - b)).toEqual(rows.sort((a, b) => a - b));
    expect(await page.textContent('[data-testid=grid-legend]')).toContain(`高亮 ${lit.length} 个单元格`);
    // The first painted cell (top-left-most) is scrolled into the grid's view.
    const first = lit.map(({ k }) => k.split(',').map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1])[0];
    const visible = await page.evaluate((cell) => {
      const td = document.querySelector(`[data-testid=grid] td[data-cell=${cell}]`)!.getBoundingClientRect();
      const box = document.querySelector('.grid-scroll')!.getBoundingClientRect();
      return td.left >= box.left - 1 && td.right <= box.right + 1 && td.top >= box.top - 1 && td.bottom <= box.bottom + 1;
    }, cellOf(`${first[0]},${first[1]}`));
    expect(visible).toBe(true);
    await page.screenshot({ path: `${SHOTS}/addin-validate-highlights.png` });
    await done(page);
  });

  it('a cell being edited holds 校验 until the edit ends, and the status line says how to end it', async () => {
    const page = await openDemo();
    await page.dblclick('[data-testid=grid] td[data-cell=A5]');
    await page.waitForSelector('[data-testid=cell-edit]');
    await page.click('[data-testid=run-validate]');
    // Clicking the pane does not end the edit (as in Excel): the command waits, and after a moment says why.
    await page.waitForSelector('[data-testid=status-details]', { timeout: 15_000 });
    expect(await page.getAttribute('[data-testid=status]', 'data-kind')).toBe('busy');
    expect(await page.textContent('[data-testid=status-details]')).toContain('按 Enter 或 Tab');
    await page.press('[data-testid=cell-edit]', 'Escape');
    await page.waitForFunction(() => document.querySelector('[data-testid=status]')?.getAttribute('data-kind') === 'success', undefined, { timeout: 30_000 });
    expect(await page.textContent('[data-testid=status]')).toContain('已校验');
    await done(page);
  });

  it('a protected sheet: 补全 says in Chinese how to unprotect it, with Excel’s words only in the details line', async () => {
    const page = await openDemo();
    await page.evaluate(() => void (window.__kesuDemo!.workbook.sheet('任务台账')!.protected = true));
    await page.click('[data-testid=tab-enrich]');
    const st = await runAndWait(page, '[data-testid=run-enrich]');
    expect(st.kind).toBe('error');
    expect(st.text).toContain('撤消工作表保护');
    const details = await page.textContent('[data-testid=status-details]');
    expect(details).toContain('AccessDenied');
    expect(details).toContain('You cannot perform the requested operation.');
    await done(page);
  });

  it('补全 adds the columns with the core values and leaves the original cells byte-identical', async () => {
    const { wb, gw } = nodeRun();
    const want = await runEnrich(gw, { asOf: AS_OF });
    if (!want.ok) throw new Error(want.message);
    const page = await openDemo();
    const before = await snapshot(page);
    await page.click('[data-testid=tab-enrich]');
    const st = await runAndWait(page, '[data-testid=run-enrich]');
    expect(st.kind).toBe('success');
    expect(st.text).toContain(want.value.range);
    const after = await snapshot(page);
    const b = before.find((g) => g.name === '任务台账')!;
    const a = after.find((g) => g.name === '任务台账')!;
    b.rows.forEach((row, i) => row.forEach((v, j) => expect(JSON.stringify(a.rows[i][j] ?? null)).toBe(JSON.stringify(v))));
    expect(JSON.stringify(after.find((g) => g.name === '单位名录'))).toBe(JSON.stringify(before.find((g) => g.name === '单位名录')));
    // The new columns hold exactly what the commands compute in Node.
    expect(JSON.stringify(a.rows)).toBe(JSON.stringify(wb.toGrids().find((g) => g.name === '任务台账')!.rows));
    await page.screenshot({ path: `${SHOTS}/addin-enrich.png` });
    // One click removes them again.
    const rm = await runAndWait(page, '[data-testid=remove-enrich]');
    expect(rm.kind).toBe('success');
    const width = Math.max(...(await snapshot(page)).find((g) => g.name === '任务台账')!.rows.map((r) => r.length));
    expect(width).toBeLessThanOrEqual(Math.max(...b.rows.map((r) => r.length)));
    await done(page);
  });

  it('单位名录: accepting a suggestion changes only that cell and keeps the original in a comment', async () => {
    const page = await openDemo();
    await page.click('[data-testid=tab-directory]');
    const st = await runAndWait(page, '[data-testid=load-suggestions]');
    expect(st.kind).toBe('success');
    const cellOf = (t: { row: number; col: number }) => `${String.fromCharCode(65 + t.col)}${t.row + 1}`;
    const cards = page.locator('[data-testid=suggestion]');
    const cells = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')));
    for (const t of typos) expect(cells).toContain(cellOf(t));
    const before = await snapshot(page);
    const card = page.locator(`[data-testid=suggestion][data-cell=${cellOf(typos[0])}]`).first();
    const chosen = await card.locator('select').inputValue();
    await page.screenshot({ path: `${SHOTS}/addin-directory.png` });
    await card.locator('[data-testid=accept-one]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=status]')?.getAttribute('data-kind') !== 'busy');
    await page.waitForFunction(() => /已替换/.test(document.querySelector('[data-testid=status]')?.textContent ?? ''));
    const after = await snapshot(page);
    const diffs: string[] = [];
    after.forEach((g, k) => g.rows.forEach((r, i) => r.forEach((v, j) => JSON.stringify(v) !== JSON.stringify(before[k].rows[i]?.[j] ?? null) && diffs.push(`${g.name}!${i},${j}`))));
    expect(diffs).toEqual([`任务台账!${typos[0].row},${typos[0].col}`]);
    const now = String(after.find((g) => g.name === '任务台账')!.rows[typos[0].row][typos[0].col]);
    expect(now).toContain(chosen);
    expect(now).not.toContain(typos[0].input);
    const note = await page.evaluate((k) => window.__kesuDemo!.workbook.sheet('任务台账')!.notes.get(k), `${typos[0].row},${typos[0].col}`);
    expect(note).toContain(typos[0].text);
    // The grid marks the cell, and hovering it shows the note's text.
    const td = page.locator(`[data-testid=grid] td[data-cell=${cellOf(typos[0])}]`);
    expect(await td.getAttribute('data-note')).toBe('');
    expect(await td.evaluate((el) => getComputedStyle(el, '::after').borderTopColor)).toBe('rgb(221, 0, 0)');
    await td.hover();
    await page.waitForSelector('[data-testid=note-tip]');
    expect(await page.textContent('[data-testid=note-tip]')).toBe(note);
    await page.screenshot({ path: `${SHOTS}/addin-note.png` });
    await page.mouse.move(0, 0);
    await page.waitForSelector('[data-testid=note-tip]', { state: 'detached' });
    await done(page);
  });

  it('生成台账 from seed 000 text makes a new ledger sheet with its 29+ tasks', async () => {
    const text = readFileSync(SEED_000, 'utf8');
    const want = planGenerate(text, undefined, grids.map((g) => g.name));
    if (!want.ok) throw new Error(want.message);
    expect(want.value.tasks).toBeGreaterThanOrEqual(29);
    const page = await openDemo();
    await page.click('[data-testid=tab-generate]');
    await page.fill('[data-testid=plan-text]', text);
    const st = await runAndWait(page, '[data-testid=run-generate]');
    expect(st.kind).toBe('success');
    expect(st.text).toContain(`${want.value.tasks} 项任务`);
    const names = await page.evaluate(() => window.__kesuDemo!.workbook.sheets.map((s) => s.name));
    expect(names).toEqual([...grids.map((g) => g.name), want.value.sheet]);
    await page.waitForSelector(`[data-testid=grid][data-sheet="${want.value.sheet}"]`);
    // Checking the new sheet finds the same tasks.
    await page.click('[data-testid=tab-validate]');
    const v = await runAndWait(page, '[data-testid=run-validate]');
    expect(v.text).toContain(`${want.value.tasks} 项任务`);
    expect(await page.isEnabled('[data-testid=clear-highlights]')).toBe(true);
    await page.screenshot({ path: `${SHOTS}/addin-generate.png` });
    await done(page);
  });

  it('导出 hands over the standard workbook', async () => {
    const page = await openDemo();
    await page.click('[data-testid=tab-export]');
    await page.fill('[data-testid=export-period]', '2023年上半年');
    const st = await runAndWait(page, '[data-testid=run-export]');
    expect(st.kind).toBe('success');
    const got = await page.evaluate(() => ({ name: window.__kesuDemo!.lastDownload?.fileName, size: window.__kesuDemo!.lastDownload?.bytes.length }));
    expect(got.name).toMatch(/2023年上半年.*\.xlsx$/);
    expect(got.size).toBeGreaterThan(1000);
    await done(page);
  });
});
