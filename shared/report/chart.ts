// Bar charts for the documents, drawn without a browser: the CLI has no
// canvas and no fonts it may rely on. One layout (bars, ticks, labels as
// boxes and strings) is drawn twice:
//  - as SVG, whose text Word sets in the reader's own Chinese fonts (Word 2016
//    and later, WPS, LibreOffice show the SVG);
//  - as a PNG fallback for readers that cannot show SVG (ECMA-376 keeps the
//    PNG as the picture's blip and the SVG in the asvg:svgBlip extension). No
//    font can be assumed for a raster, so it holds the bars, the grid and the
//    figures (a built-in digit font) but not the Chinese labels; the table
//    under every chart gives the same rows in the same order.
// The dashboard may hand word.ts a raster drawn by the page's canvas instead.
import { encodePng } from './png';
import type { ChartSpec } from './types';

/** Width of a chart in CSS pixels (96 per inch): the text width of an A4 公文 page, 156 mm, is 590. */
export const CHART_WIDTH = 580;
const FONT = 12;
const ROW = 24;
const BAR = 15;
const LEGEND = 26;
const AXIS = 22;
const PAD = 8;
const LABEL_MAX = 210;
const FONT_FAMILY = "'Microsoft YaHei', 微软雅黑, SimHei, 黑体, 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";
const INK = '#333333';
const GRID = '#D9D9D9';

export interface ChartBox {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

export interface ChartText {
  x: number;
  /** The middle of the text's line. */
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
  color: string;
  /** Chinese words, which the raster cannot draw; figures can. */
  words: boolean;
}

export interface ChartLayout {
  width: number;
  height: number;
  boxes: ChartBox[];
  texts: ChartText[];
}

/** Width of text at the chart's font size: CJK and full-width characters a full em, others about half. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? FONT : FONT * 0.55;
  return w;
}

/** The text cut to a width, with … where it was cut. */
function clipped(s: string, width: number): string {
  if (textWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(out + ch + '…') > width) break;
    out += ch;
  }
  return out + '…';
}

/** A round maximum for the value axis (1, 2 or 5 × a power of ten per step), and its step. */
export function niceScale(max: number): { max: number; step: number } {
  if (max <= 0) return { max: 1, step: 1 };
  const rough = max / 4;
  const p = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= rough)!;
  const whole = Math.max(1, Math.round(step));
  const s = step < 1 ? 1 : whole;
  return { max: Math.ceil(max / s) * s, step: s };
}

export function layoutChart(spec: ChartSpec): ChartLayout {
  const { categories, series } = spec;
  const boxes: ChartBox[] = [];
  const texts: ChartText[] = [];
  const legend = series.length > 1 ? LEGEND : 0;
  const labelW = Math.min(LABEL_MAX, Math.max(40, ...categories.map(textWidth)));
  const x0 = PAD + labelW + PAD;
  const x1 = CHART_WIDTH - PAD - 36;
  const totals = categories.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const scale = niceScale(Math.max(0, ...totals));
  const px = (v: number) => ((x1 - x0) * v) / scale.max;
  const top = PAD + legend;
  const bottom = top + categories.length * ROW;
  const height = bottom + AXIS;

  if (legend) {
    let x = x0;
    for (const s of series) {
      boxes.push({ x, y: PAD + 5, w: 12, h: 12, color: s.color });
      texts.push({ x: x + 16, y: PAD + 11, text: s.name, anchor: 'start', color: INK, words: true });
      x += 16 + textWidth(s.name) + 18;
    }
  }
  for (let t = 0; t <= scale.max; t += scale.step) {
    const x = x0 + px(t);
    boxes.push({ x: Math.round(x), y: top, w: 1, h: bottom - top, color: t === 0 ? INK : GRID });
    texts.push({ x, y: bottom + AXIS / 2, text: String(t), anchor: 'middle', color: INK, words: false });
  }
  categories.forEach((name, i) => {
    const y = top + i * ROW + (ROW - BAR) / 2;
    const mid = top + i * ROW + ROW / 2;
    texts.push({ x: x0 - PAD, y: mid, text: clipped(name, labelW), anchor: 'end', color: INK, words: true });
    let x = x0;
    for (const s of series) {
      const v = s.values[i] ?? 0;
      if (v <= 0) continue;
      const w = px(v);
      const color = spec.categoryColors?.[i] ?? s.color;
      boxes.push({ x, y, w, h: BAR, color });
      // a stacked segment shows its own figure when there is room for it
      if (series.length > 1 && w >= textWidth(String(v)) + 6) texts.push({ x: x + w / 2, y: mid, text: String(v), anchor: 'middle', color: ink(color), words: false });
      x += w;
    }
    texts.push({ x: x + 4, y: mid, text: String(totals[i]), anchor: 'start', color: INK, words: false });
  });
  return { width: CHART_WIDTH, height, boxes, texts };
}

