// Seed texts for the owner tests. Parsers here only cut the owner text out;
// they do not decide anything the tests assert.
import { seedText as rawSeedText, type SeedId } from '../support/paths';

export function seedText(id: SeedId): string {
  return rawSeedText(id).replace(/\r\n?/g, '\n');
}

/** Seed 000: each task's owner bracket 〔…〕, including the one closed by ）. */
export function seed000Brackets(): { task: string; text: string }[] {
  const out: { task: string; text: string }[] = [];
  let task = '';
  for (const line of seedText('000').split('\n')) {
    const head = /^(\d+)\.|^\(([一二三四])\)/.exec(line.trim());
    if (head) task = head[1] ?? `保障措施${head[2]}`;
    const m = /〔([^〔〕]*?)[〕)）]\s*$/.exec(line);
    if (m && /单位/.test(m[1])) out.push({ task, text: m[1] });
  }
  return out;
}

/** Seed 003: the 67 ledger items and their trailing parentheses. */
export function seed003Items(): { item: number; owners: string }[] {
  const t = seedText('003');
  const annex = t.slice(t.lastIndexOf('任务台账'));
  const out: { item: number; owners: string }[] = [];
  for (const line of annex.split('\n')) {
    const m = /^\s*(\d+)\.(.*)[(（]([^()（）]+)[)）]\s*$/.exec(line);
    if (m) out.push({ item: Number(m[1]), owners: m[3] });
  }
  return out;
}

/** Seed 004: the annex table's 牵头部门 / 责任部门 cells. */
export function seed004Cells(): { row: string; role: '牵头部门' | '责任部门'; text: string }[] {
  const t = seedText('004');
  const table = t.slice(t.lastIndexOf('类别'));
  const out: { row: string; role: '牵头部门' | '责任部门'; text: string }[] = [];
  let row = '';
  let nextRole: '牵头部门' | '责任部门' = '牵头部门';
  for (const raw of table.split('\n')) {
    const line = raw.trim();
    if (/^\d．实施/.test(line)) {
      row = line;
      nextRole = '牵头部门';
    } else if (row && /^(区|团区委)/.test(line)) {
      out.push({ row, role: nextRole, text: line });
      nextRole = '责任部门';
    }
  }
  return out;
}
