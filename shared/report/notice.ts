// The 督办单 as data: one per lagging lead unit (leadersReport's notices,
// shared/aggregate: a yellow, red or overdue task, or progress not updated),
// listing its tasks with the due date, the status and light, the evidence,
// and what is asked of each — in the form supervision offices use (承办单位,
// 督办事项, 督办要求, 办理时限, 反馈方式).
import type { LeadersReport, NoticeItem, NoticeReason, TaskFilter, UnitNotice } from '../aggregate';
import { keyOf, leadersReport, NONE, TaskContext } from '../aggregate';
import { zhCompare } from '../aggregate/collate';
import { basisText } from '../progress/basis';
import { asOfOf } from './bulletin';
import type { ReportTask } from './task';
import { dueText, lightCell, taskName } from './task-text';
import type { Block, ReportDocument } from './types';
import { ASK, ASK_STALE_TOO, cnDate, LIGHT_NAME, STATUS_PHRASE, W } from './words';
import type { Ask } from './words';

/** What a notice asks of one task, by why it is listed (red before yellow, overdue before red). */
export function askOf(item: Pick<NoticeItem<ReportTask>, 'task' | 'reasons'>): Ask {
  const { task: t, reasons } = item;
  if (reasons.includes('overdue')) return 'overdue';
  if (reasons.includes('red')) return t.status === '未填报' ? 'red-unreported' : 'red';
  if (reasons.includes('yellow')) return t.status === '未填报' ? 'yellow-unreported' : 'yellow';
  return 'stale';
}

/** The ask in words, with the reminder to update when the progress was copied too. */
export function askText(item: Pick<NoticeItem<ReportTask>, 'task' | 'reasons'>): string {
  const ask = askOf(item);
  return ASK[ask] + (ask !== 'stale' && item.reasons.includes('stale') ? ASK_STALE_TOO : '');
}

export interface NoticeOptions {
  /** 督办单位 (发文单位): named in 反馈方式 and under the text. */
  issuer?: string;
  /** The day the notice is issued (ISO). */
  issued?: string;
  /** The day the unit must answer by (ISO); 办理时限 is left for the office to fill when absent. */
  replyBy?: string;
}

/**
 * One unit's 督办单. The report is its jurisdiction's (a supervision office
 * sends notices to its own units): the source line names the report's period.
 */
export function buildNotice<T extends ReportTask>(notice: UnitNotice<T>, report: LeadersReport<T>, opts: NoticeOptions = {}): ReportDocument {
  const { counts, items } = notice;
  // the report's periods of the unit's jurisdictions (a report of one jurisdiction has one)
  const places = new Set(items.map((it) => keyOf(it.task, 'jurisdiction')));
  const periods = report.periods.filter((p) => places.has(p.jurisdiction));
  const place = [...places].filter((p) => p !== NONE).join('、');
  const period = [...new Set(periods.map((p) => p.period))].join('、') || W.unknownPeriod;
  const asOf = asOfOf(periods);
  const unreported = items.filter((it) => it.task.status === '未填报').length;
  const parts = [
    ...(counts.red ? [W.matterRed(counts.red, counts.overdue)] : []),
    ...(counts.yellow ? [W.matterYellow(counts.yellow)] : []),
    ...(counts.stale ? [W.matterStale(counts.stale)] : []),
  ].join('、');
  const asks = [
    ...(counts.red ? [W.noticeAsk.red(counts.red)] : []),
    ...(counts.yellow ? [W.noticeAsk.yellow(counts.yellow)] : []),
    ...(unreported ? [W.noticeAsk.unreported(unreported)] : []),
    ...(counts.stale ? [W.noticeAsk.stale(counts.stale)] : []),
  ].map((a, i) => `${i + 1}. ${a}`);
  const F = W.noticeFields;
  const blocks: Block[] = [
    {
      kind: 'form',
      rows: [
        { label: F.unit, value: [notice.unit] },
        { label: F.matter, value: [W.noticeMatter(parts)] },
        { label: F.asks, value: asks },
        { label: F.deadline, value: [opts.replyBy ? W.noticeDeadline(cnDate(opts.replyBy)) : ''] },
        { label: F.reply, value: [W.noticeReply(opts.issuer ?? '')] },
        { label: F.source, value: [W.noticeSource(place, period, asOf ? cnDate(asOf) : '')] },
      ],
    },
    { kind: 'heading', level: 1, text: W.noticeList },
    {
      kind: 'table',
      columns: W.noticeColumns.map((title, c) => ({ title, width: [0.9, 3.6, 1.8, 1.3, 1.2, 2.8, 2.8][c]!, align: c === 0 || c === 3 || c === 4 ? ('center' as const) : ('left' as const) })),
      rows: items.map((it) => {
        const t = it.task;
        return [
          t.id,
          taskName(t),
          dueText(t),
          STATUS_PHRASE[t.status],
          t.light === '绿' ? LIGHT_NAME[t.light] : lightCell(t.light, LIGHT_NAME[t.light]),
          basisText(t),
          askText(it),
        ];
      }),
    },
  ];
  return {
    title: W.noticeTitle,
    subtitle: [W.periodLine(place + period)],
    blocks,
    signature: [...(opts.issuer ? [opts.issuer] : []), ...(opts.issued ? [cnDate(opts.issued)] : [])],
  };
}

