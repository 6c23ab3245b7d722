// kesu validate <台账.xlsx> [--previous 上期.xlsx] [--as-of YYYY-MM-DD] [--jurisdiction 成都市锦江区]
//               [--red-gap 30] [--yellow-gap 0] [--due-soon 30] [--unreported-light 黄] [--json]
import type { CliIO } from '../io';
import type { Finding, Task } from '../../shared/model';
import { LIGHTS, SEVERITIES, STATUSES } from '../../shared/model';
import { CheckCache, SEVERITY_LABEL } from '../../shared/checks';
import { columnLetter0 } from '../../shared/io';
import { basisText } from '../../shared/progress';
import { parseArgs } from '../args';
import { usageOf } from '../usage';
import { json, parseAsOf, settingsFromFlags, SETTING_FLAGS, usageError } from './common';
import { checkFile, isoDay, type CheckOptions } from './ledger';
import { percent, table } from '../format';

const USAGE = usageOf('validate');

function ownerJson(role: 'lead' | 'partner', m: Task['leads'][number]) {
  return { role, input: m.input, name: m.name, matched: m.matched, score: Math.round(m.score * 1000) / 1000, suggestions: m.suggestions.slice(0, 3) };
}

function taskJson(t: Task) {
  const names = (ms: Task['leads']) => ms.map((m) => m.name ?? m.input);
  return {
    sheet: t.sheet,
    row: t.row,
    id: t.id,
    title: t.title,
    category: t.category,
    population: t.population?.canonical ?? null,
    project: t.project?.canonical ?? null,
    leads: names(t.leads),
    partners: names(t.partners),
    owners: [...t.leads.map((m) => ownerJson('lead', m)), ...t.partners.map((m) => ownerJson('partner', m))],
    targets: t.targets.map(({ text, value, unit, comparator, stretch, year, recurrence }) => ({ text, value, unit, comparator, stretch, year, recurrence })),
    deadlineYear: t.deadlineYear,
    recurrence: t.recurrence,
    actual: t.actual,
    completion: t.completion,
    status: t.status,
    light: t.light,
    basis: t.basis,
    evidence: t.evidence,
    quantified: t.quantified,
    due: t.due,
    expected: t.expected,
    progress: t.progress,
  };
}

export function findingJson(f: Finding) {
  return { sheet: f.sheet, row: f.row, column: f.column, col: f.col ?? null, code: f.code, severity: f.severity, message: f.message, fix: f.fix, params: f.params };
}

function where(f: Finding): string {
  if (f.row === null) return f.sheet;
  return typeof f.col === 'number' ? `${f.sheet}!${columnLetter0(f.col)}${f.row}` : `${f.sheet} 第${f.row}行`;
}

/** Findings grouped by severity; the same message repeated on many rows (各街道 …) is shown once with its places. */
export function findingLines(findings: Finding[]): string[] {
  const lines: string[] = [];
  for (const sev of SEVERITIES) {
    const group = findings.filter((f) => f.severity === sev);
    if (!group.length) continue;
    lines.push('', `${SEVERITY_LABEL[sev]} (${group.length})`);
    const same = new Map<string, Finding[]>();
    for (const f of group) {
      const key = `${f.sheet}\u0000${f.column}\u0000${f.message}`;
      const list = same.get(key);
      if (list) list.push(f);
      else same.set(key, [f]);
    }
    const rows: string[][] = [];
    for (const list of same.values()) {
      const f = list[0]!;
      const text = f.message + (f.fix ? ` → ${f.fix}` : '');
      if (list.length <= 2) for (const g of list) rows.push([where(g), g.column ?? '', text]);
      else {
        const places = list.slice(0, 6).map((g) => (typeof g.col === 'number' ? `${columnLetter0(g.col)}${g.row}` : `第${g.row}行`));
        rows.push([where(f), f.column ?? '', `${text}(共 ${list.length} 处:${places.join('、')}${list.length > 6 ? ' …' : ''})`]);
      }
    }
    lines.push(...table(rows).map((l) => '  ' + l));
  }
  return lines;
}

export function statusLine(tasks: Task[]): string {
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
  return STATUSES.map((s) => `${s} ${counts.get(s) ?? 0}`).join('  ');
}

export function lightLine(tasks: Task[]): string {
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(t.light, (counts.get(t.light) ?? 0) + 1);
  return LIGHTS.map((l) => `${l}灯 ${counts.get(l) ?? 0}`).join('  ');
}

/** The options every checking command takes (validate, enrich): --as-of, --jurisdiction, the setting flags; or a usage error. */
export function checkOptions(flags: Record<string, string | true>): { opts: CheckOptions; error?: undefined } | { error: string } {
  const asOf = parseAsOf(flags['as-of']);
  if (asOf === null) return { error: '--as-of 应为 YYYY-MM-DD 格式的日期,如 2023-06-30' };
  const s = settingsFromFlags(flags);
  if (s.error !== undefined) return { error: s.error };
  const jurisdiction = typeof flags.jurisdiction === 'string' ? flags.jurisdiction : undefined;
  return { opts: { asOf, jurisdiction, settings: s.settings } };
}

