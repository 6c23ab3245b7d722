export { enrichColumns, enrichRow, ownerText, roundRate, ENRICH_HEADERS } from './columns';
export { toStandardWorkbook, standardRow, metaRows } from './standard';
