// scripts/make-example-ledger.ts: the committed example ledger is what the
// script makes, and the script reads seed 000 the way the plan writes it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../shared/io';
import { deadlineOf, exampleLedger, seed000Tasks } from '../../scripts/make-example-ledger';
import { EXAMPLE_XLSX, seedText } from '../support/paths';

async function sheetsOf(bytes: Uint8Array) {
  const r = await readWorkbook(bytes, 'jinjiang-2023H1.xlsx');
  if (!r.ok) throw new Error(r.problem.message);
  return r.sheets;
}

describe('the example ledger', () => {
  it('the committed file reads cell for cell as what the script writes now', async () => {
    const committed = await sheetsOf(new Uint8Array(readFileSync(EXAMPLE_XLSX)));
    const fresh = await sheetsOf(await exampleLedger());
    expect(committed).toEqual(fresh);
  });

  it('stays small', () => {
    expect(readFileSync(EXAMPLE_XLSX).length).toBeLessThan(64 * 1024);
  });
});

describe('seed 000 as the script reads it', () => {
  const tasks = seed000Tasks(seedText('000'));

  it('29 numbered tasks in order, under ten 实施 sections, each with a lead', () => {
    expect(tasks.map((t) => t.id)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
    expect(new Set(tasks.map((t) => t.category)).size).toBe(10);
    expect(tasks.every((t) => t.category.startsWith('实施') && t.leads !== '')).toBe(true);
  });

  it.each([
    // the usual bracket
    [1, '培养青少年科学精神', '区教育局', '区新经济和科技局、团区委、区科协'],
    // no 责任单位 at all
    [4, '增强科学教育基础', '区教育局、区科协', ''],
    // a 〔 closed by ）
    [11, '开展智慧助老服务', '区民政局、区卫健局、区文体旅局、区科协', '区委社治委、区教育局、区经信局、区新经济和科技局、区公安分局、各街道'],
    // 、 instead of , before 责任单位
    [14, '落实科学素质要求', '区委组织部', '区全民科学素质纲要实施工作办公室其他成员单位、各街道'],
    // the plan's other spelling of the same unit
    [16, '构建科普场馆体系', '区新经济与科技局、区科协', expect.stringContaining('区发改局')],
  ])('task %i: %s', (id, title, leads, partners) => {
    const t = tasks.find((x) => x.id === id)!;
    expect(t).toMatchObject({ title, leads, partners });
    expect(t.content).not.toMatch(/[〔〕]/);
  });

  it.each([
    ['每年开展活动不少于50场', '每年'],
    ['每年组织不少于2个工种的竞赛,到2025年新培育工匠人才超过200名', '2025年底'],
    ['建立现代课程教学示范校5所', '2025年'],
  ])('deadline of 「%s」 → %s', (content, want) => {
    expect(deadlineOf(content)).toBe(want);
  });
});
