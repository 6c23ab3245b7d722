// kesu parse-target "<文本>" [--json]
import type { CliIO } from '../io';
import { parseArgs } from '../args';
import { usageOf } from '../usage';
import { parseTargets } from '../../shared/targets';
import { json, usageError } from './common';
import { COMPARATOR_LABEL, table } from '../format';

const USAGE = usageOf('parse-target');

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv);
  const text = args.positionals.join(' ').trim();
  if (!text) return usageError(io, USAGE);
  const targets = parseTargets(text).map((t) => ({
    text: t.text,
    value: t.value,
    unit: t.unit,
    comparator: t.comparator,
    stretch: t.stretch,
    year: t.year,
    recurrence: t.recurrence,
  }));
  if (args.flags.json) {
    json(io, { targets });
    return 0;
  }
  if (!targets.length) {
    io.out('没有量化目标(定性任务)\n');
    return 0;
  }
  const rows = [['原文', '目标值', '单位', '比较', '力争', '年份', '周期']];
  for (const t of targets)
    rows.push([t.text, String(t.value), t.unit, COMPARATOR_LABEL[t.comparator] ?? t.comparator, t.stretch === null ? '' : String(t.stretch), t.year === null ? '' : `${t.year}年`, t.recurrence === 'annual' ? '每年' : '']);
  io.out(table(rows).join('\n') + '\n');
  return 0;
}
