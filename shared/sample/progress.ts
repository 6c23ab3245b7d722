// Made-up progress over four quarters on a standard workbook: each task gets a
// pace (some ahead, most on time, some behind, a few never report), and the
// 完成值 / 工作进展 of each quarter follow from it. Tasks without a target report
// the way units do (docs/domain.md §8): some in words only (done, under way, behind,
// not started), some with a 完成进度 share, some with a 完成状态 word, and a few
// copy last quarter's text unchanged. Deterministic per task.
import type { CellValue } from '../model';
import type { SheetSpec, WorkbookSpec } from '../io/spec';
import { LEDGER_SHEET, META_KEYS, META_SHEET } from '../ledger/standard';
import { QUARTER_END, QUARTERS, SAMPLE_MARK, SAMPLE_YEAR } from './plans';
import type { SamplePlan } from './plans';
import { seededRandom, seedOf } from './random';

export interface SampleFile {
  name: string;
  spec: WorkbookSpec;
}

interface Columns {
  header: number;
  col: (name: string) => number;
}

function ledgerColumns(sheet: SheetSpec): Columns | null {
  const header = sheet.headerRow ?? sheet.rows.findIndex((r) => r.includes('序号') && r.includes('完成值'));
  if (header < 0 || !sheet.rows[header]) return null;
  const head = sheet.rows[header]!.map((c) => String(c ?? '').trim());
  return { header, col: (name) => head.indexOf(name) };
}

/** Four workbooks (one per quarter of 2023) from one plan's standard workbook. */
export function quarterlyWorkbooks(base: WorkbookSpec, plan: SamplePlan): SampleFile[] {
  const ledger = base.sheets.find((s) => s.name === LEDGER_SHEET);
  const cols = ledger ? ledgerColumns(ledger) : null;
  if (!ledger || !cols) return [];
  const c = {
    id: cols.col('序号'),
    category: cols.col('类别'),
    title: cols.col('重点任务'),
    content: cols.col('任务内容'),
    leads: cols.col('牵头单位'),
    deadline: cols.col('完成时限'),
    targetText: cols.col('量化目标'),
    target: cols.col('目标值'),
    unit: cols.col('单位'),
    year: cols.col('截止年份'),
    progress: cols.col('工作进展'),
    actual: cols.col('完成值'),
    rate: cols.col('完成率'),
    status: cols.col('状态'),
    light: cols.col('红黄绿灯'),
    basis: cols.col('判断依据'),
    reported: cols.col('完成状态'),
    share: cols.col('完成进度'),
    note: cols.col('备注'),
  };
  const width = ledger.rows[cols.header]!.length;
  const body = ledger.rows.slice(cols.header + 1).filter((r) => r.some((v) => v !== null && v !== ''));
  // One pace per task for the whole year, so the quarters tell one story.
  const paces = body.map((r, i) => pace(seedOf(`${plan.seed}|${String(r[c.id] ?? i)}|${String(r[c.title] ?? '')}`)));
  // Last quarter's text per task, for the units that copy it.
  const lastText: (string | null)[] = body.map(() => null);

  return QUARTERS.map((period, q) => {
    const rows: CellValue[][] = [ledger.rows[cols.header]!.slice()];
    body.forEach((src, i) => {
      const row = src.slice();
      while (row.length < width) row.push(null);
      const p = paces[i]!;
      const target = typeof src[c.target] === 'number' ? (src[c.target] as number) : null;
      const annual = /每年|年度|当年/.test(String(src[c.deadline] ?? '')) || plan.planStart === plan.planEnd;
      const deadline = typeof src[c.year] === 'number' ? (src[c.year] as number) : plan.planEnd;
      const elapsed = annual ? (q + 1) / 4 : Math.min(1, (SAMPLE_YEAR - plan.planStart + (q + 1) / 4) / Math.max(1, deadline - plan.planStart + 1));
      const reports = p.silentFrom > q;
      for (const k of [c.rate, c.status, c.light, c.basis, c.reported, c.share]) set(row, k, null);
      if (!reports) {
        set(row, c.progress, null);
        set(row, c.actual, null);
      } else if (target === null) {
        const share = Math.min(1, elapsed * p.speed);
        const copied = p.copies && q > 0 && lastText[i] !== null && share < 1;
        const text = copied ? lastText[i]! : qualitativeText(share, p, q);
        set(row, c.progress, text);
        set(row, c.actual, null);
        if (p.style === 1) set(row, c.share, `${Math.round(share * 100)}%`);
        else if (p.style === 2) set(row, c.reported, share >= 1 ? '已完成' : p.speed < 0.6 ? '进展缓慢' : p.speed < 0.85 ? '滞后' : '序时推进');
        lastText[i] = text;
      } else {
        const share = Math.max(0, elapsed * p.speed);
        const value = roundLike(target, target * Math.min(share, 1.15));
        set(row, c.actual, value);
        set(row, c.progress, `${period}累计完成${value}${String(src[c.unit] ?? '')}`);
      }
      rows.push(row);
    });
    rows.push(indicatorRow(plan, q, c, width));
    const sheets = base.sheets.map((s) => {
      if (s === ledger) return { ...s, rows, headerRow: 0, merges: [] };
      if (s.name === META_SHEET) return { ...s, rows: metaRows(s.rows, plan, period, QUARTER_END[q]!) };
      return s;
    });
    if (!sheets.some((s) => s.name === META_SHEET)) sheets.push({ name: META_SHEET, rows: metaRows([['项目', '内容']], plan, period, QUARTER_END[q]!) });
    return {
      name: `示例-${plan.short}-2023Q${q + 1}.xlsx`,
      spec: { ...base, sheets, title: `${plan.jurisdiction} ${period} 任务台账（示例数据）` },
    };
  });
}

