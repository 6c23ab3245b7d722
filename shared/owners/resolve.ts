// resolveOwners: one owner field → one OwnerMatch per unit it names. Splits the
// field, gives each name its context (context.ts: the enumeration, the
// document's jurisdiction, the directory), gives a bare name the level prefix
// of its context (市委宣传部、市科技局、民族宗教局 → 市民族宗教局; 气象局 in a city
// plan → 市气象局), then looks each name up. This is what ledger checks, plan
// import, the add-in and the CLI call.
import type { OwnerMatch, OwnerRule } from '../model';
import { contextsOf, type ContextSource, type NameContext } from './context';
import type { Directory, LookupContext } from './directory';
import { displayName } from './normalize';
import { prefixed, rulesOnly } from './match/rules-only';
import { SCORE } from './match/result';
import { isNationalWord } from './match/scope';
import { jurisdictionForms, levelOfJurisdiction } from './rules';
import { splitOwners } from './split';

export interface ResolveContext {
  /** The document's or ledger's own jurisdiction (plan title, title rows, 说明 sheet). */
  jurisdiction?: string | null;
  /** Names written before this field that count as its neighbours (a division's leads, for its partners). */
  before?: string;
}

export function resolveOwners(text: string, dir: Directory | null, ctx?: ResolveContext): OwnerMatch[] {
  const names = splitOwners(typeof text === 'string' ? text : '');
  if (!names.length) return [];
  const asked = ctx?.jurisdiction ? displayName(ctx.jurisdiction) : null;
  const known = dir?.resolveJurisdiction?.(asked) ?? null;
  const doc = {
    // The directory's own spelling of the place when it knows it (锦江区 → 成都市锦江区).
    jurisdiction: known ?? asked,
    known: dir?.jurisdictions ?? [],
    isKnownName: dir?.isKnownName,
  };
  const before = ctx?.before ? splitOwners(ctx.before) : [];
  const contexts = contextsOf(names, doc, before);
  return names.map((name, i) => resolveOne(name, contexts[i]!, dir));
}

function lookupContext(c: NameContext): LookupContext {
  if (c.jurisdiction) return c.prefix || isNationalWord(c.jurisdiction) ? { jurisdiction: c.jurisdiction, prefix: c.prefix } : { jurisdiction: c.jurisdiction };
  return c.prefix ? { prefix: c.prefix } : {};
}

function look(name: string, dir: Directory | null, lctx: LookupContext): OwnerMatch {
  if (dir) return dir.lookup(name, lctx);
  const d = displayName(name);
  const forms = lctx.jurisdiction ? jurisdictionForms(lctx.jurisdiction) : [];
  return rulesOnly(name, d, isNationalWord(lctx.jurisdiction) ? '' : (lctx.prefix ?? ''), forms);
}

const EXPANDED: Record<ContextSource, { rule: OwnerRule; rulesOnly: OwnerRule }> = {
  enumeration: { rule: 'prefix-expansion', rulesOnly: 'rules-only:prefix-expansion' },
  document: { rule: 'level-prefix', rulesOnly: 'rules-only:level-prefix' },
  directory: { rule: 'level-prefix', rulesOnly: 'rules-only:level-prefix' },
};

function resolveOne(name: string, c: NameContext, dir: Directory | null): OwnerMatch {
  const lctx = lookupContext(c);
  if (c.elsewhere) {
    // 市科协 in a county plan: another jurisdiction's unit. Only a directory that
    // holds one jurisdiction of that level can say which; otherwise kept as written.
    const same = (dir?.jurisdictions ?? []).filter((j) => j !== '国家' && levelOfJurisdiction(j) === c.prefix);
    const m = same.length === 1 ? look(name, dir, { jurisdiction: same[0]! }) : null;
    return m && m.matched !== 'none' ? m : rulesOnly(name, displayName(name), '', []);
  }
  if (c.complete || !c.prefix || !c.source) return look(name, dir, lctx);
  // A bare name: look up the prefixed form, then the name itself in the same context.
  const d = displayName(name);
  const expanded = prefixed(c.prefix, d);
  let m = look(expanded, dir, lctx);
  if (m.matched === 'none') {
    const plain = look(name, dir, lctx);
    if (plain.matched !== 'none') m = plain;
  }
  const how = EXPANDED[c.source];
  if (m.matched === 'none') return { ...m, input: name };
  if (m.matched === 'group') return { ...m, input: name };
  const ruleOnly = m.rule?.startsWith('rules-only');
  return {
    ...m,
    input: name,
    name: m.name,
    matched: 'rule',
    score: Math.min(m.score, ruleOnly ? SCORE.rulesOnly : SCORE.expansion),
    // Rules only: an expansion when the name changed (民族宗教局 → 市民族宗教局).
    rule: ruleOnly ? (m.name !== d ? how.rulesOnly : m.rule) : how.rule,
  };
}