/** Flags that take a value, for parseArgs. */
export const CHECK_FLAGS = ['as-of', 'jurisdiction', ...Object.keys(SETTING_FLAGS)];

const TASK_LIST_MAX = 40;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, [...CHECK_FLAGS, 'previous']);
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) return usageError(io, USAGE);
  const parsed = checkOptions(args.flags);
  if (parsed.error !== undefined) return usageError(io, `${parsed.error}\n${USAGE}`);
  const opts = { ...parsed.opts, cache: new CheckCache(), json: args.flags.json === true };
  const prevFile = args.flags.previous;
  if (prevFile === true || prevFile === '') return usageError(io, `--previous 后缺少上期台账文件名\n${USAGE}`);
  let previousMeta: { file: string; period: string | null; rows: number } | null = null;
  if (typeof prevFile === 'string') {
    // The previous ledger is judged too (a done task there is still compared),
    // as of its own 截至日期; only its progress texts matter here.
    const prev = await checkFile(prevFile, io, { jurisdiction: opts.jurisdiction, settings: opts.settings, cache: opts.cache, json: opts.json });
    if (!prev) return 1;
    const label = prevFile.split(/[\\/]/).pop() ?? prevFile;
    opts.previous = { tasks: prev.result.tasks, label };
    previousMeta = { file: prevFile, period: prev.result.meta.period, rows: prev.result.tasks.length };
  }
  const checked = await checkFile(file, io, opts);
  if (!checked) return 1;
  const { result, ledger } = checked;
  const stale = result.findings.filter((f) => f.code === 'progress.stale').length;

  if (args.flags.json) {
    json(io, {
      file,
      asOf: isoDay(checked.asOf),
      meta: result.meta,
      sheets: ledger.sheets.map((s) => ({ sheet: s.sheet, headerRow: s.header.row, rows: s.rows.length, progressPeriod: s.header.progressPeriod })),
      settings: result.settings,
      previous: previousMeta ? { ...previousMeta, stale } : null,
      summary: summary(result.findings, result.tasks),
      findings: result.findings.map(findingJson),
      tasks: result.tasks.map(taskJson),
    });
    return 0;
  }
  const m = result.meta;
  const quantified = result.tasks.filter((t) => t.quantified).length;
  const lines = [
    `台账 ${file}` + [m.jurisdiction, m.period].filter(Boolean).map((x) => ` · ${x}`).join(''),
    ...ledger.sheets.map((s) => `  工作表「${s.sheet}」:表头在第 ${s.header.row} 行,${s.rows.length} 项任务`),
    `截至 ${isoDay(checked.asOf)},共 ${result.tasks.length} 项任务(有量化目标 ${quantified} 项)`,
    `状态:${statusLine(result.tasks)}`,
    `红黄绿灯:${lightLine(result.tasks)}`,
  ];
  if (previousMeta) lines.push(`与上期 ${previousMeta.file}${previousMeta.period ? `(${previousMeta.period})` : ''} 比较:进展未更新 ${stale} 项`);
  // Red first, then yellow; each in ledger order.
  const flagged = [...result.tasks.filter((t) => t.light === '红'), ...result.tasks.filter((t) => t.light === '黄')];
  if (flagged.length) {
    lines.push('', `红灯与黄灯任务 (${flagged.length})`);
    const rows = flagged.slice(0, TASK_LIST_MAX).map((t) => [`${t.sheet} 第${t.row}行`, t.id, (t.title || t.content).slice(0, 20), `${t.light}灯`, t.status, percent(t.progress), basisText(t)]);
    lines.push(...table(rows).map((l) => '  ' + l));
    if (flagged.length > TASK_LIST_MAX) lines.push(`  … 另有 ${flagged.length - TASK_LIST_MAX} 项(用 --json 查看全部)`);
  }
  lines.push(...findingLines(result.findings));
  const s = summary(result.findings, result.tasks);
  lines.push('', `合计:错误 ${s.errors},警告 ${s.warnings},提示 ${s.infos}`);
  io.out(lines.join('\n') + '\n');
  return 0;
}

export function summary(findings: Finding[], tasks: Task[]) {
  const by: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  const lights: Record<string, number> = Object.fromEntries(LIGHTS.map((l) => [l, 0]));
  let quantified = 0;
  for (const t of tasks) {
    by[t.status]!++;
    lights[t.light]!++;
    if (t.quantified) quantified++;
  }
  return {
    tasks: tasks.length,
    quantified,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
    status: by,
    light: lights,
  };
}