const QUALITATIVE = ['按计划推进', '已部署，正在推进', '已召开专题会议推进', '持续开展中'];
const DONE = ['已完成年度任务', '已全面完成', '该项工作已完成'];

interface Pace {
  speed: number;
  silentFrom: number;
  word: number;
  /** 0: words only; 1: with a 完成进度 share; 2: with a 完成状态 word. */
  style: number;
  /** Copies last quarter's 工作进展 unchanged (进展未更新). */
  copies: boolean;
}

/** What a unit writes for a task without a target, from how far it got. */
function qualitativeText(share: number, p: Pace, q: number): string {
  if (share >= 1) return DONE[p.word % DONE.length]!;
  if (share < 0.05) return '尚未启动';
  if (p.speed < 0.5) return '进展缓慢，正在协调推进';
  return QUALITATIVE[(p.word + q) % QUALITATIVE.length]!;
}

function pace(seed: number): Pace {
  const rnd = seededRandom(seed);
  const r = rnd();
  // 55% on pace or ahead, 30% behind, 15% lagging badly; 12% stop reporting.
  const speed = r < 0.55 ? 1 + rnd() * 0.4 : r < 0.85 ? 0.6 + rnd() * 0.35 : 0.15 + rnd() * 0.35;
  const silent = rnd();
  const silentFrom = silent < 0.06 ? 0 : silent < 0.12 ? 2 + Math.floor(rnd() * 2) : 4;
  const word = Math.floor(rnd() * 4);
  // Drawn after the figures above, so the quarters' 完成值 stay what they were.
  const style = Math.floor(rnd() * 3);
  return { speed, silentFrom, word, style, copies: rnd() < 0.1 };
}

function roundLike(target: number, v: number): number {
  if (Number.isInteger(target) && target >= 10) return Math.round(v);
  return Math.round(v * 10) / 10;
}

function set(row: CellValue[], col: number, v: CellValue): void {
  if (col >= 0) row[col] = v;
}

/** The headline indicator as a ledger row: goal in 目标值, current in 完成值, baseline in 备注. */
function indicatorRow(plan: SamplePlan, q: number, c: Record<string, number>, width: number): CellValue[] {
  const ind = plan.indicator;
  const row: CellValue[] = new Array(width).fill(null);
  const where = plan.jurisdiction === '国家' ? '我国' : '全区';
  set(row, c.id!, '指标1');
  set(row, c.category!, '核心指标');
  set(row, c.title!, '公民具备科学素质的比例');
  set(row, c.content!, ind.goal !== null ? `到${ind.goalYear}年，${where}公民具备科学素质的比例超过${ind.goal}%` : `${where}公民具备科学素质的比例稳步提升`);
  set(row, c.leads!, plan.lead);
  set(row, c.deadline!, ind.goalYear ? `${ind.goalYear}年` : null);
  set(row, c.targetText!, ind.goal !== null ? `超过${ind.goal}%` : null);
  set(row, c.target!, ind.goal);
  set(row, c.unit!, '%');
  set(row, c.year!, ind.goalYear);
  set(row, c.actual!, ind.quarters[q]!);
  set(row, c.progress!, `测评值${ind.quarters[q]}%（示例）`);
  set(row, c.note!, ind.baseline ? `基线：${ind.baseline.year}年 ${ind.baseline.value}%` : null);
  return row;
}

function metaRows(rows: CellValue[][], plan: SamplePlan, period: string, asOf: string): CellValue[][] {
  const out = rows.map((r) => r.slice());
  const put = (key: string, value: CellValue) => {
    const at = out.findIndex((r) => r[0] === key);
    if (at >= 0) out[at] = [key, value];
    else out.push([key, value]);
  };
  put(META_KEYS.jurisdiction, plan.jurisdiction);
  put(META_KEYS.period, period);
  put(META_KEYS.asOf, asOf);
  if (!out.some((r) => r[0] === META_KEYS.planStart && r[1])) put(META_KEYS.planStart, plan.planStart);
  if (!out.some((r) => r[0] === META_KEYS.planEnd && r[1])) put(META_KEYS.planEnd, plan.planEnd);
  put('数据说明', SAMPLE_MARK);
  return out;
}
