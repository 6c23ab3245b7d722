// Chart → PNG: serialise the recharts SVG, draw it on a canvas at 2× (crisp on
// a projector), white background, title on top. Everything stays in the page
// (blob: URLs), as the CSP requires.
export async function svgToPng(svg: SVGSVGElement, title: string): Promise<Blob | null> {
  const box = svg.getBoundingClientRect();
  const w = Math.ceil(box.width) || Number(svg.getAttribute('width')) || 600;
  const h = Math.ceil(box.height) || Number(svg.getAttribute('height')) || 300;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  clone.setAttribute('style', `font-family:${getComputedStyle(svg).fontFamily};font-size:12px`);
  const xml = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const i = new Image();
      i.onload = () => resolve(i);
      i.onerror = () => reject(new Error('无法绘制图表'));
      i.src = url;
    });
    const scale = 2;
    const pad = 36;
    const canvas = document.createElement('canvas');
    canvas.width = w * scale;
    canvas.height = (h + pad) * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h + pad);
    ctx.fillStyle = '#1b1b1b';
    ctx.font = `600 15px ${getComputedStyle(svg).fontFamily}`;
    ctx.fillText(title, 8, 22);
    ctx.drawImage(img, 0, pad, w, h);
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
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
