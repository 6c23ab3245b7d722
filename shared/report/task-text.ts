// How one task reads in the documents: its deadline, its status with its
// light, and why it is red (the 通报's red list) — words from words.ts.
import type { Light } from '../model';
import { basisText } from '../progress/basis';
import { LIGHT_FILL, LIGHT_FONT } from '../progress/light';
import { unitKeys } from '../aggregate/keys';
import type { ReportTask } from './task';
import type { Cell } from './types';
import { cnDate, cnPercent, LIGHT_NAME, STATUS_PHRASE, W } from './words';

/** 完成时限 as the ledger wrote it, else the due day the judging read, else 长期. */
export function dueText(t: ReportTask): string {
  return t.deadlineText.trim() || (t.due ? cnDate(t.due) : W.noDue);
}

/** 逾期（红灯） */
export function standing(t: Pick<ReportTask, 'status' | 'light'>): string {
  return `${STATUS_PHRASE[t.status]}（${LIGHT_NAME[t.light]}）`;
}

/** The task's name in a table: its 重点任务, else the start of its 任务内容. */
export function taskName(t: ReportTask): string {
  return t.title.trim() || t.content.trim();
}

/** The lead units as the dashboard names them, joined. */
export function leadText(t: ReportTask): string {
  return unitKeys(t).join('、');
}

/** Why a task stands as it does: the status's reason, then the evidence that decided. */
export function reasonOf(t: ReportTask): string {
  const due = t.due ? cnDate(t.due) : t.deadlineText.trim();
  const a = t.status === '滞后' ? (t.progress === null ? '' : cnPercent(t.progress)) : due;
  const b = t.status === '滞后' && t.expected !== null ? cnPercent(t.expected) : '';
  const reason = W.reason[t.status](a, b);
  const basis = t.basis === 'none' ? '' : W.evidence(basisText(t));
  return reason + basis || basisText(t);
}

/** A cell in a light's colours (the pale fills the enriched ledger uses). */
export function lightCell(light: Light, text: string): Cell {
  return { text, fill: LIGHT_FILL[light], color: LIGHT_FONT[light] };
}
