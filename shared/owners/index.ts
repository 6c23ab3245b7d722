// Owner lookup (docs/domain.md §4): split owner fields, give each name its context,
// resolve names against a directory (单位名录) or by rules alone.
export { splitOwners, splitOutsideBrackets } from './split';
export { createDirectory, FUZZY_THRESHOLD, type Directory, type LookupContext, type OwnerGroup } from './directory';
export { resolveOwners, type ResolveContext } from './resolve';
export { contextsOf, type ContextSource, type DocumentContext, type NameContext } from './context';
export { defaultDirectory, bundledJurisdictions, bundledJurisdiction } from './default';
export { directoryFromGrid, directoryToRows } from './grid';
export { displayName, keyOf } from './normalize';
export { ownerFigures, type OwnerFigures } from './figures';
export { OWNER_RULE_LABEL } from './messages';
export { groupKeyOf, type GroupKey } from './groups';
export { isUnitName } from './names';
export { adminLevelOf, levelOfJurisdiction, jurisdictionForms, type AdminLevel } from './rules';
export { inferKind } from './kinds';
