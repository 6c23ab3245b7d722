// Documents that are empty, not a plan, or broken give a clear message, not a crash.
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { importPlan, readPlanFile } from '../../shared/plan';
import { planReader } from '../../shared/io';

const PROSE =
  '春天来了，公园里的花都开了。孩子们在草地上放风筝，老人们在树下下棋。傍晚时分，湖面上泛起金色的光，游人三三两两地散去。这是一个平常的周末，城市安静而温和。';

describe('importPlan on text that is not a plan', () => {
  it.each([
    { name: 'empty', text: '', code: 'plan.empty' },
    { name: 'blank lines', text: '\n \n\u3000\n', code: 'plan.empty' },
    { name: 'only page furniture', text: '当前位置:首页\n第1页/共1页\n扫一扫在手机打开当前页', code: 'plan.empty' },
    { name: 'random prose', text: PROSE.repeat(5), code: 'plan.not-plan' },
    { name: 'a table of numbers', text: '1\t2\t3\n4\t5\t6', code: 'plan.not-plan' },
  ])('$name → $code with a message naming the file', ({ text, code }) => {
    const r = importPlan(text, '来文.txt');
    expect('problem' in r).toBe(true);
    if (!('problem' in r)) return;
    expect(r.problem.code).toBe(code);
    expect(r.problem.message).toContain('「来文.txt」');
  });

  it('a plan with numbered items but no owners still imports, with findings for the missing leads', () => {
    const r = importPlan('某县全民科学素质行动实施方案（2021—2025年）\n一、重点任务\n（一）实施青少年科学素质提升行动\n1．开展科技活动。每年开展活动10场。', 'x.txt');
    if ('problem' in r) throw new Error(r.problem.message);
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0]!.leads).toEqual([]);
    expect(r.findings.find((f) => f.code === 'plan.no-lead')?.message).toContain('没有找到牵头单位');
  });
});

describe('readPlanFile', () => {
  it.each([
    { name: 'UTF-8', bytes: strToU8('一、总体要求'), text: '一、总体要求' },
    { name: 'UTF-8 with BOM', bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...strToU8('一、总体要求')]), text: '一、总体要求' },
    // 一、 in GB18030: d2bb a1a2
    { name: 'GB18030', bytes: Uint8Array.from([0xd2, 0xbb, 0xa1, 0xa2]), text: '一、' },
  ])('decodes $name text', async ({ bytes, text }) => {
    const r = await readPlanFile(bytes, 'plan.txt', planReader);
    expect(r.ok && r.text).toBe(text);
  });

  it.each([
    { name: 'empty file', bytes: new Uint8Array(0), file: 'a.txt' },
    { name: 'PDF', bytes: strToU8('%PDF-1.7 ...'), file: 'a.pdf' },
    { name: 'binary', bytes: Uint8Array.from([0, 1, 2, 3, 0, 0, 255, 254, 7]), file: 'a.bin' },
    { name: 'bad zip named .docx', bytes: strToU8('PK\u0003\u0004 broken'), file: 'a.docx' },
    { name: 'text named .docx', bytes: strToU8('一、总体要求'), file: 'a.docx' },
  ])('$name → a zh-CN message naming the file', async ({ bytes, file }) => {
    const r = await readPlanFile(bytes, file, planReader);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.message).toContain(`「${file}」`);
  });
});
