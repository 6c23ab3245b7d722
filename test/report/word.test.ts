// A ReportDocument written as Word and read back: mammoth for the text and
// the tables (header rows marked to repeat come back as <thead>), the parts
// themselves for what mammoth does not show (A4, fonts, page numbers, the
// SVG chart beside its PNG fallback).
import { describe, expect, it, beforeAll } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { toDocx } from '../../shared/report';
import type { ReportDocument } from '../../shared/report';

const doc: ReportDocument = {
  title: '某区全民科学素质行动工作进展通报',
  subtitle: ['（2023年上半年）', '数据截至2023年6月30日'],
  blocks: [
    { kind: 'paragraph', text: '现将推进情况通报如下。', indent: true },
    { kind: 'heading', level: 1, text: '一、总体情况' },
    {
      kind: 'table',
      columns: [
        { title: '完成状态', width: 3 },
        { title: '任务数', width: 1, align: 'center' },
      ],
      rows: [
        ['已完成', '3'],
        [{ text: '红灯', fill: '#FFC7CE', color: '#9C0006' }, '2'],
      ],
      total: ['合计', '5'],
    },
    { kind: 'chart', caption: '图1　按人群', chart: { categories: ['青少年', '农民'], series: [{ name: '绿灯', color: '#2E9E44', values: [3, 1] }], unit: '项' } },
    { kind: 'heading', level: 2, text: '（一）区教育局（2项）' },
    { kind: 'form', rows: [{ label: '督办要求', value: ['1. 第一条', '2. 第二条'] }] },
  ],
  signature: ['某区科协', '2023年7月5日'],
};

let parts: Record<string, string>;
let media: string[];
let svg: string;
let html: string;
let text: string;

beforeAll(async () => {
  const bytes = await toDocx(doc);
  const z = unzipSync(bytes);
  media = Object.keys(z).filter((k) => k.startsWith('word/media/'));
  svg = strFromU8(z[media.find((m) => m.endsWith('.svg'))!]!);
  parts = Object.fromEntries(Object.entries(z).filter(([k]) => k.endsWith('.xml')).map(([k, v]) => [k, strFromU8(v)]));
  html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
});

describe('toDocx', () => {
  it('writes the title, the lines under it, the text and the signature in order', () => {
    const order = ['某区全民科学素质行动工作进展通报', '（2023年上半年）', '数据截至2023年6月30日', '现将推进情况通报如下。', '一、总体情况', '图1　按人群', '（一）区教育局（2项）', '某区科协', '2023年7月5日'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('marks headings as Word headings (the navigation pane lists them)', () => {
    expect(html).toContain('<h1>一、总体情况</h1>');
    expect(html).toContain('<h2>（一）区教育局（2项）</h2>');
  });

  it('repeats each table header row on every page and sets the total in bold', () => {
    expect(html).toContain('<thead><tr><th><p>完成状态</p></th><th><p>任务数</p></th></tr></thead>');
    expect(html).toContain('<td><p><strong>合计</strong></p></td><td><p><strong>5</strong></p></td>');
    expect(parts['word/document.xml']).toContain('<w:tblHeader/>');
    // a light's cell keeps its colours
    expect(parts['word/document.xml']).toMatch(/w:fill="FFC7CE"/);
    expect(parts['word/document.xml']).toMatch(/<w:color w:val="9C0006"\/>/);
  });

  it('lays out an A4 page with 公文 margins and page numbers right on odd pages, left on even', () => {
    expect(parts['word/document.xml']).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(parts['word/document.xml']).toMatch(/w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1985"[^>]*w:left="1588"/);
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.entries(parts).filter(([k]) => /^word\/footer\d\.xml$/.test(k)).map(([, v]) => v);
    expect(footers).toHaveLength(2);
    for (const f of footers) expect(f).toMatch(/PAGE/);
    expect(footers.map((f) => /<w:jc w:val="(right|left)"\/>/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
  });

  it('sets the text in 仿宋_GB2312, the title in 方正小标宋简体, headings in 黑体 and 楷体_GB2312', () => {
    const styles = parts['word/styles.xml']!;
    expect(styles).toMatch(/<w:docDefaults>.*w:eastAsia="仿宋_GB2312"/s);
    for (const [id, face] of [['Title', '方正小标宋简体'], ['Heading1', '黑体'], ['Heading2', '楷体_GB2312']])
      expect(styles).toMatch(new RegExp(`w:styleId="${id}".*?w:eastAsia="${face}"`, 's'));
  });

  it('describes each Chinese font in the font table with the face to use where it is missing', () => {
    const table = parts['word/fontTable.xml']!;
    for (const [name, alt] of [['仿宋_GB2312', '仿宋'], ['楷体_GB2312', '楷体'], ['方正小标宋简体', '宋体'], ['黑体', 'SimHei']])
      expect(table).toMatch(new RegExp(`<w:font w:name="${name}"><w:altName w:val="${alt}"/>.*?<w:charset w:val="86"/>`));
  });

  it('embeds each chart as SVG with a PNG fallback, the caption under it', () => {
    expect(media.map((m) => m.replace(/\d+/, 'N')).sort()).toEqual(['word/media/imageN.png', 'word/media/imageN.svg']);
    expect(parts['word/document.xml']).toMatch(/<asvg:svgBlip /);
    expect(svg).toContain('>青少年</text>');
    expect(html).toMatch(/<img alt="图1　按人群" src="data:image\/png;base64,/);
  });

  it('writes the notice form as a label column beside its lines', () => {
    expect(html).toContain('<tr><td><p>督办要求</p></td><td><p>1. 第一条</p><p>2. 第二条</p></td></tr>');
  });
});
