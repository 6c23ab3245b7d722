// Owner lookup (docs/domain.md §4): split owner fields, expand shared prefixes,
// resolve names against a directory (单位名录) or by rules alone.
export { splitOwners } from './split';
export { createDirectory, FUZZY_THRESHOLD, type Directory, type LookupContext, type OwnerGroup } from './directory';
export { resolveOwners, type ResolveContext } from './resolve';
export { defaultDirectory, bundledJurisdictions, bundledJurisdiction } from './default';
export { directoryFromGrid, directoryToRows } from './grid';
export { displayName, keyOf } from './normalize';
export { adminLevelOf, inferKind, levelOfJurisdiction, jurisdictionForms, type AdminLevel } from './rules';
