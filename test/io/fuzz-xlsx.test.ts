// Fuzz test of the .xlsx reader: a few hundred damaged copies of the
// repository's own workbooks (test/fixtures/bad, one written here with
// writeWorkbook, and hand-built packages as other programs write them), from
// a fixed seed. Each is read in a worker thread with a heap limit and a time
// limit (scripts/worker-pool.ts), so a hang or a runaway allocation is caught
// and named instead of stopping the suite. Every read must end in a result:
// no exception, no hang, heap under the cap, and whatever it says names the
// file in Chinese with no library internals.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../shared/io';
import type { CellValue } from '../../shared/model';
import { messageFaults } from '../../scripts/message-check';
import type { ReadAnswer, ReadJob } from '../../scripts/read-worker';
import { runPool } from '../../scripts/worker-pool';
import { NS, PKG_RELS, R, STRICT_NS, baseParts, pkg, rels, utf16 } from '../support/xlsx-package';
import { mutant } from '../support/xlsx-mutants';

const MUTANTS = 320;
const SEED = 20_240_614;
/** Per read. A sound read of these files takes milliseconds; a slow machine gets a wide margin. */
const TIMEOUT_MS = 15_000;
/** Heap the reader may use for one of these small files (JS heap and buffers, before collection). */
const HEAP_CAP_MB = 400;

const fixtures = path.join(__dirname, '..', 'fixtures', 'bad');

async function bases(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const zips = readdirSync(fixtures)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(fixtures, f))) }))
    .filter((f) => f.bytes[0] === 0x50 && f.bytes[1] === 0x4b);
  const rows: CellValue[][] = [['序号', '重点任务', '牵头单位', '完成时限', '完成值', '截至日期']];
  for (let i = 0; i < 40; i++) rows.push([i + 1, `开展科普活动 <第${i + 1}项> & "进校园"`, '区科协', i % 3 ? '每年' : '2023年底', i * 1.5, new Date(Date.UTC(2023, i % 12, 1))]);
  const ledger = await writeWorkbook({
    sheets: [
      { name: '任务台账', rows, merges: [{ top: 1, left: 2, bottom: 4, right: 2 }], headerRow: 0 },
      { name: '单位名录', rows: [['单位'], ['区科协']], state: 'hidden' },
    ],
  });
  const p = baseParts();
  const foreign = pkg({
    '_rels/.rels': `<ns0:Relationships xmlns:ns0='${PKG_RELS}'><ns0:Relationship Id='rId1' Type='${R}/officeDocument' Target='/xl/workbook.xml'/></ns0:Relationships>`,
    'xl/_rels/workbook.xml.rels': utf16(rels(`<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>`, `<Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`)),
    'xl/sharedStrings.xml': `<sst xmlns="${NS}"><si><t>前</t><r><t>后</t></r></si></sst>`,
    'xl/worksheets/sheet1.xml': (p['xl/worksheets/sheet1.xml'] as string).replace('</row>', '<c r="C1" t="s"><v>0</v></c></row>'),
  });
  const strict = pkg({ 'xl/workbook.xml': (p['xl/workbook.xml'] as string).replace(NS, STRICT_NS), 'xl/worksheets/sheet1.xml': (p['xl/worksheets/sheet1.xml'] as string).replace(NS, STRICT_NS) });
  return [...zips, { name: 'ledger.xlsx', bytes: ledger }, { name: 'foreign.xlsx', bytes: foreign }, { name: 'strict.xlsx', bytes: strict }];
}

describe('fuzz: damaged workbooks', () => {
  it(`${MUTANTS} mutants from seed ${SEED}: a Chinese result naming the file, never a crash, hang or runaway heap`, async () => {
    const from = await bases();
    const jobs: (ReadJob & { kind: string })[] = Array.from({ length: MUTANTS }, (_, i) => {
      const base = from[i % from.length];
      const m = mutant(base.bytes, SEED + i);
      // The name varies too: the message must quote whatever the user's file is called.
      return { name: `损坏${i}-${base.name}`, bytes: m.bytes, kind: `${base.name} ${m.kind}` };
    });
    const t0 = Date.now();
    const outcomes = await runPool<ReadJob, ReadAnswer>(new URL('../../scripts/read-worker.ts', import.meta.url), jobs.map(({ name, bytes }) => ({ name, bytes })), {
      workers: 2,
      timeoutMs: TIMEOUT_MS,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_CAP_MB },
    });
    const faults: string[] = [];
    const kinds = new Map<string, number>();
    outcomes.forEach((o, i) => {
      const { name, kind } = jobs[i];
      const k = kind.split(' ')[1];
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
      if (o.kind !== 'done') return void faults.push(`${kind}: ${o.kind}${o.kind === 'crashed' ? ` ${o.error}` : ''}`);
      const { result: r, heapMb } = o.value;
      if (heapMb > HEAP_CAP_MB) faults.push(`${kind}: heap ${heapMb} MB`);
      const said = r.ok ? r.warnings.map((w) => w.message) : [r.problem.message];
      for (const m of said) for (const f of messageFaults(m, name)) faults.push(`${kind}: ${f} — ${m}`);
      if (r.ok) expect(r.sheets.length).toBeGreaterThan(0);
    });
    expect(faults).toEqual([]);
    // Every kind of damage was tried.
    expect([...kinds.keys()].sort()).toEqual([
      'xml:bad-entities',
      'xml:cut-tag',
      'xml:deep-nesting',
      'xml:huge-attribute',
      'xml:rename-part',
      'xml:wrong-namespace',
      'zip:break-directory',
      'zip:flip-in-entry',
      'zip:truncate',
      'zip:wrong-size',
    ]);
    expect(Date.now() - t0).toBeLessThan(50_000);
  }, 60_000);
});
