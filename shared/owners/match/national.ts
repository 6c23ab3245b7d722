// National bodies answer in every directory (中国科协 is the same unit in every
// ledger): a directory without national units of its own falls back on the
// bundled national table. Built once from constant data, never changed.
import { NATIONAL } from '../../data';
import { buildIndex, type DirectoryIndex } from '../build';
import { direct } from './direct';
import type { OwnerMatch } from '../../model';

const NATIONAL_INDEX: DirectoryIndex = buildIndex(NATIONAL.units);

/** The national unit a name means, from the directory's own national units or the bundled ones. */
export function nationalMatch(index: DirectoryIndex, input: string, d: string): OwnerMatch | null {
  const own = index.byJurisdiction.has('国家');
  const ix = own ? index : NATIONAL_INDEX;
  const m = direct(ix, input, d, (u) => ix.units[u]!.jurisdiction === '国家');
  return m && m.name ? m : null;
}
