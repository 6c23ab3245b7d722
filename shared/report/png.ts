// RGBA pixels to a PNG file (ISO/IEC 15948: signature, IHDR, one IDAT, IEND),
// so a chart can be drawn without a canvas: the CLI has none. Colour type 6
// (RGBA, 8 bits), filter 0 on every line; fflate's zlib compresses, the flat
// colours of a chart shrink to a few kilobytes.
import { zlibSync } from 'fflate';
import { crc32 } from '../io/zip';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** width × height RGBA pixels (row by row, 4 bytes each) → PNG bytes. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const line = width * 4;
  const raw = new Uint8Array(height * (line + 1));
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * line, (y + 1) * line), y * (line + 1) + 1);
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const parts = [Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