// Characters Windows refuses in a file name, and the C0 controls
// (learn.microsoft.com, "Naming Files, Paths, and Namespaces"), and the device
// names it reserves whatever the extension.
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f]/g;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const NAME_MAX = 80;

/** A name made safe as part of a file name on Windows (and everywhere else). */
export function safeFileName(name: string): string {
  let s = name.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim();
  const chars = [...s];
  if (chars.length > NAME_MAX) s = chars.slice(0, NAME_MAX).join('');
  s = s.replace(/[. ]+$/, '');
  if (!s) s = '_';
  return RESERVED.test(s) ? `_${s}` : s;
}

/**
 * The notices' file names, 督办单-<单位>.docx (督办单-<辖区>-<单位>.docx when the
 * notices are of several jurisdictions), distinct even where two names give
 * the same safe name or differ only in case (Windows and macOS do not tell
 * them apart).
 */
export function noticeFileNames(notices: readonly { jurisdiction: string | null; unit: string }[]): string[] {
  const several = new Set(notices.map((n) => n.jurisdiction)).size > 1;
  const seen = new Set<string>();
  return notices.map((n) => {
    const base = several ? W.noticeFileIn(safeFileName(n.jurisdiction ?? W.unknownPlace), safeFileName(n.unit)) : W.noticeFile(safeFileName(n.unit));
    let name = base;
    for (let i = 2; seen.has(name.toLowerCase()); i++) name = base.replace(/\.docx$/, `(${i}).docx`);
    seen.add(name.toLowerCase());
    return name;
  });
}

/** One 督办单 ready to write: whose it is, its file name, the document. */
export interface NoticeDoc {
  /** The unit's jurisdiction (null: the ledgers name none). */
  jurisdiction: string | null;
  unit: string;
  counts: Record<NoticeReason, number>;
  /** 督办单-<单位>.docx (noticeFileNames). */
  fileName: string;
  document: ReportDocument;
}

/**
 * The 督办单 of every lagging unit of the filtered tasks, jurisdiction by
 * jurisdiction: a supervision office writes to its own units, and 区科协 of
 * two districts are two units (leadersReport groups by the unit's name, so
 * each jurisdiction gets its own report).
 */
export function buildNotices<T extends ReportTask>(tasks: readonly T[], filter: TaskFilter, opts: NoticeOptions = {}, ctx: TaskContext<T> = new TaskContext(tasks)): NoticeDoc[] {
  const all = leadersReport(tasks, filter, ctx);
  const places = [...new Set(all.periods.map((p) => p.jurisdiction))].sort(zhCompare);
  const found: Omit<NoticeDoc, 'fileName'>[] = [];
  for (const place of places) {
    const report = filter.jurisdiction !== undefined ? all : leadersReport(tasks, { ...filter, jurisdiction: place }, ctx);
    for (const notice of report.notices)
      found.push({ jurisdiction: place === NONE ? null : place, unit: notice.unit, counts: notice.counts, document: buildNotice(notice, report, opts) });
  }
  const names = noticeFileNames(found);
  return found.map((n, i) => ({ ...n, fileName: names[i]! }));
}
