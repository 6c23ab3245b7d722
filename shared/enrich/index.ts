export { enrichColumns, enrichRow, ownerText, roundRate, ENRICH_HEADERS, ENRICH_LIGHT_COL } from './columns';
export { toStandardWorkbook, standardRow, metaRows } from './standard';
