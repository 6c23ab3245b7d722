// kesu: the clerks' command line. Each command lives in cli/commands/<name>.ts
// and exports `run(args, io): Promise<number>` returning the exit code:
// 0 input read (findings are not failures), 1 unreadable input, 2 usage error.
import type { CliIO } from './io';
import { nodeIO } from './io';
import { USAGE, type CommandName } from './usage';

type Command = { summary: string; load: () => Promise<{ run: (args: string[], io: CliIO) => Promise<number> }> };

// The help lists each command's own usage line (cli/usage.ts) with what it does.
const COMMANDS: Record<CommandName, Command> = {
  owners: { summary: '解析责任单位', load: () => import('./commands/owners') },
  'parse-target': { summary: '解析量化目标', load: () => import('./commands/parse-target') },
  validate: { summary: '校验台账', load: () => import('./commands/validate') },
  enrich: { summary: '补全台账(写入副本)', load: () => import('./commands/enrich') },
  'import-plan': { summary: '由方案生成台账', load: () => import('./commands/import-plan') },
  merge: { summary: '合并多份台账', load: () => import('./commands/merge') },
  report: { summary: '写工作进展通报(.docx)', load: () => import('./commands/report') },
  notices: { summary: '给滞后单位写督办单(.docx)', load: () => import('./commands/notices') },
};

export function usage(): string {
  return ['用法:', ...(Object.keys(COMMANDS) as CommandName[]).map((n) => `  ${USAGE[n]}   ${COMMANDS[n].summary}`)].join('\n');
}

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.out(usage() + '\n');
    return name ? 0 : 2;
  }
  const cmd = Object.hasOwn(COMMANDS, name) ? COMMANDS[name as CommandName] : undefined;
  if (!cmd) {
    io.err(`未知命令: ${name}\n${usage()}\n`);
    return 2;
  }
  return (await cmd.load()).run(rest, io);
}
