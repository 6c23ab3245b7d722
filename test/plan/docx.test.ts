// .docx import: a Word document built here from seed text (the annex as a real
// table with a merged 类别 column) gives the same tasks as the text; broken or
// foreign files give a clear message naming the file.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../shared/io/docx';
import { importPlan, readPlanFile, type PlanImport } from '../../shared/plan';
import { buildDocx, seedBlocks } from './docx';
import { imported, seedText, type SeedId } from './seeds';
import { planReader } from '../../shared/io';

const summary = (imp: PlanImport) =>
  imp.tasks.map((t) => ({
    id: t.id,
    category: t.category,
    title: t.title,
    content: t.content,
    leads: t.leads.map((m) => m.input),
    partners: t.partners.map((m) => m.input),
    targets: t.targets.map((x) => [x.value, x.unit, x.year]),
    population: t.population?.canonical ?? null,
    project: t.project?.canonical ?? null,
  }));

describe('readDocx', () => {
  it('reads paragraphs as lines and a table as tab-joined rows, merged cells left empty', async () => {
    const bytes = buildDocx([
      { p: '一、重点任务' },
      { table: [['类别', '任务内容', '牵头部门', '责任部门'], ['提升行动', '1．实施青少年科学素质提升行动', '区教委', '区科协'], ['', '2．实施农民科学素质提升行动', '区农业农村委', '区科协']], mergeDown: [0] },
      { p: '二、保障\t措施' },
    ]);
    const r = await readDocx(bytes, '方案.docx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const lines = r.text.split('\n').filter(Boolean);
    expect(lines[0]).toBe('一、重点任务');
    expect(lines[1]).toBe('类别\t任务内容\t牵头部门\t责任部门');
    expect(lines[2]).toBe('提升行动\t1．实施青少年科学素质提升行动\t区教委\t区科协');
    expect(lines[3]).toBe('\t2．实施农民科学素质提升行动\t区农业农村委\t区科协');
    expect(lines[4]).toBe('二、保障 措施');
  });

  it('gives Word automatic numbering its marker back (一、 > （一） > 1.)', async () => {
    const bytes = buildDocx([
      { p: '某区全民科学素质行动实施方案（2021—2025年）' },
      { p: '提升行动', list: 0 },
      { p: '实施青少年科学素质提升行动', list: 1 },
      { p: '开展科技活动。每年开展活动不少于20场。〔牵头单位:区教育局,责任单位:区科协〕', list: 2 },
      { p: '培养科学精神。到2025年建设特色学校5所。〔牵头单位:区教育局〕', list: 2 },
      { p: '实施老年人科学素质提升行动', list: 1 },
      { p: '开展智慧助老服务。〔牵头单位:区民政局〕', list: 2 },
      { p: '重点工程', list: 0 },
      { p: '3.已有编号的条目不再加编号。', list: 2 },
    ]);
    const r = await readDocx(bytes, 'auto.docx');
    if (!r.ok) throw new Error(r.problem.message);
    const lines = r.text.split('\n');
    expect(lines.slice(1, 6)).toEqual(['一、提升行动', '（一）实施青少年科学素质提升行动', expect.stringMatching(/^1\.开展科技活动/), expect.stringMatching(/^2\.培养科学精神/), '（二）实施老年人科学素质提升行动']);
    expect(lines[6]).toMatch(/^1\.开展智慧助老服务/);
    expect(lines[7]).toBe('二、重点工程');
    expect(lines[8]).toBe('3.已有编号的条目不再加编号。');
    const imp = importPlan(r.text, 'auto.docx');
    if ('problem' in imp) throw new Error(imp.problem.message);
    expect(imp.tasks.map((t) => t.id).slice(0, 3)).toEqual(['一.（一）.1', '一.（一）.2', '一.（二）.1']);
    expect(imp.tasks[2]!.leads.map((m) => m.input)).toEqual(['区民政局']);
  });

  it.each([
    { name: 'empty', bytes: new Uint8Array(0), code: 'docx-empty-file' },
    { name: 'not a zip', bytes: strToU8('这不是一个 Word 文档，只是改了扩展名的文本。'), code: 'docx-not-zip' },
    { name: 'a zip without word/document.xml', bytes: zipSync({ 'a.txt': strToU8('hello') }), code: 'docx-not-word' },
    { name: 'truncated', bytes: buildDocx([{ p: '一、总体要求' }]).slice(0, 200), code: 'docx-broken' },
    { name: 'an old .doc (CFB)', bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(1024).fill(0)]), code: null },
    {
      name: 'XML with a DOCTYPE',
      bytes: zipSync({ 'word/document.xml': strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>') }),
      code: 'docx-doctype',
    },
    { name: 'a document without text', bytes: buildDocx([]), code: 'docx-no-text' },
  ])('$name gives a clear message naming the file', async ({ bytes, code }) => {
    const r = await readDocx(bytes, '坏文件.docx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    if (code) expect(r.problem.code).toBe(code);
    expect(r.problem.file).toBe('坏文件.docx');
    expect(r.problem.message).toContain('「坏文件.docx」');
    expect(r.problem.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('a .docx built from seed text gives the same tasks as the text', () => {
  it.each(['004', '000', '003'] as SeedId[])('seed %s', async (id) => {
    const bytes = buildDocx(seedBlocks(seedText(id)));
    const read = await readPlanFile(bytes, `seed${id}.docx`, planReader);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const fromDocx = importPlan(read.text, `seed${id}.docx`);
    if ('problem' in fromDocx) throw new Error(fromDocx.problem.message);
    const fromText = imported(id);
    expect(fromDocx.plan).toEqual(fromText.plan);
    expect(summary(fromDocx)).toEqual(summary(fromText));
  });

  it('seed 004: the Word table is a real table (the owners come from it)', async () => {
    const blocks = seedBlocks(seedText('004'));
    const t = blocks.find((b) => 'table' in b);
    expect(t && 'table' in t ? t.table.length : 0).toBe(11);
    const read = await readPlanFile(buildDocx(blocks), 'x.docx', planReader);
    const imp = read.ok ? importPlan(read.text, 'x.docx') : null;
    if (!imp || 'problem' in imp) throw new Error('not read');
    expect(imp.tasks.filter((x) => x.owners.source === 'annex-table')).toHaveLength(39);
  });
});

describe('a plan saved from a web page (.html)', () => {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const page = (id: SeedId) => {
    const parts: string[] = [];
    for (const b of seedBlocks(seedText(id))) {
      if ('p' in b) parts.push(`<p style="text-indent:2em">${esc(b.p)}</p>`);
      else {
        // the 类别 column spans its rows (rowspan), as web editors write it
        const rows = b.table.map((cells, r) => {
          if (r === 0) return `<tr>${cells.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
          const span = cells[0] ? b.table.slice(r + 1).findIndex((x) => x[0]) : 0;
          const first = cells[0] ? `<td rowspan="${span < 0 ? b.table.length - r : span + 1}">${esc(cells[0])}</td>` : '';
          return `<tr>${first}${cells.slice(1).map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
        });
        parts.push(`<table border="1">${rows.join('\n')}</table>`);
      }
    }
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>綦江区</title><script>var a = "<p>1.不是条目</p>";</script><style>p{}</style></head>
<body><div class="nav">当前位置：<a href="/">首页</a> &gt; 政务公开</div>${parts.join('\n')}
<div class="share">分享到：微信 微博</div><div>扫一扫在手机打开当前页</div></body></html>`;
  };

  it.each(['004', '000'] as SeedId[])('seed %s as HTML gives the same tasks as the text', async (id) => {
    const read = await readPlanFile(new TextEncoder().encode(page(id)), `seed${id}.html`, planReader);
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.text).not.toContain('<');
    const imp = importPlan(read.text, `seed${id}.html`);
    if ('problem' in imp) throw new Error(imp.problem.message);
    expect(imp.plan).toEqual(imported(id).plan);
    expect(summary(imp)).toEqual(summary(imported(id)));
  });

  it('pasted Markdown (no file name) is recognised', () => {
    const md = ['# 某区全民科学素质行动实施方案（2021—2025年）', '## 一、提升行动', '### （一）实施老年人科学素质提升行动', '1. **开展智慧助老服务。**〔牵头单位：区民政局〕'].join('\n');
    const imp = importPlan(md);
    if ('problem' in imp) throw new Error(imp.problem.message);
    expect(imp.plan.title).toBe('某区全民科学素质行动实施方案（2021—2025年）');
    expect(imp.tasks[0]).toMatchObject({ id: '一.（一）.1', title: '开展智慧助老服务' });
  });
});
