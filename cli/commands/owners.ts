// kesu owners "<文本>" [--directory 名录.xlsx] [--jurisdiction 成都市锦江区] [--json]
// Without --jurisdiction the context comes from the text itself: the names'
// own levels and places (市科技局、民族宗教局 → 市民族宗教局), see shared/owners.
import type { CliIO } from '../io';
import { parseArgs } from '../args';
import { usageOf } from '../usage';
import { createDirectory, defaultDirectory, directoryFromGrid, OWNER_RULE_LABEL, resolveOwners, type Directory } from '../../shared/owners';
import { DIRECTORY_SHEET } from '../../shared/ledger';
import { json, loadWorkbook, usageError } from './common';
import { MATCH_LABEL, table } from '../format';

const USAGE = usageOf('owners');

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['directory', 'jurisdiction']);
  const text = args.positionals.join(' ').trim();
  if (!text) return usageError(io, USAGE);
  if (args.flags.directory === true || args.flags.jurisdiction === true) return usageError(io, USAGE);
  const jurisdiction = typeof args.flags.jurisdiction === 'string' ? args.flags.jurisdiction : undefined;

  let dir: Directory;
  if (typeof args.flags.directory === 'string') {
    const file = args.flags.directory;
    const sheets = await loadWorkbook(file, io);
    if (!sheets) return 1;
    const grid = sheets.find((s) => s.name.trim() === DIRECTORY_SHEET) ?? sheets.find((s) => /名录/.test(s.name)) ?? sheets[0];
    const loaded = grid ? directoryFromGrid(grid) : { units: [], groups: [], findings: [] };
    if (!loaded.units.length) {
      io.err(`无法读取 ${file}: 没有找到单位名录(需要「单位名称」列)\n`);
      return 1;
    }
    dir = createDirectory(loaded.units, loaded.groups);
  } else dir = defaultDirectory(jurisdiction);

  const units = resolveOwners(text, dir, { jurisdiction }).map((m) => ({
    input: m.input,
    name: m.name,
    matched: m.matched,
    score: round(m.score),
    suggestions: m.suggestions.map((s) => ({ name: s.name, score: round(s.score) })),
    ...(m.rule ? { rule: m.rule } : {}),
    ...(m.members ? { members: m.members } : {}),
  }));
  if (args.flags.json) {
    json(io, { units });
    return 0;
  }
  const rows = [['输入', '规范名称', '匹配', '得分', '依据', '建议']];
  for (const u of units) {
    rows.push([
      u.input,
      u.name ?? '—',
      MATCH_LABEL[u.matched] ?? u.matched,
      u.score.toFixed(2),
      u.rule ? OWNER_RULE_LABEL[u.rule] : '',
      u.matched === 'exact' || u.matched === 'alias' ? '' : u.suggestions.slice(0, 3).map((s) => `${s.name}(${s.score.toFixed(2)})`).join('、'),
    ]);
  }
  io.out(table(rows).join('\n') + '\n');
  const unknown = units.filter((u) => u.matched === 'none' || u.matched === 'fuzzy').length;
  io.out(`共 ${units.length} 个单位` + (unknown ? `,${unknown} 个需要核对` : '') + '\n');
  return 0;
}

const round = (v: number) => Math.round(v * 1000) / 1000;
