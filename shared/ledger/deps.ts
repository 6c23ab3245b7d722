// The parts of the core the ledger builds on, in one place (owners, targets, classify).
export type { CellValue, Label, LedgerRow, OwnerMatch, PlanPeriod, Target, Task } from '../model';
export type { Directory } from '../owners';
export { resolveOwners, defaultDirectory, createDirectory } from '../owners';
export { parseTargets, parseDeadline, parseNumber } from '../targets';
export { classify, classifyPopulation, classifyProject } from '../classify';
