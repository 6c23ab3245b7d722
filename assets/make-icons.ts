// Draws the add-in's icons (16, 32, 64, 80 px PNG) with code, so they can be
// regenerated and reviewed: a green sheet with ledger lines and a check mark.
//   npx tsx assets/make-icons.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zlibSync } from 'fflate';

const here = path.dirname(fileURLToPath(import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_x, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** RGBA pixels → PNG bytes (colour type 6, no filtering). */
export function encodePng(size: number, rgba: Uint8Array): Uint8Array {
  const raw = new Uint8Array(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, size);
  v.setUint32(4, size);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
}

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
  return encodePng(size, px);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const size of [16, 32, 64, 80]) writeFileSync(path.join(here, `icon-${size}.png`), drawIcon(size));
  console.log('assets/icon-{16,32,64,80}.png');
}
