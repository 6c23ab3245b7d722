// kesu import-plan <方案.txt|.md|.docx|.html> -o <台账.xlsx> [--json]
// Reads a plan document and writes its task ledger (生成台账) in the standard
// layout; --json prints the plan, its tasks and findings instead of (or besides)
// the summary.
import type { CliIO } from '../io';
import { parseArgs } from '../args';
import { usageOf } from '../usage';
import { planReader, writeWorkbook } from '../../shared/io';
import { importPlan, planToJson, planToWorkbook, readPlanFile, type PlanImport } from '../../shared/plan';
import { ownerFigures } from '../../shared/owners';
import { findingLines } from './validate';
import { json, outputArg, readInput, sameOutput, usageError, writeOutput } from './common';

const USAGE = usageOf('import-plan');

function summary(imp: PlanImport, out: string | null): string[] {
  const p = imp.plan;
  const lines: string[] = [];
  const period = p.period ? (p.period.start === p.period.end ? `${p.period.start}年` : `${p.period.start}—${p.period.end}年`) : '规划期未知';
  lines.push(`方案: ${p.title || '（未识别标题）'}${p.draft ? '（征求意见稿）' : ''}`);
  lines.push(`地区: ${p.jurisdiction ?? '未知'}${p.level ? `（${p.level}级）` : ''}    规划期: ${period}`);
  const g = p.goal;
  if (g?.target || g?.baseline.length) {
    const t = g.target;
    const target = t ? `${t.year ? `到${t.year}年` : ''}${t.comparator === '>' ? '超过' : '达到'}${t.value}%${t.stretch ? `，力争达到${t.stretch}%` : ''}` : '';
    const base = g.baseline.map((b) => `${b.year}年 ${b.value}%`).join('，');
    lines.push(`总体目标: ${g.indicator} ${target}${base ? `（基线 ${base}）` : ''}`);
  }
  const byCat = new Map<string, number>();
  for (const t of imp.tasks) byCat.set(t.category, (byCat.get(t.category) ?? 0) + 1);
  const cats = [...byCat].map(([c, n]) => `${c} ${n}`).join('，');
  const source = imp.taskSource === 'ledger-annex' ? '（取自附件任务台账）' : '';
  lines.push(`任务: ${imp.tasks.length} 项${source}：${cats}`);
  if (imp.taskSource === 'ledger-annex') {
    const count = (ns: PlanImport['outline'], rank: number): number => ns.reduce((n, x) => n + (x.rank === rank ? 1 : 0) + count(x.children, rank), 0);
    const points = count(imp.outline, 3);
    lines.push(`正文结构: ${imp.outline.length} 个部分${points ? `，${points} 条编号条目（保留在 --json 的 outline 中）` : ''}`);
  }
  const withLead = imp.tasks.filter((t) => t.leads.length).length;
  const withTarget = imp.tasks.filter((t) => t.targets.length).length;
  lines.push(`有牵头单位 ${withLead} 项，有量化目标 ${withTarget} 项`);
  const f = ownerFigures(imp.tasks.flatMap((t) => [...t.leads, ...t.partners]));
  if (f.names) {
    lines.push(`单位名 ${f.names} 个：名录中有 ${f.resolved}，按层级补全 ${f.expanded}，按原文保留 ${f.kept}，群体 ${f.groups}${f.unresolved ? `，需核对 ${f.unresolved}` : ''}`);
  }
  if (out) lines.push(`已写入台账: ${out}`);
  return lines;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['o', 'output']);
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) return usageError(io, USAGE);
  const output = outputArg(args.flags, [file]);
  if (output.error !== undefined) return usageError(io, `${output.error}\n${USAGE}`);
  const out = output.out;
  if (!out && !args.flags.json) return usageError(io, `请用 -o 指定输出的台账文件（.xlsx），或用 --json 输出结果\n${USAGE}`);
  const clash = out ? await sameOutput(out, [file], io) : null;
  if (clash) return usageError(io, `${clash}\n${USAGE}`);

  const bytes = await readInput(file, io);
  if (!bytes) return 1;
  const read = await readPlanFile(bytes, file, planReader);
  if (!read.ok) {
    io.err(`无法读取 ${file}: ${read.problem.message}\n`);
    return 1;
  }
  const imp = importPlan(read.text, file);
  if ('problem' in imp) {
    io.err(`无法读取 ${file}: ${imp.problem.message}\n`);
    return 1;
  }
  if (out) {
    if (!(await writeOutput(out, await writeWorkbook(planToWorkbook(imp)), io, [file]))) return 1;
  }
  if (args.flags.json) {
    json(io, { file, output: out, ...planToJson(imp) });
    return 0;
  }
  io.out(summary(imp, out).join('\n') + '\n');
  const shown = imp.findings.filter((f) => f.severity !== 'info');
  if (shown.length) io.out(findingLines(shown).join('\n') + '\n');
  return 0;
}
