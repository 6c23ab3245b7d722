// The per-text readings a judgement needs, cached through one object the
// caller creates and passes in (validate makes one per call, a merge one per
// batch): a ledger repeats the same status words, shares, progress texts and
// deadlines on hundreds of rows, and a batch repeats them across files. No
// module-level state: two callers never share a cache unless they pass the same one.
import type { CellValue } from '../model';
import { TextCache } from '../text-cache';
import { readDeadline, type DeadlineWords } from '../targets/deadline-words';
import { classifyPhrase } from './phrases';
import { readShare, type ShareRead } from './share';
import { readStatusWord, type StatusWord } from './status-words';
import type { WordKind } from './words';

export interface TextReading {
  /** What the text says; 'ongoing' for a report with no deciding words (开展活动23场). */
  kind: WordKind;
  /** The words that decided, or the start of the text when none did. */
  words: string;
}

/** Evidence from a text with no deciding words: its first characters. */
const SNIPPET = 24;
const snippet = (t: string) => (t.length > SNIPPET ? t.slice(0, SNIPPET) + '…' : t);

export class JudgeCache {
  readonly statusWords = new TextCache<StatusWord | 'unknown' | null>(readStatusWord);
  readonly texts = new TextCache<TextReading>((t) => {
    const p = classifyPhrase(t);
    return p.kind ? { kind: p.kind, words: p.words } : { kind: 'ongoing', words: snippet(t.trim()) };
  });
  private readonly shares = new TextCache<ShareRead>((t) => readShare(t));
  private readonly deadlines = new Map<number | null, TextCache<DeadlineWords>>();

  share(raw: CellValue): ShareRead {
    return typeof raw === 'string' ? this.shares.get(raw) : readShare(raw);
  }

  /** A 完成时限 cell read with the year that words without one refer to. */
  deadline(text: string, year: number | null): DeadlineWords {
    return this.deadlinesIn(year).get(text);
  }

  /** The deadline readings for one context year (a builder looks this up once, not per row). */
  deadlinesIn(year: number | null): TextCache<DeadlineWords> {
    let c = this.deadlines.get(year);
    if (!c) this.deadlines.set(year, (c = new TextCache((t) => readDeadline(t, { year }))));
    return c;
  }
}
