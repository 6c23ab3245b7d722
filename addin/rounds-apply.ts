// A whole change as rounds (see rounds.ts): the batches planBatches fixes,
// with the lookups they need riding on the round before, and Excel's
// refusals handled (a highlight id gone or moved is found again in the same
// run; a refused note costs only itself). Sources: docs/addin.md.
import type { CellValue } from '../shared/model';
import type { ApplyReport, Capabilities } from './gateway';
import type { Op } from './ops';
import { jsonBytes, planBatches, type Limits } from './batches';
import { errorCode, textForExcel } from './excel-rules';
import { deletionOrder } from './highlights';
import { cellA1 } from './a1';
import { ADDIN_MESSAGES, hostFailure } from './messages';
import type { Counters, NoteWrite, RoundHost, WriteOp, WriteReply, WriteRound } from './rounds';

/** Text leaves as text, dates as ISO days (Excel stores those as dates), numbers and booleans as they are. */
function prepareValue(v: CellValue): CellValue {
  if (typeof v === 'string') return textForExcel(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}

function prepare(op: Op): Op {
  if (op.kind === 'values') return { ...op, values: op.values.map((r) => r.map(prepareValue)) };
  if (op.kind === 'clearHighlights' && op.ids) return { ...op, ids: deletionOrder(op.ids) };
  return op;
}

/** Kinds a batch can run twice without harm (so a batch that failed on a stale highlight id can be rerun). */
const IDEMPOTENT = new Set<Op['kind']>(['values', 'format', 'validationList', 'activate', 'select']);

const emptyRound = (): WriteRound => ({ ops: [], findHighlights: [], findNotes: [], findComments: [], locateComments: [] });

/**
 * A whole change, in the batches planBatches fixes. Lookups ride on the round
 * before the one that needs them where there is one, so a change with notes
 * costs no extra round trip (one more only when the sheet has comment
 * threads, whose cells take a second lookup). A refused note or comment
 * costs only itself: the values written before it stay, with a notice.
 */
export async function runApply(host: RoundHost, ops: Op[], caps: Capabilities, limits: Limits, counters: Counters): Promise<ApplyReport> {
  const batches = planBatches(ops.map(prepare), limits);
  const report: ApplyReport = { syncs: 0, payloads: [], chunks: 0, warnings: [] };
  const start = counters.stats.syncs;
  const warn = (text: string) => {
    if (!report.warnings.includes(text)) report.warnings.push(text);
    counters.notice(text);
  };
  const round = async (r: WriteRound, bytes: number): Promise<WriteReply> => {
    counters.sync(bytes);
    report.payloads.push(bytes);
    return host.write(r);
  };
  const notesCan = caps.notes || caps.comments;
  let ride: WriteReply | null = null;

  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b];
    const next = batches[b + 1];
    const isNotes = batch.ops.every((o) => o.kind === 'note');
    if (isNotes && !notesCan) {
      warn(ADDIN_MESSAGES.noComments());
      continue;
    }
    const r: WriteRound = emptyRound();
    // The next batch's note lookups ride on this round.
    if (next && next.ops.every((o) => o.kind === 'note') && notesCan) Object.assign(r, noteLookups(next.ops, caps));
    let writes: WriteOp[];
    if (isNotes) {
      let info = ride;
      if (!info) info = await round({ ...emptyRound(), ...noteLookups(batch.ops, caps) }, jsonBytes(noteLookups(batch.ops, caps)));
      info = await locateThreads(info, round);
      writes = resolveNotes(batch.ops as Extract<Op, { kind: 'note' }>[], info, caps);
    } else {
      writes = batch.ops as WriteOp[];
      // Clearing highlights without ids: find them in this same run first.
      const lookup = [...new Set(writes.flatMap((o) => (o.kind === 'clearHighlights' && !o.ids ? [o.sheet] : [])))];
      if (lookup.length) {
        const found = await round({ ...emptyRound(), findHighlights: lookup }, jsonBytes(lookup));
        writes = withIds(writes, found.highlights);
      }
    }
    r.ops = writes;
    try {
      ride = await round(r, batch.bytes);
    } catch (e) {
      if (isNotes) {
        // A refused note costs only itself: the values are written, and the other cells keep their records.
        await retryNotes(writes as NoteWrite[], e, caps, round, warn);
        ride = null;
        continue;
      }
      if (!(errorCode(e) === 'ItemNotFound' && rerunnable(writes))) throw e;
      // A highlight id from the read is gone or moved: find ours now, in this run, and delete those.
      const sheets = [...new Set(writes.flatMap((o) => (o.kind === 'clearHighlights' ? [o.sheet] : [])))];
      const found = await round({ ...emptyRound(), findHighlights: sheets }, jsonBytes(sheets));
      ride = await round({ ...r, ops: withIds(writes, found.highlights) }, batch.bytes);
    }
    report.chunks += batch.chunks;
  }
  report.syncs = counters.stats.syncs - start;
  counters.stats.chunks += report.chunks;
  return report;
}

