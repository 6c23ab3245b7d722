// A ReportDocument laid out as a Word file with the `docx` package (the
// maintained .docx writer for JavaScript; it runs in Node and in the page, so
// the CLI and the dashboard write the same file). Set as 公文 are set
// (GB/T 9704-2012): A4, margins 37/35/28/26 mm, the title in 方正小标宋简体 二号,
// the text in 仿宋_GB2312 三号 at a fixed 28 pt line, headings 黑体 (一、) and
// 楷体_GB2312 (（一）), the page number 「— 1 —」 in 宋体 四号, odd pages right,
// even pages left. Tables are 仿宋 五号 with the header row repeated on every
// page. Fonts a machine lacks are substituted: the font table (fonts.ts)
// describes each font so Word and WPS pick a like Chinese face.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { IRunOptions } from 'docx';
import { chartPng, chartSvg } from './chart';
import { FONTS, fontTableXml } from './fonts';
import type { Block, Cell, CellSpec, ChartSpec, ReportDocument, TableBlock } from './types';

const MM = 56.7; // twips per millimetre
const PAGE = { width: 11906, height: 16838 }; // A4 in twips (210 × 297 mm)
const MARGIN = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
/** The width of the text, in twips: tables are laid out to it. */
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
// Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt.
const SIZE = { title: 44, body: 32, page: 28, caption: 24, table: 21 };
const BODY_LINE = 560; // 28 pt, exact
const INDENT = 2 * SIZE.body * 10; // two characters of the body text, in twips

/** A raster of a chart for readers without SVG; the dashboard may draw one with the page's canvas, fonts and all. */
export type ChartRaster = (spec: ChartSpec, svg: string) => Promise<{ png: Uint8Array; width: number; height: number }>;

export interface WordOptions {
  /** Draws each chart's PNG fallback; default chartPng (bars and figures, no words). */
  raster?: ChartRaster;
  /** docProps/core.xml's creator. */
  creator?: string;
}

const font = (name: keyof typeof FONTS) => ({ eastAsia: FONTS[name].name, ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' as const });

const run = (text: string, o: Partial<IRunOptions> = {}) => new TextRun({ text, ...o });

export async function toDocx(doc: ReportDocument, opts: WordOptions = {}): Promise<Uint8Array> {
  const raster: ChartRaster = opts.raster ?? (async (spec) => chartPng(spec));
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 0, line: 700, lineRule: LineRuleType.EXACT },
      children: [run(doc.title)],
    }),
    ...doc.subtitle.map(
      (s) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
          children: [run(s, { font: font('kai') })],
        }),
    ),
    new Paragraph({ children: [] }),
  ];
  for (const b of doc.blocks) children.push(...(await block(b, raster)));
  if (doc.signature.length) {
    children.push(new Paragraph({ children: [] }));
    for (const s of doc.signature)
      children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: INDENT }, spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT }, children: [run(s)] }));
  }
  const pageNumber = (align: 'left' | 'right') =>
    new Footer({
      children: [
        new Paragraph({
          alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          // 单页码居右空一字，双页码居左空一字 (GB/T 9704-2012 §7.5)
          indent: align === 'right' ? { right: SIZE.page * 10 } : { left: SIZE.page * 10 },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.page, font: font('song') })],
        }),
      ],
    });
  const document = new Document({
    creator: opts.creator ?? '科素台账',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font('fangsong'), size: SIZE.body }, paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT } } },
        title: { run: { font: font('title'), size: SIZE.title, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER } },
        heading1: { run: { font: font('hei'), size: SIZE.body, bold: false, color: '000000' }, paragraph: { indent: { firstLine: INDENT }, keepNext: true, spacing: { before: 0, after: 0, line: BODY_LINE, lineRule: LineRuleType.EXACT } } },
        heading2: { run: { font: font('kai'), size: SIZE.body, bold: false, italics: false, color: '000000' }, paragraph: { indent: { firstLine: INDENT }, keepNext: true, spacing: { before: 0, after: 0, line: BODY_LINE, lineRule: LineRuleType.EXACT } } },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, footer: Math.round(28 * MM - 20 * MM), header: Math.round(15 * MM) } } },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
  // ECMA-376 Part 1 §17.8.3: the font table names each font's alternate, character set, family, pitch and PANOSE class
  const packed = await Packer.pack(document, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return packed;
}

async function block(b: Block, raster: ChartRaster): Promise<(Paragraph | Table)[]> {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [run(b.text)] })];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: b.align === 'center' ? AlignmentType.CENTER : b.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
          indent: b.indent ? { firstLine: INDENT } : undefined,
          children: [run(b.text, { bold: b.bold })],
        }),
      ];
    case 'table':
      return [table(b), new Paragraph({ spacing: { line: 240 }, children: [] })];
    case 'chart':
      return chart(b.chart, b.caption, raster);
    case 'form':
      return [form(b.rows)];
  }
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function widths(weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
  out[out.length - 1]! += TEXT_WIDTH - out.reduce((a, b) => a + b, 0);
  return out;
}

const spec = (c: Cell): CellSpec => (typeof c === 'string' ? { text: c } : c);

function cell(c: Cell, width: number, align: 'left' | 'center' | 'right' | undefined, o: { header?: boolean; bold?: boolean } = {}): TableCell {
  const s = spec(c);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
    shading: s.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: s.fill.replace('#', '') } : o.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
    children: s.text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: o.header || align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { line: 300, lineRule: LineRuleType.AT_LEAST },
          children: [
            run(line, {
              size: SIZE.table,
              bold: o.bold || s.bold,
              font: o.header ? font('hei') : undefined,
              color: s.color?.replace('#', ''),
            }),
          ],
        }),
    ),
  });
}

function table(t: TableBlock): Table {
  const w = widths(t.columns.map((c) => c.width));
  const row = (cells: Cell[], o: { header?: boolean; bold?: boolean } = {}) =>
    new TableRow({ tableHeader: o.header, cantSplit: true, children: cells.map((c, i) => cell(c, w[i]!, t.columns[i]?.align, o)) });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      row(
        t.columns.map((c) => c.title),
        { header: true },
      ),
      ...t.rows.map((r) => row(r)),
      ...(t.total ? [row(t.total, { bold: true })] : []),
    ],
  });
}

function form(rows: { label: string; value: string[] }[]): Table {
  const w = widths([1, 3.6]);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: w[0]!, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(r.label, { font: font('hei') })] })],
            }),
            new TableCell({
              width: { size: w[1]!, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              margins: { left: 120, right: 120, top: 60, bottom: 60 },
              children: (r.value.length ? r.value : ['']).map((v) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [run(v)] })),
            }),
          ],
        }),
    ),
  });
}

async function chart(c: ChartSpec, caption: string, raster: ChartRaster): Promise<Paragraph[]> {
  const svg = chartSvg(c);
  const fallback = await raster(c, svg);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { line: 240, lineRule: LineRuleType.AUTO },
      children: [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(svg),
          fallback: { type: 'png', data: fallback.png },
          transformation: { width: fallback.width, height: fallback.height },
          altText: { name: caption, title: caption, description: caption },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(caption, { size: SIZE.caption })] }),
  ];
}
