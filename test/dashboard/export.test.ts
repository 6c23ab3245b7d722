// A failed export says so in Chinese, with the reason and what to do.
import { describe, expect, it } from 'vitest';
import { exportFailed } from '../../dashboard/views/exportPng';

describe('exportFailed', () => {
  it.each([
    ['图片', new Error('canvas 太大'), '导出图片失败（canvas 太大），请重试；若仍失败，请刷新页面后再导出'],
    [' Excel ', '内存不足', '导出 Excel 失败（内存不足），请重试；若仍失败，请刷新页面后再导出'],
  ])('%s / %s', (what, why, text) => {
    expect(exportFailed(what, why)).toBe(text);
  });
});