function noteLookups(ops: Op[], caps: Capabilities): Pick<WriteRound, 'findNotes' | 'findComments'> {
  const cells = ops.flatMap((o) => (o.kind === 'note' ? [{ sheet: o.sheet, row: o.row, col: o.col }] : []));
  return {
    findNotes: caps.notes ? cells : [],
    findComments: caps.comments ? [...new Set(cells.map((c) => c.sheet))] : [],
  };
}

/** Where the sheets have comment threads, one more round finds their cells. */
async function locateThreads(info: WriteReply, round: (r: WriteRound, bytes: number) => Promise<WriteReply>): Promise<WriteReply> {
  const ids = Object.values(info.comments).flat();
  if (!ids.length) return info;
  const got = await round({ ...emptyRound(), locateComments: ids }, jsonBytes(ids));
  return { ...info, commentCells: got.commentCells };
}

function resolveNotes(ops: Extract<Op, { kind: 'note' }>[], info: WriteReply, caps: Capabilities): NoteWrite[] {
  const threads = new Map<string, string>();
  for (const [id, c] of Object.entries(info.commentCells ?? {})) if (c) threads.set(`${c.sheet}|${c.row},${c.col}`, id);
  const writes = ops.map((o, i): NoteWrite => {
    const base = { kind: 'noteWrite' as const, sheet: o.sheet, row: o.row, col: o.col };
    const thread = threads.get(`${o.sheet}|${o.row},${o.col}`);
    // A cell holds a note or a comment thread, never both, never two: add to what is there.
    if (thread) return { ...base, text: o.text, how: 'reply' as const, commentId: thread };
    if (!caps.notes) return { ...base, text: o.text, how: 'addComment' as const };
    const existing = info.notes[i] ?? null;
    return existing === null ? { ...base, text: o.text, how: 'addNote' as const } : { ...base, text: `${existing}\n${o.text}`, how: 'appendNote' as const };
  });
  // Additions to what is there first: they cannot meet a cell that is taken, so a refused addition comes after them.
  const adds = (w: NoteWrite) => w.how === 'addNote' || w.how === 'addComment';
  return [...writes.filter((w) => !adds(w)), ...writes.filter(adds)];
}

/**
 * A notes round Excel refused (a cell with an older note that an Excel
 * without ExcelApi 1.18 cannot see, say): the ops before the refused one are
 * in, the rest are not. Look again at the cells still to add to, add to each
 * alone, and name the cells that still refuse.
 */
async function retryNotes(
  writes: NoteWrite[],
  first: unknown,
  caps: Capabilities,
  round: (r: WriteRound, bytes: number) => Promise<WriteReply>,
  warn: (text: string) => void,
): Promise<void> {
  const adds = writes.filter((w) => w.how === 'addNote' || w.how === 'addComment');
  if (!adds.length) return warn(ADDIN_MESSAGES.commentFailed({ why: hostFailure(first).text }));
  let info = await round({ ...emptyRound(), ...noteLookups(adds.map((w) => ({ kind: 'note', sheet: w.sheet, row: w.row, col: w.col, text: w.text })), caps) }, jsonBytes(adds.length));
  info = await locateThreads(info, round);
  const taken = new Set(Object.values(info.commentCells ?? {}).flatMap((c) => (c ? [`${c.sheet}|${c.row},${c.col}`] : [])));
  const refused: string[] = [];
  let why = hostFailure(first).text;
  for (const [i, w] of adds.entries()) {
    if (info.notes[i] != null || taken.has(`${w.sheet}|${w.row},${w.col}`)) continue;
    try {
      await round({ ...emptyRound(), ops: [w] }, jsonBytes(w));
    } catch (e) {
      refused.push(cellA1(w.row, w.col));
      why = hostFailure(e).text;
    }
  }
  if (refused.length) warn(ADDIN_MESSAGES.commentFailedAt({ cells: refused, why }));
}

function withIds(ops: WriteOp[], found: Record<string, string[]>): WriteOp[] {
  return ops.map((o) => (o.kind === 'clearHighlights' ? { ...o, ids: deletionOrder(found[o.sheet] ?? []) } : o));
}

/** Whether a batch that failed on a highlight id can run again: nothing before the clearing changes anything twice. */
function rerunnable(ops: WriteOp[]): boolean {
  const at = ops.findIndex((o) => o.kind === 'clearHighlights' && !!o.ids);
  return at >= 0 && ops.slice(0, at).every((o) => IDEMPOTENT.has(o.kind as Op['kind']));
}
