// Round trips and request sizes of the add-in's commands, counted by the
// in-memory gateway (which batches exactly as the Office.js gateway does) on
// the example ledger grown to 1,000 and 10,000 rows. Goals (issue 4): on
// 10,000 rows ≤ 4 syncs for 校验, ≤ 6 for 补全; every request under Excel on
// the web's 5 MB limit. Reads come in bands of 3,000 rows because responses
// are limited to 5 MB too (the 10,000-row ledger is 6.7 MB of values), so a
// 10,000-row 校验 costs 4 reads + 1 apply.
import { MemoryGateway, MemoryWorkbook } from '../addin/memory/gateway';
import { runValidate } from '../addin/commands/validate';
import { runEnrich, removeEnrich } from '../addin/commands/enrich';
import { acceptSuggestions, loadSuggestions } from '../addin/commands/directory';
import type { SyncStats } from '../addin/gateway';
import { AS_OF, bigLedger, exampleGrids, withTypos } from '../test/fixtures/addin/ledgers';

const LIMIT = 5 * 1024 * 1024;

export async function run(log: (s: string) => void): Promise<Record<string, number | string>> {
  const example = await exampleGrids();
  const out: Record<string, number | string> = {};
  let maxPayload = 0;
  const note = (label: string, s: SyncStats, ms: number) => {
    const max = s.payloads.length ? Math.max(...s.payloads) : 0;
    maxPayload = Math.max(maxPayload, max);
    log(`${label}: ${s.syncs} 次 sync，最大请求 ${(max / 1024).toFixed(1)} KB，合计 ${(s.payloads.reduce((a, b) => a + b, 0) / 1024).toFixed(1)} KB，值写入分 ${s.chunks} 块，${ms.toFixed(0)} ms`);
    return max;
  };
  for (const n of [1_000, 10_000]) {
    const tag = n === 1_000 ? '1k' : '10k';
    const { grids } = withTypos(bigLedger(example, n));
    const wb = MemoryWorkbook.fromGrids(grids);
    const gw = new MemoryGateway(wb);
    const steps: [string, string, () => Promise<unknown>][] = [
      ['validate', '校验', () => runValidate(gw, { asOf: AS_OF })],
      ['enrich', '补全', () => runEnrich(gw, { asOf: AS_OF })],
      ['enrich_rerun', '补全（再次运行）', () => runEnrich(gw, { asOf: AS_OF })],
      ['suggest_accept_all', '单位建议全部接受', async () => {
        const s = await loadSuggestions(gw, { asOf: AS_OF });
        gw.resetStats();
        if (s.ok) await acceptSuggestions(gw, s.value.map((x) => ({ suggestion: x, name: x.suggestions[0].name })));
      }],
      ['remove_enrich', '移除补全列', () => removeEnrich(gw)],
    ];
    for (const [key, label, fn] of steps) {
      gw.resetStats();
      const t0 = performance.now();
      await fn();
      const s = gw.stats();
      const max = note(`${n} 行 ${label}`, s, performance.now() - t0);
      out[`addin.${key}_syncs_${tag}`] = s.syncs;
      out[`addin.${key}_max_payload_bytes_${tag}`] = max;
    }
  }
  out['addin.max_payload_bytes'] = maxPayload;
  log(`目标：10k 行校验 ≤ 4 次 sync（实测 ${out['addin.validate_syncs_10k']}，其中读取分 4 段：Excel 网页版响应也限 5 MB），补全 ≤ 6 次（实测 ${out['addin.enrich_syncs_10k']}），单次请求 < 5 MB（最大 ${(maxPayload / 1024 / 1024).toFixed(2)} MB，${maxPayload < LIMIT ? '达标' : '超限'}）`);
  return out;
}
