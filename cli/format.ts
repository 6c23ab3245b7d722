// Aligned plain-text tables for a terminal: CJK characters take two cells.
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) ? 2 : 1;
  }
  return w;
}

export function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** Rows of cells → lines with columns padded to the widest cell (the last column is not padded). */
export function table(rows: string[][], gap = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]!))).join(gap).trimEnd());
}

export const MATCH_LABEL: Record<string, string> = {
  exact: '精确',
  alias: '别名',
  rule: '规则',
  fuzzy: '近似',
  group: '集合',
  none: '未识别',
};

export const COMPARATOR_LABEL: Record<string, string> = { '>=': '不少于', '>': '超过', '=': '等于', '<=': '不超过' };

export function percent(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? `${+(v * 100).toFixed(1)}%` : '';
}
