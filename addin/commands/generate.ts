// 生成台账: plan text (pasted, or read from a .docx / .txt) → a new ledger
// sheet, through the core's plan import. The sheet gets a fresh name so
// nothing existing is touched.
import { planReader } from '../../shared/io';
import { importPlan, planToWorkbook, readPlanFile } from '../../shared/plan';
import type { Finding } from '../../shared/model';
import type { ApplyReport, WorkbookGateway } from '../gateway';
import type { Op } from '../ops';
import { ADDIN_MESSAGES } from '../messages';
import { MAX_SHEET_NAME, sheetNameProblem } from '../excel-rules';
import { fail, ok, type Outcome } from './result';

/**
 * A name Excel accepts for a new sheet: without \\ / ? * [ ] : and the ' at
 * either end, at most 31 characters with its number, not "History", and
 * unlike every taken name ignoring case (excel-rules.ts).
 */
export function uniqueSheetName(base: string, taken: string[]): string {
  const clean = [...base.replace(/[\\/?*[\]:]/g, '').replace(/^'+|'+$/g, '').trim()].join('') || '任务台账';
  const withSuffix = (suffix: string) => [...clean].slice(0, MAX_SHEET_NAME - suffix.length).join('').replace(/'+$/, '') + suffix;
  if (!sheetNameProblem(withSuffix(''), taken)) return withSuffix('');
  for (let i = 2; ; i++) if (!sheetNameProblem(withSuffix(String(i)), taken)) return withSuffix(String(i));
}

export interface GeneratePlan {
  sheet: string;
  tasks: number;
  findings: Finding[];
  ops: Op[];
  title: string | null;
}

export function planGenerate(text: string, file: string | undefined, taken: string[]): Outcome<GeneratePlan> {
  if (!text.trim()) return fail(ADDIN_MESSAGES.planEmpty());
  const imp = importPlan(text, file);
  if ('problem' in imp) return fail(imp.problem.message);
  if (!imp.tasks.length) return fail(ADDIN_MESSAGES.planNoTasks());
  const spec = planToWorkbook(imp);
  const main = spec.sheets[0];
  const sheet = uniqueSheetName(main.name, taken);
  const width = main.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const values = main.rows.map((r) => Array.from({ length: width }, (_x, j) => (r[j] == null ? '' : r[j])));
  const header = main.headerRow ?? 0;
  const ops: Op[] = [
    { kind: 'addSheet', name: sheet },
    { kind: 'values', sheet, row: 0, col: 0, values },
    { kind: 'format', sheet, row: header, col: 0, rows: 1, cols: width, format: { bold: true, fill: '#D9E1F2' } },
  ];
  (main.widths ?? []).forEach((w, c) => {
    if (w) ops.push({ kind: 'format', sheet, row: 0, col: c, rows: 1, cols: 1, format: { columnWidth: w } });
  });
  for (const c of main.wrapColumns ?? []) ops.push({ kind: 'format', sheet, row: header, col: c, rows: values.length - header, cols: 1, format: { wrap: true } });
  ops.push({ kind: 'activate', sheet });
  const title = (imp.plan as { title?: string | null }).title ?? null;
  return ok({ sheet, tasks: imp.tasks.length, findings: imp.findings, ops, title });
}

export async function runGenerate(gateway: WorkbookGateway, text: string, file?: string): Promise<Outcome<GeneratePlan & { report: ApplyReport }>> {
  const read = await gateway.read({});
  const plan = planGenerate(text, file, read.list.map((s) => s.name));
  if (!plan.ok) return plan;
  const report = await gateway.apply(plan.value.ops);
  return ok({ ...plan.value, report });
}

/**
 * Text of a chosen file through the core's plan reader: .docx, .txt, .md, .html in
 * UTF-8, UTF-16 or GB18030 (common in Chinese offices); .doc, .wps and PDF get a
 * message saying to save as .docx or paste the text.
 */
export async function planTextFromFile(name: string, bytes: Uint8Array): Promise<Outcome<string>> {
  const r = await readPlanFile(bytes, name, planReader);
  return r.ok ? ok(r.text) : fail(r.problem.message);
}
