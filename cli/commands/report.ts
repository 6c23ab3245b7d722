// kesu report <文件或文件夹…> -o 通报.docx [--as-of YYYY-MM-DD] [--jurisdiction 辖区] [--period 报告期|全部] [--unit 单位] [--issuer 发文单位]
// The 工作进展通报 (shared/report/bulletin.ts) of the ledgers, each
// jurisdiction's latest period unless --period says another, as a Word file.
// Exit 0 written, 1 nothing to report or not written, 2 usage error.
import type { CliIO } from '../io';
import { leadersReport } from '../../shared/aggregate';
import { buildBulletin, toDocx } from '../../shared/report';
import { usageOf } from '../usage';
import { filesArgs, json, outputArg, sameOutput, writeOutput } from './common';
import { filterText, LEADER_FLAGS, loadLeaders } from './leaders';

const USAGE = usageOf('report') + '\n';

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = filesArgs(args, ['o', 'output', ...LEADER_FLAGS], io, USAGE, '汇总');
  if (typeof parsed === 'number') return parsed;
  const { positionals, flags } = parsed;
  const o = outputArg(flags, positionals, '.docx');
  if (o.error !== undefined) {
    io.err(`${o.error}\n${USAGE}`);
    return 2;
  }
  if (!o.out) {
    io.err('缺少输出文件 -o <通报.docx>。\n' + USAGE);
    return 2;
  }
  // an input under another name (a link, another spelling): refused before any reading
  const clash = await sameOutput(o.out, positionals, io);
  if (clash) {
    io.err(`${clash}\n${USAGE}`);
    return 2;
  }
  const leaders = await loadLeaders(positionals, flags, io, USAGE);
  if (typeof leaders === 'number') return leaders;
  const report = leadersReport(leaders.tasks, leaders.filter);
  const bytes = await toDocx(buildBulletin(report, { issuer: leaders.issuer, issued: leaders.issued, settings: leaders.settings }));
  if (!(await writeOutput(o.out, bytes, io, leaders.inputs))) return 1;
  const count = (l: string) => report.summary.lights.find((x) => x.light === l)?.count ?? 0;
  const figures = {
    output: o.out,
    filter: report.filter,
    periods: report.periods,
    tasks: report.summary.total,
    light: { 绿: count('绿'), 黄: count('黄'), 红: count('红') },
    redUnits: report.red.length,
    laggingUnits: report.notices.length,
  };
  if (flags.json === true) json(io, figures);
  else
    io.out(
      `已写入 ${o.out}(${filterText(report.filter)}):任务 ${figures.tasks} 项,红灯 ${figures.light.红} 项、黄灯 ${figures.light.黄} 项、绿灯 ${figures.light.绿} 项;` +
        `红灯任务涉及单位 ${figures.redUnits} 家,需督办单位 ${figures.laggingUnits} 家。\n`,
    );
  return 0;
}
