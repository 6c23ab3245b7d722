// Issue 13, item 5: the add-in's 单位名录 suggestions and the dashboard's loader
// resolve owners with the same rules as the importer, because the ledger's own
// jurisdiction (its 说明 sheet, its title rows) reaches the core. A city's
// ledger written from a plan: bare names take 市, never a national body.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OwnerMatch, SheetGrid } from '../../shared/model';
import { readWorkbook, workbookReader, writeWorkbook } from '../../shared/io';
import { importPlan, isProblem, planToWorkbook } from '../../shared/plan';
import { mergeLedgers } from '../../shared/merge';
import { MemoryGateway, MemoryWorkbook } from '../../addin/memory/gateway';
import { ledgerFrom } from '../../addin/commands/context';
import { collectSuggestions } from '../../addin/commands/directory';
import { AS_OF } from '../fixtures/addin/ledgers';

const ZOO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/plans/zoo');

async function ledgerBytes(file: string): Promise<Uint8Array> {
  const imp = importPlan(readFileSync(path.join(ZOO, file), 'utf8'), file);
  if (isProblem(imp)) throw new Error(imp.problem.message);
  return writeWorkbook(planToWorkbook(imp));
}

const byInput = (ms: readonly OwnerMatch[], input: string) => ms.find((m) => m.input === input);

describe.each([
  ['a-city-2016-harbin.txt', '市'],
  ['k-county-2021-pingjiang.txt', '县'],
])('%s, written as a ledger and read back', (file, level) => {
  it('the add-in resolves every owner with the ledger’s jurisdiction and suggests nothing national', async () => {
    const read = await readWorkbook(await ledgerBytes(file), 'ledger.xlsx');
    if (!read.ok) throw new Error(read.problem.message);
    const grids: SheetGrid[] = read.sheets;
    const gw = new MemoryGateway(MemoryWorkbook.fromGrids(grids));
    const ctx = ledgerFrom(await gw.read({ active: true, names: ['单位名录'] }), { asOf: AS_OF });
    if (!ctx.ok) throw new Error(ctx.message);
    const owners = ctx.value.tasks.flatMap((t) => [...t.leads, ...t.partners]);
    expect(owners.length).toBeGreaterThan(10);
    expect(owners.filter((m) => m.matched === 'none' || m.matched === 'fuzzy').map((m) => m.input)).toEqual([]);
    for (const m of owners) expect(m.name ?? '').not.toMatch(/^(中国|国家|中华)/);
    expect(collectSuggestions(ctx.value)).toEqual([]);
    if (level === '市') {
      expect(byInput(owners, '气象局')?.name).toMatch(/^市气象局$|哈尔滨市气象局/);
      expect(byInput(owners, '民族宗教局')?.name).toMatch(/民族宗教局$/);
      expect(byInput(owners, '民族宗教局')?.name).not.toBe('民族宗教局');
    }
  });

  it('the dashboard’s loader (mergeLedgers) reads the same owners', async () => {
    const merged = await mergeLedgers([{ name: 'ledger.xlsx', bytes: await ledgerBytes(file) }], { read: workbookReader(), asOf: AS_OF });
    const owners = merged.tasks.flatMap((t) => [...t.leads, ...t.partners]);
    expect(owners.length).toBeGreaterThan(10);
    expect(owners.filter((m) => m.matched === 'none' || m.matched === 'fuzzy').map((m) => m.input)).toEqual([]);
    for (const m of owners) expect(m.name ?? '').not.toMatch(/^(中国|国家|中华)/);
  });
});
