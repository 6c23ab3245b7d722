// kesu notices <文件或文件夹…> -o <文件夹> [--unit 单位] [--as-of YYYY-MM-DD] [--jurisdiction 辖区] [--period 报告期|全部] [--issuer 督办单位] [--reply-by YYYY-MM-DD]
// One 督办单 (shared/report/notice.ts) per lagging unit — a yellow, red,
// overdue or not-updated task — written into the folder as
// 督办单-<单位>.docx (the folder is made when missing). Exit 0 written (or no
// unit lags), 1 nothing read or a file not written, 2 usage error.
import path from 'node:path';
import type { CliIO } from '../io';
import { NOTICE_LABEL, NOTICE_REASONS } from '../../shared/aggregate';
import { buildNotices, toDocx } from '../../shared/report';
import { usageOf } from '../usage';
import { filesArgs, json, parseAsOf, samePath, writeFailure, writeOutput } from './common';
import { filterText, LEADER_FLAGS, loadLeaders } from './leaders';

const USAGE = usageOf('notices') + '\n';

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = filesArgs(args, ['o', 'output', 'reply-by', ...LEADER_FLAGS], io, USAGE, '汇总');
  if (typeof parsed === 'number') return parsed;
  const { positionals, flags } = parsed;
  const flag = flags.o ?? flags.output;
  const dir = typeof flag === 'string' ? flag.trim() : '';
  if (!dir) {
    io.err('缺少输出文件夹 -o <文件夹>(督办单逐单位写入其中)。\n' + USAGE);
    return 2;
  }
  const input = positionals.find((p) => samePath(p, dir));
  if (input !== undefined && !(await isFolder(io, input))) {
    io.err(`输出文件夹不能是输入文件(${input}):kesu 不覆盖原台账,请用 -o 指定一个文件夹\n${USAGE}`);
    return 2;
  }
  const replyBy = parseAsOf(flags['reply-by']);
  if (replyBy === null) {
    io.err(`--reply-by 应为 YYYY-MM-DD 格式的日期,如 2024-01-20\n${USAGE}`);
    return 2;
  }
  const leaders = await loadLeaders(positionals, flags, io, USAGE);
  if (typeof leaders === 'number') return leaders;
  const notices = buildNotices(leaders.tasks, leaders.filter, {
    issuer: leaders.issuer,
    issued: leaders.issued,
    replyBy: typeof flags['reply-by'] === 'string' ? flags['reply-by'].trim() : undefined,
  });

  const written: { unit: string; jurisdiction: string | null; file: string; counts: Record<string, number> }[] = [];
  let failed = 0;
  if (notices.length) {
    try {
      await io.makeDirectory(dir);
    } catch (e) {
      // mkdir -p over a file: EEXIST, or ENOTDIR when a file is on the way
      const code = (e as NodeJS.ErrnoException)?.code;
      io.err((code === 'EEXIST' || code === 'ENOTDIR' ? `无法写入 ${dir}: 这是一个文件,不是文件夹,请在 -o 后写一个文件夹` : writeFailure(dir, e)) + '\n');
      return 1;
    }
  }
  for (const n of notices) {
    const file = path.join(dir, n.fileName);
    // an input is never written over, whatever the unit is called (writeOutput refuses it by any name)
    if (await writeOutput(file, await toDocx(n.document), io, leaders.inputs)) written.push({ unit: n.unit, jurisdiction: n.jurisdiction, file, counts: n.counts });
    else failed++;
  }
  if (flags.json === true) json(io, { filter: leaders.filter, folder: dir, notices: written, failed });
  else if (!notices.length) io.out(`所选范围(${filterText(leaders.filter)})内没有需要督办的单位(无红灯、黄灯、逾期或进展未更新的任务),未写出督办单。\n`);
  else {
    const lines = written.map((w) => `  ${w.file}  ${NOTICE_REASONS.filter((r) => w.counts[r]).map((r) => `${NOTICE_LABEL[r]} ${w.counts[r]} 项`).join(',')}`);
    io.out(`已写入督办单 ${written.length} 份(${filterText(leaders.filter)}):\n${lines.join('\n')}\n`);
    if (failed) io.out(`另有 ${failed} 份未能写入,原因见上。\n`);
  }
  return failed ? 1 : 0;
}

async function isFolder(io: CliIO, p: string): Promise<boolean> {
  try {
    return await io.isDirectory(p);
  } catch {
    return false;
  }
}
