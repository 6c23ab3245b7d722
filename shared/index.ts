// The core's public API, for the faces (add-in, dashboard, CLI) in one import.
export * from './model';
export * from './ledger';
export * from './checks';
export * from './enrich';
export { splitOwners, createDirectory, resolveOwners, defaultDirectory, bundledJurisdictions, directoryFromGrid, directoryToRows } from './owners';
export type { Directory } from './owners';
export { parseTargets, parseDeadline, parseNumber } from './targets';
export { classify, classifyPopulation, classifyProject } from './classify';
export type { SheetSpec, WorkbookSpec } from './io/spec';
