// The frame both forms of the parse cache use (parsed.ts, joined.ts,
// server/parse-cache.ts): u32 LE n, n bytes of JSON padded with spaces so
// what follows starts at a multiple of 8 (the page reads typed arrays in place).

/** The JSON head of a frame. */
export function frameHead(value: unknown): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(value));
  const pad = (8 - ((4 + json.length) % 8)) % 8;
  const out = new Uint8Array(4 + json.length + pad).fill(0x20);
  new DataView(out.buffer).setUint32(0, json.length + pad, true);
  out.set(json, 4);
  return out;
}

/** The JSON head of a frame at the start of bytes, and where what follows it starts. */
export function readFrameHead<T>(bytes: Uint8Array): { head: T; rest: Uint8Array } {
  const n = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  if (4 + n > bytes.length) throw new Error('传送数据已损坏');
  return { head: JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + n))) as T, rest: bytes.subarray(4 + n) };
}

/**
 * Resolves when the page's thread is idle (requestIdleCallback; a timer
 * where there is none): storing what was read gives way to a leader's
 * clicks and the charts they redraw.
 */
export function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });
}
