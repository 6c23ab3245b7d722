// Seed texts for the plan tests and small independent readers of what each
// seed writes, so expectations come from the documents, not from the importer.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPlan, type PlanImport } from '../../shared/plan';
import { seedPath, seedText, type SeedId } from '../support/paths';

export { seedPath, seedText, type SeedId };

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(here, '../fixtures/plan');

const cache = new Map<string, PlanImport>();
export function imported(id: SeedId): PlanImport {
  const hit = cache.get(id);
  if (hit) return hit;
  const r = importPlan(seedText(id), path.basename(seedPath(id)));
  if ('problem' in r) throw new Error(r.problem.message);
  cache.set(id, r);
  return r;
}

export const split = (s: string) =>
  s
    .split(/[、,，;；]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Seed 000: each numbered task's bracket as written → leads / partners (a 〔 may close with ）). */
export function seed000Owners(): { num: string; leads: string[]; partners: string[] }[] {
  const out: { num: string; leads: string[]; partners: string[] }[] = [];
  for (const line of seedText('000').split('\n')) {
    const m = /^(\d+)\.(.*)〔(.*)[〕)]\s*$/.exec(line.trim());
    if (!m) continue;
    const inner = m[3]!;
    const [lead, partner = ''] = inner.split(/[,、]?责任单位:/);
    out.push({ num: m[1]!, leads: split(lead!.replace('牵头单位:', '')), partners: split(partner) });
  }
  return out;
}

/** Seed 003: the annex items, their trailing parentheses split on 、. */
export function seed003Items(): { num: string; inner: string }[] {
  const text = seedText('003');
  const annex = text.slice(text.lastIndexOf('任务台账'));
  const out: { num: string; inner: string }[] = [];
  for (const line of annex.split('\n')) {
    const m = /^(\d+)\.(.*)\(([^()]*)\)\s*$/.exec(line.trim());
    if (m) out.push({ num: m[1]!, inner: m[3]! });
  }
  return out;
}

/** Seed 004: the annex table rows (cells one per line after a tab, rows split by blank lines). */
export function seed004Rows(): { category: string; name: string; leads: string; partners: string }[] {
  const text = seedText('004');
  const table = text.slice(text.indexOf('\t类别'));
  const rows: { category: string; name: string; leads: string; partners: string }[] = [];
  let category = '';
  for (const block of table.split(/\n *\n/)) {
    const cells = block.split('\n').filter((l) => l.includes('\t')).map((l) => l.split('\t')[1]!.trim());
    if (cells.length !== 4 || cells[0] === '类别') continue;
    if (cells[0]) category = cells[0];
    rows.push({ category, name: cells[1]!, leads: cells[2]!, partners: cells[3]! });
  }
  return rows;
}
