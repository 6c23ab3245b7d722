// Draws the add-in's icons (16, 32, 64, 80 px PNG) with code, so they can be
// regenerated and reviewed: a green sheet with ledger lines and a check mark.
//   npx tsx assets/make-icons.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from '../shared/report/png';

const here = path.dirname(fileURLToPath(import.meta.url));

const GREEN = [33, 115, 70, 255];
const WHITE = [255, 255, 255, 255];
const LIGHT = [198, 224, 180, 255];

export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const set = (x: number, y: number, c: number[]) => {
    if (x < 0 || y < 0 || x >= size || y >= size) return;
    px.set(c, (y * size + x) * 4);
  };
  const u = size / 16; // one unit of the 16-px design
  const r = Math.max(1, Math.round(2 * u)); // corner radius
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const cx = x < r ? r - x : x >= size - r ? x - (size - r - 1) : 0;
      const cy = y < r ? r - y : y >= size - r ? y - (size - r - 1) : 0;
      if (cx * cx + cy * cy <= r * r) set(x, y, GREEN);
    }
  // Ledger lines.
  for (const row of [4, 7, 10]) {
    const y0 = Math.round(row * u);
    for (let y = y0; y < y0 + Math.max(1, Math.round(u)); y++) for (let x = Math.round(3 * u); x < Math.round(9 * u); x++) set(x, y, row === 4 ? WHITE : LIGHT);
  }
  // Check mark, thick enough to read at 16 px.
  const t = Math.max(1, Math.round(1.2 * u));
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    const steps = Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) * u * 2);
    for (let i = 0; i <= steps; i++) {
      const x = (x0 + ((x1 - x0) * i) / steps) * u;
      const y = (y0 + ((y1 - y0) * i) / steps) * u;
      for (let dy = 0; dy < t; dy++) for (let dx = 0; dx < t; dx++) set(Math.round(x) + dx, Math.round(y) + dy, WHITE);
    }
  };
  line(8.5, 10, 10.5, 12);
  line(10.5, 12, 13.5, 6);
  return encodePng(size, size, px);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const size of [16, 32, 64, 80]) writeFileSync(path.join(here, `icon-${size}.png`), drawIcon(size));
  console.log('assets/icon-{16,32,64,80}.png');
}
