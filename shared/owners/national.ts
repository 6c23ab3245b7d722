// National names that are complete without a level prefix (docs/domain.md §4:
// "expand only when the bare name is not itself a full name"): 中国科协, 教育部,
// 共青团中央 … from the bundled seed-003 table. Short forms ending in 局 or 委
// (统计局, 气象局, 卫生健康委) are left out: in a local enumeration such as
// 市教育局、统计局 they mean the local unit, so the shared prefix applies.
import { NATIONAL } from '../data/national';

const FULL = new Set<string>();
for (const u of NATIONAL.units) {
  for (const n of [u.name, ...u.aliases]) {
    if (/总局$/.test(n) || !/(局|委)$/.test(n)) FULL.add(n);
  }
}

export function isNationalName(display: string): boolean {
  return FULL.has(display);
}
