// Display keys of a task for each filter dimension: the canonical population or
// project, the lead units (resolved name, else the words written), NONE for blanks.
import type { AggTask, FilterKey } from './types';
import { NONE } from './types';

export function populationKey(t: AggTask): string {
  return t.population?.canonical ?? NONE;
}

export function projectKey(t: AggTask): string {
  return t.project?.canonical ?? NONE;
}

/** A lead unit as the dashboard names it: the resolved name, else the words written. */
function leadKey(l: AggTask['leads'][number]): string {
  return (l.name ?? l.input).trim();
}

/** The lead units of a task, each once, blanks left out. */
export function unitKeys(t: AggTask): string[] {
  const out: string[] = [];
  for (const l of t.leads) {
    const k = leadKey(l);
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}

/** The dimensions a task has one key of (a task may have several lead units; change is about two periods). */
export type KeyDim = Exclude<FilterKey, 'unit' | 'change'>;

export function keyOf(t: AggTask, dim: KeyDim): string {
  switch (dim) {
    case 'jurisdiction':
      return t.meta.jurisdiction ?? NONE;
    case 'period':
      return t.meta.period ?? NONE;
    case 'population':
      return populationKey(t);
    case 'project':
      return projectKey(t);
    case 'status':
      return t.status;
    case 'light':
      return t.light;
  }
}

/** Place of a key in a canonical order (populations, projects); others after, NONE last. */
export function rankIn(order: readonly string[], k: string): number {
  const i = order.indexOf(k);
  return i >= 0 ? i : k === NONE ? order.length + 1 : order.length;
}