/** Black or white, whichever reads on the colour (by its luminance). */
function ink(hex: string): string {
  const [r, g, b] = rgb(hex);
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#000000' : '#FFFFFF';
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const escapeXml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const num = (n: number): string => String(Math.round(n * 10) / 10);

/** The chart as an SVG document (UTF-8 text). */
export function chartSvg(spec: ChartSpec): string {
  const l = layoutChart(spec);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}" font-family="${escapeXml(FONT_FAMILY)}" font-size="${FONT}">`,
    `<rect width="${l.width}" height="${l.height}" fill="#FFFFFF"/>`,
  ];
  for (const b of l.boxes) out.push(`<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" fill="${b.color}"/>`);
  for (const t of l.texts)
    out.push(`<text x="${num(t.x)}" y="${num(t.y)}" dy="0.35em" text-anchor="${t.anchor}" fill="${t.color}">${escapeXml(t.text)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}

// A 3 × 5 digit font, drawn at SCALE: the raster's only text.
const DIGITS: Record<string, string> = {
  '0': '111101101101111',
  '1': '010110010010111',
  '2': '111001111100111',
  '3': '111001111001111',
  '4': '101101111001001',
  '5': '111100111001111',
  '6': '111100111101111',
  '7': '111001001001001',
  '8': '111101111101111',
  '9': '111101111001111',
};

/** The chart as a PNG drawn at `density` pixels per CSS pixel: bars, grid and figures, no words. */
export function chartPng(spec: ChartSpec, density = 2): { png: Uint8Array; width: number; height: number } {
  const l = layoutChart(spec);
  const W = Math.round(l.width * density);
  const H = Math.round(l.height * density);
  const px = new Uint8Array(W * H * 4).fill(255);
  const fill = (x: number, y: number, w: number, h: number, color: string) => {
    const [r, g, b] = rgb(color);
    const xa = Math.max(0, Math.round(x * density));
    const xb = Math.min(W, Math.max(xa + 1, Math.round((x + w) * density)));
    const ya = Math.max(0, Math.round(y * density));
    const yb = Math.min(H, Math.max(ya + 1, Math.round((y + h) * density)));
    for (let yy = ya; yy < yb; yy++)
      for (let xx = xa; xx < xb; xx++) {
        const o = (yy * W + xx) * 4;
        px[o] = r;
        px[o + 1] = g;
        px[o + 2] = b;
        px[o + 3] = 255;
      }
  };
  for (const b of l.boxes) fill(b.x, b.y, b.w, b.h, b.color);
  // digits 3 × 5 cells of `cell` CSS pixels, one cell apart
  const cell = 1.6;
  for (const t of l.texts) {
    if (t.words || !/^\d+$/.test(t.text)) continue;
    const w = (t.text.length * 4 - 1) * cell;
    let x = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
    const y = t.y - 2.5 * cell;
    for (const d of t.text) {
      const bits = DIGITS[d]!;
      for (let i = 0; i < 15; i++) if (bits[i] === '1') fill(x + (i % 3) * cell, y + Math.floor(i / 3) * cell, cell, cell, t.color);
      x += 4 * cell;
    }
  }
  return { png: encodePng(W, H, px), width: l.width, height: l.height };
}
