// resolveOwners: one owner field → one OwnerMatch per unit it names. Splits,
// expands a shared level prefix along an enumeration (市委宣传部、市科技局、
// 民族宗教局 → 市民族宗教局; 由自治区教育厅、科协、团委牵头 → 自治区科协,
// 自治区团委), then looks each name up. This is what ledger checks, plan import
// and the CLI call.
import type { OwnerMatch } from '../model';
import type { Directory, LookupContext } from './directory';
import { rulesOnly } from './directory';
import { displayName } from './normalize';
import { groupKeyOf, innerLevelOf, jurisdictionForms, levelOfJurisdiction, levelPrefixOf, looksNational } from './rules';
import { splitOwners } from './split';
import { isNationalName } from './national';

/** Party-committee departments: after 区委宣传部, a bare 统战部 means 区委统战部. */
const PARTY_DEPARTMENTS = /^(组织部|宣传部|统战部|政法委|编办|网信办|社治委|老干局|党校|办公室|政研室|改革办|外办|台办|610办)$/;

export interface ResolveContext {
  jurisdiction?: string;
}

export function resolveOwners(text: string, dir: Directory | null, ctx?: ResolveContext): OwnerMatch[] {
  const names = splitOwners(typeof text === 'string' ? text : '');
  const lctx: LookupContext = ctx?.jurisdiction ? { jurisdiction: ctx.jurisdiction } : {};
  const knownJ = dir && ctx?.jurisdiction ? (dir.resolveJurisdiction?.(ctx.jurisdiction) ?? null) : (dir?.defaultJurisdiction ?? null);
  const jForms = knownJ ? jurisdictionForms(knownJ) : ctx?.jurisdiction ? jurisdictionForms(ctx.jurisdiction) : [];
  let shared: { level: string; party: boolean } | null = null;
  return names.map((name) => {
    const d = displayName(name);
    const own = levelPrefixOf(d);
    const inner = innerLevelOf(d);
    let expanded: string | null = null;
    if (groupKeyOf(d)) {
      // A group word ends nothing: 各街道 keeps the prefix for what follows.
    } else if (own) {
      shared = { level: own, party: d.startsWith(own + '委') && d.length > own.length + 1 };
    } else if (inner) {
      shared = { level: inner, party: false };
    } else if (shared && !isFullName(d, dir, jForms)) {
      expanded = (shared.party && PARTY_DEPARTMENTS.test(d) ? shared.level + '委' : shared.level) + d;
    }
    if (!expanded) return look(name, dir, lctx);
    const m = look(expanded, dir, lctx);
    const rule = m.rule && m.rule !== 'rules-only' ? `prefix-expansion+${m.rule}` : 'prefix-expansion';
    if (m.matched === 'none') {
      // The expansion found nothing; the bare name may still be known as written.
      const plain = look(name, dir, lctx);
      if (plain.matched !== 'none') return plain;
      return { ...m, input: name, rule };
    }
    return {
      ...m,
      input: name,
      name: m.name ?? expanded,
      matched: m.matched === 'exact' || m.matched === 'alias' ? 'rule' : m.matched,
      score: Math.min(m.score, 0.9),
      rule,
    };
  });
}

function look(name: string, dir: Directory | null, ctx: LookupContext): OwnerMatch {
  if (dir) return dir.lookup(name, ctx);
  const d = displayName(name);
  const prefix = ctx.prefix ?? (ctx.jurisdiction ? levelOfJurisdiction(ctx.jurisdiction) : '');
  return rulesOnly(name, d, prefix || null);
}

/**
 * A bare name that must not get the enumeration's prefix: a national name
 * (中国科协, 教育部), a name the directory knows as written, or one that starts
 * with the jurisdiction (锦江生态环境局).
 */
function isFullName(d: string, dir: Directory | null, jForms: string[]): boolean {
  if (looksNational(d) || isNationalName(d)) return true;
  if (jForms.some((f) => d.startsWith(f))) return true;
  if (dir?.isKnownName?.(d) && !/(局|委)$/.test(d)) return true;
  return false;
}
