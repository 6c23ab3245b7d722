// Numbers the Chinese way: counts in 万 / 亿 past ten thousand, percentages with
// one decimal. Pure string work, shared by the charts, the table and the tests.
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (abs >= 1e8) return trim(n / 1e8) + '亿';
  if (abs >= 1e4) return trim(n / 1e4) + '万';
  return Number.isInteger(n) ? String(n) : trim(n);
}

/** 0.1234 → 12.3%; null → —. */
export function formatPercent(ratio: number | null, digits = 1): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return (ratio * 100).toFixed(digits).replace(/\.0+$/, '') + '%';
}

function trim(x: number): string {
  return x.toFixed(2).replace(/\.?0+$/, '');
}
