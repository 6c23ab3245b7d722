// kesu validate <台账.xlsx> [--as-of YYYY-MM-DD] [--jurisdiction 成都市锦江区] [--json]
import type { CliIO } from '../io';
import type { Finding, Task } from '../../shared/model';
import { STATUSES } from '../../shared/model';
import { columnLetter } from '../../shared/ledger/text';
import { parseArgs } from '../args';
import { usageOf } from '../usage';
import { json, parseAsOf, usageError } from './common';
import { checkFile, isoDay } from './ledger';
import { SEVERITY_LABEL, percent, table } from '../format';

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
  };
}

export function findingJson(f: Finding) {
  return { sheet: f.sheet, row: f.row, column: f.column, col: f.col ?? null, code: f.code, severity: f.severity, message: f.message, fix: f.fix, params: f.params };
}

function where(f: Finding): string {
  if (f.row === null) return f.sheet;
  return typeof f.col === 'number' ? `${f.sheet}!${columnLetter(f.col)}${f.row}` : `${f.sheet} 第${f.row}行`;
}

/** Findings grouped by severity; the same message repeated on many rows (各街道 …) is shown once with its places. */
export function findingLines(findings: Finding[]): string[] {
  const lines: string[] = [];
  for (const sev of ['error', 'warning', 'info'] as const) {
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
        const places = list.slice(0, 6).map((g) => (typeof g.col === 'number' ? `${columnLetter(g.col)}${g.row}` : `第${g.row}行`));
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

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['as-of', 'jurisdiction']);
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) return usageError(io, USAGE);
  const asOf = parseAsOf(args.flags['as-of']);
  if (asOf === null) return usageError(io, `--as-of 应为 YYYY-MM-DD 格式的日期,如 2023-06-30\n${USAGE}`);
  const jurisdiction = typeof args.flags.jurisdiction === 'string' ? args.flags.jurisdiction : undefined;
  const checked = await checkFile(file, io, asOf, jurisdiction, args.flags.json === true);
  if (!checked) return 1;
  const { result, ledger } = checked;

  if (args.flags.json) {
    json(io, {
      file,
      asOf: isoDay(checked.asOf),
      meta: result.meta,
      sheets: ledger.sheets.map((s) => ({ sheet: s.sheet, headerRow: s.header.row, rows: s.rows.length, progressPeriod: s.header.progressPeriod })),
      summary: summary(result.findings, result.tasks),
      findings: result.findings.map(findingJson),
      tasks: result.tasks.map(taskJson),
    });
    return 0;
  }
  const m = result.meta;
  const lines = [
    `台账 ${file}` + [m.jurisdiction, m.period].filter(Boolean).map((x) => ` · ${x}`).join(''),
    ...ledger.sheets.map((s) => `  工作表「${s.sheet}」:表头在第 ${s.header.row} 行,${s.rows.length} 项任务`),
    `截至 ${isoDay(checked.asOf)},共 ${result.tasks.length} 项任务`,
    `状态:${statusLine(result.tasks)}`,
  ];
  const behind = result.tasks.filter((t) => t.status === '滞后' || t.status === '逾期');
  if (behind.length) {
    lines.push('', `滞后与逾期 (${behind.length})`);
    lines.push(...table(behind.map((t) => [`${t.sheet} 第${t.row}行`, t.id, t.title || t.content.slice(0, 20), t.status, percent(t.completion)])).map((l) => '  ' + l));
  }
  lines.push(...findingLines(result.findings));
  const s = summary(result.findings, result.tasks);
  lines.push('', `合计:错误 ${s.errors},警告 ${s.warnings},提示 ${s.infos}`);
  io.out(lines.join('\n') + '\n');
  return 0;
}

export function summary(findings: Finding[], tasks: Task[]) {
  const by: Record<string, number> = {};
  for (const t of tasks) by[t.status] = (by[t.status] ?? 0) + 1;
  return {
    tasks: tasks.length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
    status: by,
  };
}
