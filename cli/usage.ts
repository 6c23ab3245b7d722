// Each command's usage line, in one place: the command prints its own on a
// usage error and `kesu --help` lists them all, so the two cannot drift apart.
// Kept apart from the commands so the help does not load every command.
export const USAGE = {
  owners: 'kesu owners "<责任单位文本>" [--directory 名录.xlsx] [--jurisdiction 成都市锦江区] [--json]',
  'parse-target': 'kesu parse-target "<目标文本>" [--json]',
  validate:
    'kesu validate <台账.xlsx> [--previous 上期台账.xlsx] [--as-of YYYY-MM-DD] [--jurisdiction 辖区] [--red-gap 30] [--yellow-gap 0] [--due-soon 30] [--unreported-light 黄|红] [--json]',
  enrich: 'kesu enrich <台账.xlsx> -o <输出.xlsx> [--as-of YYYY-MM-DD] [--jurisdiction 辖区] [--red-gap 30] [--yellow-gap 0] [--due-soon 30] [--unreported-light 黄|红] [--json]',
  'import-plan': 'kesu import-plan <方案.txt|.md|.docx|.html> -o <台账.xlsx> [--json]',
  merge: 'kesu merge <文件或文件夹…> -o <合并.xlsx> [--as-of YYYY-MM-DD] [--red-gap 30] [--yellow-gap 0] [--due-soon 30] [--unreported-light 黄|红] [--json]',
  report: 'kesu report <文件或文件夹…> -o <通报.docx> [--as-of YYYY-MM-DD] [--jurisdiction 辖区] [--period 报告期|全部] [--unit 单位] [--issuer 发文单位] [--json]',
  notices:
    'kesu notices <文件或文件夹…> -o <文件夹> [--unit 单位] [--as-of YYYY-MM-DD] [--jurisdiction 辖区] [--period 报告期|全部] [--issuer 督办单位] [--reply-by YYYY-MM-DD] [--json]',
} as const;

export type CommandName = keyof typeof USAGE;

/** 「用法: kesu …」 for one command. */
export const usageOf = (name: CommandName): string => `用法: ${USAGE[name]}`;
