// Chart → PNG: serialise the recharts SVGs of a card (side by side), draw them
// on a canvas at 2× (crisp on a projector) on white, with the title and the
// legend (recharts renders the legend as HTML, outside the SVG). Everything
// stays in the page (blob: URLs), as the CSP requires.
export interface LegendEntry {
  label: string;
  color: string;
}

async function svgImage(svg: SVGSVGElement): Promise<{ img: HTMLImageElement; w: number; h: number }> {
  const box = svg.getBoundingClientRect();
  const w = Math.ceil(box.width) || Number(svg.getAttribute('width')) || 600;
  const h = Math.ceil(box.height) || Number(svg.getAttribute('height')) || 300;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  clone.setAttribute('style', `font-family:${getComputedStyle(svg).fontFamily};font-size:12px`);
  return { img: await svgTextImage(new XMLSerializer().serializeToString(clone)), w, h };
}

/** An SVG document's text as a decoded image, through a blob: URL (the CSP allows no other). */
export async function svgTextImage(xml: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    return await new Promise<HTMLImageElement>((resolve, reject) => {
      const i = new Image();
      i.onload = () => resolve(i);
      i.onerror = () => reject(new Error('无法绘制图表'));
      i.src = url;
    });
  } finally {
    // The decoded image stays usable after the URL is revoked.
    URL.revokeObjectURL(url);
  }
}

export async function chartsToPng(svgs: SVGSVGElement[], title: string, legend: LegendEntry[]): Promise<Blob | null> {
  if (!svgs.length) return null;
  const parts = await Promise.all(svgs.map(svgImage));
  const font = getComputedStyle(svgs[0]!).fontFamily;
  const gap = 16;
  const head = legend.length ? 60 : 36;
  const width = parts.reduce((n, p) => n + p.w, 0) + gap * (parts.length - 1);
  const height = Math.max(...parts.map((p) => p.h)) + head;
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1b1b1b';
  ctx.font = `600 15px ${font}`;
  ctx.fillText(title, 8, 22);
  ctx.font = `12px ${font}`;
  let x = 8;
  for (const e of legend) {
    ctx.fillStyle = e.color;
    ctx.fillRect(x, 38, 12, 12);
    ctx.fillStyle = '#1b1b1b';
    ctx.fillText(e.label, x + 16, 49);
    x += 16 + ctx.measureText(e.label).width + 14;
  }
  let left = 0;
  for (const p of parts) {
    ctx.drawImage(p.img, left, head, p.w, p.h);
    left += p.w + gap;
  }
  return new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/** The legend entries a card shows (label + swatch colour), once each. */
export function legendOf(root: Element): LegendEntry[] {
  const out: LegendEntry[] = [];
  for (const item of root.querySelectorAll('.recharts-legend-item')) {
    const label = item.textContent?.trim() ?? '';
    const mark = item.querySelector('path, line, rect');
    const color = mark?.getAttribute('fill') && mark.getAttribute('fill') !== 'none' ? mark.getAttribute('fill')! : mark?.getAttribute('stroke') ?? '#000';
    if (label && !out.some((e) => e.label === label)) out.push({ label, color });
  }
  return out;
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A failed export, said in Chinese with what to do. */
export function exportFailed(what: string, why: unknown): string {
  const reason = why instanceof Error ? why.message : String(why);
  return `导出${what}失败（${reason}），请重试；若仍失败，请刷新页面后再导出`;
}
