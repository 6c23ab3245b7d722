// planToWorkbook: the imported plan as a standard ledger workbook (标准台账):
// 任务台账 (one row per task, owners in 牵头单位 / 责任单位), 说明 (META_KEYS)
// and 单位名录 (the units the tasks name).
import type { CellValue, OwnerMatch, Unit } from '../model';
import type { SheetSpec, WorkbookSpec } from '../io/spec';
import { DIRECTORY_COLUMNS, DIRECTORY_SHEET, LEDGER_SHEET, META_KEYS, META_SHEET, STANDARD_COLUMNS, type StandardColumn } from '../ledger/standard';
import type { PlanImport, PlanTask } from './types';

const GENERATOR = '科素台账 生成台账 (kesu import-plan)';

/** What goes in an owner cell: the names as written, in order, joined by 、. */
export function ownerCell(matches: readonly OwnerMatch[]): string {
  return matches.map((m) => m.input.trim()).filter(Boolean).join('、');
}

/** The name a match stands for: canonical when resolved, as written otherwise. */
export function ownerName(m: OwnerMatch): string {
  return m.name && m.matched !== 'none' && m.matched !== 'fuzzy' ? m.name : m.input.trim();
}

function deadlineOf(task: PlanTask, planEnd: number | null): { text: string; year: number | null } {
  if (task.deadline) {
    const y = /((?:19|20)\d{2})\s*年/.exec(task.deadline);
    return { text: task.deadline, year: y ? Number(y[1]) : planEnd };
  }
  const years = task.targets.map((t) => t.year).filter((y): y is number => y !== null);
  if (years.length) {
    const y = Math.max(...years);
    return { text: `${y}年`, year: y };
  }
  if (task.targets.length && task.targets.every((t) => t.recurrence === 'annual')) return { text: '每年', year: planEnd };
  return planEnd ? { text: `${planEnd}年`, year: planEnd } : { text: '', year: null };
}

function taskRow(task: PlanTask, planEnd: number | null, source: string): CellValue[] {
  const first = task.targets[0] ?? null;
  const deadline = deadlineOf(task, planEnd);
  const cells: Record<StandardColumn, CellValue> = {
    // A plain number (a ledger annex's 55) is written as a number, not as text.
    序号: /^\d{1,6}$/.test(task.id) ? Number(task.id) : task.id,
    类别: task.category,
    人群: task.population?.canonical ?? '',
    工程: task.project?.canonical ?? '',
    重点任务: task.title,
    任务内容: task.content,
    牵头单位: ownerCell(task.leads) || task.owners.leadsText,
    责任单位: ownerCell(task.partners) || task.owners.partnersText,
    完成时限: deadline.text,
    量化目标: task.targets.map((t) => t.text).join('；'),
    目标值: first ? first.value : null,
    单位: first ? first.unit : '',
    截止年份: first?.year ?? deadline.year,
    工作进展: '',
    完成状态: '',
    完成进度: null,
    完成值: null,
    完成率: null,
    状态: '',
    红黄绿灯: '',
    判断依据: '',
    备注: '',
    来源: `${source}第${task.line}行`,
  };
  return STANDARD_COLUMNS.map((c) => cells[c]);
}

/** The units the tasks name: directory units when resolved, the written name otherwise. */
function unitsUsed(imp: PlanImport): Unit[] {
  const seen = new Map<string, Unit>();
  const known = new Map((imp.units ?? []).map((u) => [u.name, u]));
  for (const t of imp.tasks) {
    for (const m of [...t.leads, ...t.partners]) {
      if (m.matched === 'group') continue;
      const name = ownerName(m);
      if (!name || seen.has(name)) continue;
      const unit = known.get(name);
      seen.set(name, unit ?? { name, aliases: m.input.trim() !== name ? [m.input.trim()] : [], kind: '其他', jurisdiction: imp.plan.jurisdiction ?? '' });
    }
  }
  return [...seen.values()];
}

export function planToWorkbook(imp: PlanImport): WorkbookSpec {
  const planEnd = imp.plan.period?.end ?? null;
  const source = imp.file ? `${imp.file.split(/[\\/]/).pop()} ` : '方案';
  const ledger: SheetSpec = {
    name: LEDGER_SHEET,
    rows: [[...STANDARD_COLUMNS], ...imp.tasks.map((t) => taskRow(t, planEnd, source))],
    headerRow: 0,
    widths: STANDARD_COLUMNS.map((c) => (c === '任务内容' ? 60 : c === '重点任务' ? 28 : c === '牵头单位' || c === '责任单位' ? 30 : c === '量化目标' ? 30 : c === '序号' ? 12 : 10)),
    wrapColumns: (['重点任务', '任务内容', '牵头单位', '责任单位', '量化目标'] as StandardColumn[]).map((c) => STANDARD_COLUMNS.indexOf(c)),
  };
  const p = imp.plan;
  const goal = p.goal;
  const meta: CellValue[][] = [
    ['项目', '内容'],
    [META_KEYS.jurisdiction, p.jurisdiction ?? ''],
    [META_KEYS.level, p.level ?? ''],
    [META_KEYS.period, ''],
    [META_KEYS.asOf, ''],
    [META_KEYS.planStart, p.period?.start ?? ''],
    [META_KEYS.planEnd, p.period?.end ?? ''],
    [META_KEYS.title, p.title],
    [META_KEYS.generator, GENERATOR],
  ];
  if (goal) {
    meta.push(['总体目标指标', goal.indicator]);
    if (goal.baseline.length) meta.push(['基线', goal.baseline.map((b) => `${b.year}年 ${b.value}%`).join('；')]);
    if (goal.target) {
      const t = goal.target;
      meta.push(['目标', `${t.year ? `到${t.year}年` : ''}${t.comparator === '>' ? '超过' : '达到'}${t.value}%${t.stretch ? `，力争达到${t.stretch}%` : ''}`]);
    }
  }
  const units = unitsUsed(imp);
  const directory: SheetSpec = {
    name: DIRECTORY_SHEET,
    rows: [[...DIRECTORY_COLUMNS], ...units.map((u) => [u.name, u.aliases.join('、'), u.kind, u.jurisdiction ?? '', u.contact?.person ?? '', u.contact?.phone ?? ''])],
    headerRow: 0,
    widths: [32, 28, 10, 16, 10, 14],
  };
  return {
    sheets: [ledger, { name: META_SHEET, rows: meta, headerRow: 0, widths: [16, 60] }, directory],
    title: p.title || '任务台账',
    creator: GENERATOR,
  };
}
