// The chart images: one layout drawn as SVG (words and all) and as a PNG
// fallback (bars, grid and figures). The PNG is decoded here and its pixels
// looked at, so a bar drawn in the wrong place or colour fails.
import { describe, expect, it } from 'vitest';
import { unzlibSync } from 'fflate';
import { chartPng, chartSvg, layoutChart, niceScale } from '../../shared/report';
import type { ChartSpec } from '../../shared/report';

const spec: ChartSpec = {
  categories: ['青少年', '领导干部和公务员', 'A&B<C>'],
  series: [
    { name: '绿灯', color: '#2E9E44', values: [10, 0, 4] },
    { name: '红灯', color: '#D7301F', values: [5, 3, 0] },
  ],
  unit: '项',
};

/** PNG bytes → width, height and RGBA pixels (filter 0 lines, as encodePng writes). */
function decode(png: Uint8Array): { width: number; height: number; at: (x: number, y: number) => [number, number, number] } {
  const v = new DataView(png.buffer, png.byteOffset);
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const width = v.getUint32(16);
  const height = v.getUint32(20);
  let o = 8;
  const idat: Uint8Array[] = [];
  while (o < png.length) {
    const len = v.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    if (type === 'IDAT') idat.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = unzlibSync(idat[0]!);
  const at = (x: number, y: number): [number, number, number] => {
    const p = y * (width * 4 + 1) + 1 + x * 4;
    return [raw[p]!, raw[p + 1]!, raw[p + 2]!];
  };
  return { width, height, at };
}

describe('niceScale', () => {
  it.each([
    [0, 1, 1],
    [1, 1, 1],
    [3, 3, 1],
    [7, 8, 2],
    [15, 15, 5],
    [16, 20, 5],
    [42, 60, 20],
    [100, 100, 50],
    [568, 600, 200],
  ])('max %i → axis to %i by %i', (max, top, step) => {
    expect(niceScale(max)).toEqual({ max: top, step });
  });
});

describe('layoutChart', () => {
  it('makes each bar as long as its value, stacked in series order', () => {
    const l = layoutChart(spec);
    const bars = l.boxes.filter((b) => b.h === 15);
    const green = bars.filter((b) => b.color === '#2E9E44');
    const red = bars.filter((b) => b.color === '#D7301F');
    expect(green[1]!.w / green[0]!.w).toBeCloseTo(0.4);
    expect(red[0]!.w / green[0]!.w).toBeCloseTo(0.5);
    expect(red[0]!.x).toBeCloseTo(green[0]!.x + green[0]!.w);
    // a zero value draws nothing: 领导干部和公务员 has only its red segment
    expect(bars).toHaveLength(4);
    expect(l.texts.filter((t) => !t.words && t.anchor === 'start').map((t) => t.text)).toEqual(['15', '3', '4']);
  });

  it('keeps long labels inside the label column, cut with …', () => {
    const l = layoutChart({ ...spec, categories: ['一个名字非常非常非常非常非常非常长的牵头单位（含括注说明文字）', '短'] });
    const label = l.texts.find((t) => t.words && t.text.startsWith('一个'))!;
    expect(label.text.endsWith('…')).toBe(true);
    expect(label.text.length).toBeLessThan(30);
  });
});

describe('chartSvg', () => {
  it('writes every label and legend, XML-escaped', () => {
    const svg = chartSvg(spec);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const w of ['青少年', '领导干部和公务员', 'A&amp;B&lt;C&gt;', '绿灯', '红灯']) expect(svg).toContain(`>${w}</text>`);
    expect(svg).not.toContain('A&B');
  });
});

describe('chartPng', () => {
  it('draws the bars in their colours where the layout puts them', () => {
    const { png, width, height } = chartPng(spec, 2);
    const img = decode(png);
    expect([img.width, img.height]).toEqual([width * 2, height * 2]);
    const l = layoutChart(spec);
    for (const b of l.boxes.filter((x) => x.h === 15)) {
      const n = parseInt(b.color.slice(1), 16);
      // the left edge of the bar, clear of the figure drawn in its middle
      expect(img.at(Math.round((b.x + 2) * 2), Math.round((b.y + 2) * 2))).toEqual([(n >> 16) & 255, (n >> 8) & 255, n & 255]);
    }
    expect(img.at(1, 1)).toEqual([255, 255, 255]);
  });
});
