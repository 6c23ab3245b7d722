// Across the periods of one jurisdiction in a merge (the 2023年上半年 and
// 2023年下半年 ledgers of 锦江区 dropped together): a task whose progress text
// repeats the previous period's, and that is not done, gets progress.stale on
// its progress cell (docs/domain.md §8, 进展未更新). The matching and the folding
// are the core's (progress/stale.ts); here the files are paired by period and
// the findings placed.
import type { Finding } from '../model';
import { finding } from '../checks/messages';
import { findStaleProgress, periodPairs } from '../progress';
import type { MergedFile } from './file';

/** progress.stale findings of every file whose jurisdiction has an earlier period in the merge. */
export function staleAcrossPeriods(files: readonly MergedFile[]): Finding[] {
  const ok = files.map((f, i) => ({ f, i })).filter(({ f }) => f.report.status === 'ok' && f.tasks.length);
  if (ok.length < 2) return [];
  const pairs = periodPairs(ok.map(({ f }) => f.report.meta));
  const out: Finding[] = [];
  // By name, once: a find per match was 855 million comparisons on a national period (3,000 files, 285,000 stale tasks).
  const byName = new Map<string, MergedFile>();
  for (const f of files) if (f.tasks.length && !byName.has(f.report.file)) byName.set(f.report.file, f);
  for (const { current, previous } of pairs) {
    const cur = current.files.flatMap((k) => ok[k]!.f.tasks);
    const prev = previous.files.flatMap((k) => ok[k]!.f.tasks);
    for (const m of findStaleProgress(cur, prev)) {
      const file = byName.get(m.task.source.file);
      const cell = file?.progressCells?.[m.task.sheet];
      out.push(
        finding(
          'progress.stale',
          { file: m.task.source.file, sheet: m.task.sheet, row: m.task.row, column: cell?.column ?? null, col: cell?.col ?? null },
          { previous: `${m.previous.source.file} 第${m.previous.row}行` },
        ),
      );
    }
  }
  return out;
}
