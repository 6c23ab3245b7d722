export { detectHeader, fieldOf, DERIVED_HEADERS, HEADER_SCAN_ROWS, type HeaderInfo } from './headers';
export { readLedger, FIELD_LABEL, type LedgerRead, type LedgerSheet } from './read';
export { buildTasks, createBuilder, actualOf, type BuildContext } from './tasks';
export { TaskCache } from './task-cache';
export { metaFromTitles, metaFromSheet, periodFrom, asOfFrom, planFrom, jurisdictionFrom, ledgerYear, emptyMeta } from './meta';
export { cellText, normHeader } from './text';
export * from './standard';
export { validate, directoryFor, type ValidateContext, type ValidateResult } from '../checks/validate';
