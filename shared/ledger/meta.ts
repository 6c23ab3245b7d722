// Ledger metadata (辖区, 报告期, 截至日期, 规划期) from a 说明 sheet when the
// workbook is in the standard layout, otherwise read off the title rows that
// officials type above the header.
import type { LedgerMeta, PlanPeriod, SheetGrid } from '../model';
import { META_KEYS } from './standard';
import { cellText } from './text';

export function emptyMeta(): LedgerMeta {
  return { jurisdiction: null, period: null, asOf: null, title: null, planPeriod: null };
}

const CN_DIGIT: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 1: '1', 2: '2', 3: '3', 4: '4' };

const PERIOD_RE = /(20\d{2})\s*年?\s*(上半年|下半年|全年|年度|第?([一二三四1-4])季度|Q([1-4])|(1[0-2]|[1-9])月(?:份)?)/;
const YEAR_ONLY_RE = /(20\d{2})年/;
const AS_OF_RE = /截[至止](?:日期|时间)?\s*[:：]?\s*(20\d{2})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})/;
const PLAN_RE = /(20\d{2})\s*(?:年)?\s*[—–\-~～至到]+\s*(20\d{2})\s*年?/;
/** Text before the subject of the plan is the issuing jurisdiction: 成都市锦江区全民科学素质… → 成都市锦江区. */
const JURIS_RE = /^(?:关于)?(?:20\d{2}年(?:度)?)?([\u4e00-\u9fa5]{2,20}?(?:省|自治区|市|州|盟|区|县|旗))(?=全民|公民|科学素质|科普|贯彻|落实|实施|《|20\d{2}|重点任务|任务台账|工作要点)/;

/** Normalises a period label: 2023年第一季度 / 2023Q1 stay readable; 2023年上半年 as is. */
export function periodFrom(text: string): string | null {
  const m = PERIOD_RE.exec(text.normalize('NFKC'));
  if (m) {
    const [, y, what, q1, q2] = m;
    const q = q1 ?? q2;
    if (q) return `${y}年第${'一二三四'[Number(CN_DIGIT[q]) - 1]}季度`;
    if (what === '年度') return `${y}年`;
    return `${y}年${what}`;
  }
  return null;
}

export function asOfFrom(text: string): string | null {
  const m = AS_OF_RE.exec(text.normalize('NFKC'));
  if (!m) return null;
  return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function planFrom(text: string): PlanPeriod | null {
  const m = PLAN_RE.exec(text.normalize('NFKC'));
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end >= start && end - start <= 20 ? { start, end } : null;
}

export function jurisdictionFrom(text: string): string | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (/^(全国|国家|中国科协)/.test(t)) return '国家';
  const m = JURIS_RE.exec(t);
  return m ? m[1]! : null;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Meta from the free text above a header (title rows) and the progress header's period. */
export function metaFromTitles(lines: string[], progressPeriod: string | null): LedgerMeta {
  const meta = emptyMeta();
  const text = lines.join('\n');
  meta.title = lines.find((l) => l.length >= 4) ?? null;
  for (const l of lines) {
    meta.jurisdiction ??= jurisdictionFrom(l);
  }
  const noAsOf = text.normalize('NFKC').replace(new RegExp(AS_OF_RE.source, 'g'), '');
  meta.period = periodFrom(noAsOf) ?? (progressPeriod ? periodFrom(progressPeriod) ?? progressPeriod : null);
  if (!meta.period) {
    const y = YEAR_ONLY_RE.exec(noAsOf);
    if (y && !PLAN_RE.test(noAsOf)) meta.period = `${y[1]}年`;
  }
  meta.asOf = asOfFrom(text);
  meta.planPeriod = planFrom(text);
  return meta;
}

/** Meta from a 说明 sheet: two columns, key (META_KEYS values) and value. */
export function metaFromSheet(grid: SheetGrid): LedgerMeta {
  const meta = emptyMeta();
  const kv = new Map<string, string>();
  for (const row of grid.rows) {
    const k = cellText(row[0] ?? null).replace(/\s+/g, '');
    if (k) kv.set(k, cellText(row[1] ?? null));
  }
  meta.jurisdiction = kv.get(META_KEYS.jurisdiction) || null;
  meta.period = kv.get(META_KEYS.period) || null;
  const asOf = kv.get(META_KEYS.asOf);
  if (asOf) {
    const m = /(20\d{2})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})/.exec(asOf.normalize('NFKC'));
    meta.asOf = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  }
  const start = Number.parseInt(kv.get(META_KEYS.planStart) ?? '', 10);
  const end = Number.parseInt(kv.get(META_KEYS.planEnd) ?? '', 10);
  meta.planPeriod = Number.isFinite(start) && Number.isFinite(end) && end >= start ? { start, end } : null;
  meta.title = kv.get(META_KEYS.title) || null;
  return meta;
}

/** Fills the gaps of `into` from `from` (the 说明 sheet wins over title rows). */
export function mergeMeta(into: LedgerMeta, from: LedgerMeta): LedgerMeta {
  return {
    jurisdiction: into.jurisdiction ?? from.jurisdiction,
    period: into.period ?? from.period,
    asOf: into.asOf ?? from.asOf,
    title: into.title ?? from.title,
    planPeriod: into.planPeriod ?? from.planPeriod,
  };
}

/** The year a ledger reports on: from its as-of date or its period. */
export function ledgerYear(meta: LedgerMeta): number | null {
  const m = /(20\d{2})/.exec(meta.asOf ?? meta.period ?? '');
  return m ? Number(m[1]) : null;
}
