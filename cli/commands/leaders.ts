// What kesu report and kesu notices share: the ledgers (files and folders, as
// kesu merge reads them) merged and judged, and the leaders' filter from the
// flags (--jurisdiction, --period, --unit; by default each jurisdiction's
// latest period, as the dashboard opens).
import type { CliIO } from '../io';
import { facets, LATEST } from '../../shared/aggregate';
import type { FilterKey, TaskFilter } from '../../shared/aggregate';
import { workbookReader } from '../../shared/io';
import { isoDate, mergeLedgers } from '../../shared/merge';
import type { MergedTask } from '../../shared/merge';
import { resolveSettings } from '../../shared/progress';
import type { ProgressSettings } from '../../shared/progress';
import { parseAsOf, settingsFromFlags, SETTING_FLAGS, today } from './common';
import { expandInputs, MERGE_EXTENSIONS, mergeInputs } from './merge';

/** The flags taking a value that both commands read. */
export const LEADER_FLAGS = ['as-of', 'jurisdiction', 'period', 'unit', 'issuer', ...Object.keys(SETTING_FLAGS)];

/** --period 全部: every period added up (the dashboard's 全部). */
export const ALL_PERIODS = '全部';

export interface Leaders {
  tasks: MergedTask[];
  /** Every file read (folders expanded): no output may be one of them, by any name. */
  inputs: string[];
  filter: TaskFilter;
  /** The thresholds the tasks were judged with (the 设置 sheets, then the flags). */
  settings: ProgressSettings;
  /** The day the documents are dated (today), ISO. */
  issued: string;
  issuer?: string;
}

/** The merged, judged tasks and the filter; or the exit code after saying why not. */
export async function loadLeaders(positionals: string[], flags: Record<string, string | true>, io: CliIO, usage: string): Promise<Leaders | number> {
  const given = parseAsOf(flags['as-of']);
  if (given === null) {
    io.err(`--as-of 应为 YYYY-MM-DD 格式的日期,如 2023-06-30\n${usage}`);
    return 2;
  }
  const set = settingsFromFlags(flags);
  if (set.error !== undefined) {
    io.err(`${set.error}\n${usage}`);
    return 2;
  }
  for (const f of ['jurisdiction', 'period', 'unit', 'issuer'])
    if (flags[f] === true || (typeof flags[f] === 'string' && !flags[f].trim())) {
      io.err(`--${f} 后缺少值\n${usage}`);
      return 2;
    }
  const expanded = await expandInputs(positionals, io, null);
  const inputs = mergeInputs(expanded, io);
  if (!inputs.length) {
    io.err(`所给文件夹中没有台账文件(${MERGE_EXTENSIONS.join(' ')})。\n`);
    return 1;
  }
  // as kesu merge: --as-of judges every ledger as of that day, else each as of its own 截至日期
  const result = await mergeLedgers(inputs, { read: workbookReader(), asOf: given ?? today(io), asOfPerFile: given === undefined, settings: set.settings });
  for (const f of result.files) if (f.status !== 'ok') io.err(`未能读取 ${f.file}: ${f.reason ?? f.status}\n`);
  if (!result.tasks.length) {
    io.err('所给台账中没有可汇总的任务。\n');
    return 1;
  }
  const text = (k: string): string | undefined => (typeof flags[k] === 'string' ? (flags[k] as string).trim() : undefined);
  const period = text('period');
  const filter: TaskFilter = {
    period: period === undefined ? LATEST : period === ALL_PERIODS ? undefined : period,
    ...(text('jurisdiction') ? { jurisdiction: text('jurisdiction') } : {}),
    ...(text('unit') ? { unit: text('unit') } : {}),
  };
  // a value the ledgers do not have would give an empty document: say what they have
  const known = facets(result.tasks);
  for (const [key, flag] of [['jurisdiction', '--jurisdiction'], ['period', '--period'], ['unit', '--unit']] as [FilterKey, string][]) {
    const v = filter[key];
    if (v === undefined || v === LATEST || known[key].includes(v)) continue;
    const list = known[key].slice(0, 20).join('、') + (known[key].length > 20 ? ` 等 ${known[key].length} 个` : '');
    io.err(`所给台账中没有「${v}」(${flag});台账中有:${list}${key === 'period' ? `,或写 ${ALL_PERIODS}` : ''}\n`);
    return 1;
  }
  return {
    tasks: result.tasks,
    inputs: expanded.map((f) => f.path),
    filter,
    settings: resolveSettings(result.settings, set.settings),
    issued: isoDate(today(io)),
    issuer: text('issuer'),
  };
}

/** The filter in words, for the command's summary: 各辖区最新一期 · 区科协. */
export function filterText(f: TaskFilter): string {
  return [f.jurisdiction, f.period ?? ALL_PERIODS, f.unit].filter(Boolean).join(' · ');
}
