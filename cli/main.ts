// kesu: the clerks' command line. Each command lives in cli/commands/<name>.ts
// and exports `run(args, io): Promise<number>` returning the exit code:
// 0 input read (findings are not failures), 1 unreadable input, 2 usage error.
import type { CliIO } from './io';
import { nodeIO } from './io';

type Command = { summary: string; load: () => Promise<{ run: (args: string[], io: CliIO) => Promise<number> }> };

const COMMANDS: Record<string, Command> = {
  owners: { summary: 'kesu owners "<文本>" [--directory 名录.xlsx] [--json]   解析责任单位', load: () => import('./commands/owners') },
  'parse-target': { summary: 'kesu parse-target "<文本>" [--json]   解析量化目标', load: () => import('./commands/parse-target') },
  validate: { summary: 'kesu validate <台账.xlsx> [--as-of YYYY-MM-DD] [--json]   校验台账', load: () => import('./commands/validate') },
  enrich: { summary: 'kesu enrich <台账.xlsx> -o <输出.xlsx> [--as-of YYYY-MM-DD]   补全台账(写入副本)', load: () => import('./commands/enrich') },
  'import-plan': { summary: 'kesu import-plan <方案.txt|.md|.docx|.html> -o <台账.xlsx> [--json]   由方案生成台账', load: () => import('./commands/import-plan') },
  merge: { summary: 'kesu merge <文件或文件夹…> -o <合并.xlsx> [--as-of YYYY-MM-DD] [--json]   合并多份台账', load: () => import('./commands/merge') },
};

export function usage(): string {
  return ['用法:', ...Object.values(COMMANDS).map((c) => '  ' + c.summary)].join('\n');
}

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.out(usage() + '\n');
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`未知命令: ${name}\n${usage()}\n`);
    return 2;
  }
  return (await cmd.load()).run(rest, io);
}
