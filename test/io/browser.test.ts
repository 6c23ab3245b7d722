// shared/io in a real browser: the same bundle path as the dashboard
// (webpack, exceljs's browser build, no Node built-ins), driven in Chromium.
// Reads give the same grids as in Node; guards refuse the same files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import webpack from 'webpack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../shared/io';
import { makeBadFixtures } from '../../scripts/make-bad-fixtures';
import { launch } from '../support/chromium';
import { EXAMPLE_XLSX } from '../support/paths';

const root = path.join(__dirname, '..', '..');
let out = '';
let browser: Browser;
let page: Page;

function bundle(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'development',
        devtool: false,
        context: root,
        entry: './test/io/browser-entry.ts',
        output: { path: dir, filename: 'io.js' },
        target: 'web',
        resolve: { extensions: ['.ts', '.js', '.mjs'], fallback: { fs: false, path: false, os: false, stream: false, crypto: false } },
        module: { rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2020' } }] },
        performance: { hints: false },
      },
      (err, stats) => {
        if (err) return reject(err);
        if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
        resolve();
      },
    );
  });
}

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'kesu-io-web-'));
  await bundle(out);
  await makeBadFixtures(out, { large: true, only: ['zip-bomb.xlsx', 'ledger-gbk.csv', 'entity-expansion.xlsx', 'encrypted.xlsx'] });
  browser = await launch();
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: path.join(out, 'io.js') });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Runs readWorkbook in the page on the file's bytes; dates come back as ISO strings. */
async function readInPage(file: string, name: string): Promise<unknown> {
  const b64 = readFileSync(file).toString('base64');
  return page.evaluate(
    async ([data, fileName]) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const io = (globalThis as unknown as { kesuIo: { readWorkbook: (b: Uint8Array, f: string) => Promise<unknown> } }).kesuIo;
      return JSON.parse(JSON.stringify(await io.readWorkbook(bytes, fileName)));
    },
    [b64, name] as const,
  );
}

const inNode = async (file: string, name: string): Promise<unknown> =>
  JSON.parse(JSON.stringify(await readWorkbook(new Uint8Array(readFileSync(file)), name)));

describe('shared/io in Chromium', () => {
  it.each([
    ['the example ledger', EXAMPLE_XLSX, 'jinjiang-2023H1.xlsx'],
    ['a GBK CSV', 'ledger-gbk.csv', 'ledger-gbk.csv'],
    ['formula errors', path.join(root, 'test/fixtures/bad/formula-errors.xlsx'), 'formula-errors.xlsx'],
    ['merged headers', path.join(root, 'test/fixtures/bad/merged-header.xlsx'), 'merged-header.xlsx'],
  ])('%s reads exactly as in Node', async (_n, file, name) => {
    const f = path.isAbsolute(file) ? file : path.join(out, file);
    const web = await readInPage(f, name);
    expect(web).toEqual(await inNode(f, name));
    expect((web as { ok: boolean }).ok).toBe(true);
  }, 60_000);

  it.each([
    ['zip-bomb.xlsx', 'zip-bomb-actual'],
    ['entity-expansion.xlsx', 'xml-doctype'],
    ['encrypted.xlsx', 'encrypted'],
  ])('%s is refused in the page too (%s)', async (file, code) => {
    const web = (await readInPage(path.join(out, file), file)) as { ok: boolean; problem: { code: string; message: string } };
    expect(web.ok).toBe(false);
    expect(web.problem.code).toBe(code);
    expect(web.problem.message).toContain(file);
  }, 120_000);

  it('a workbook written in the page reads back in Node, formula-like text neutralised', async () => {
    const b64 = await page.evaluate(async () => {
      const io = (globalThis as unknown as { kesuIo: { writeWorkbook: (s: object) => Promise<Uint8Array> } }).kesuIo;
      const bytes = await io.writeWorkbook({ sheets: [{ name: '任务台账', rows: [['序号', '备注'], [1, '=1+1']], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }], headerRow: 0 }] });
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    });
    const bytes = new Uint8Array(Buffer.from(b64, 'base64'));
    const r = await readWorkbook(bytes, 'web.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.sheets[0].rows).toEqual([['序号', null], [1, '=1+1']]);
    expect(r.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    const { unzipSync, strFromU8 } = await import('fflate');
    expect(strFromU8(unzipSync(bytes)['xl/styles.xml'])).toContain('quotePrefix="1"');
  }, 60_000);
});
