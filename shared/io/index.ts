// Public API of the io layer: the only module of the core that knows exceljs and fflate.
export { readWorkbook, workbookReader, type ReadResult, type ReadOptions, type WorkbookReader } from './read';
export { PartCache } from './part-cache';
export { writeWorkbook, writeWorkbookReport, safeSheetName, type WriteReport } from './write';
export { addColumns, addColumnsReport, ENRICH_NOTE, IoError, type ColumnEdit, type AddColumnsResult } from './columns';
export { guardWorkbook, DEFAULT_LIMITS, type ReadLimits, type GuardResult } from './guard';
export { needsNeutralising, TRUNCATION_MARKER, XLSX_CELL_MAX } from './neutralise';
// For the add-in, which gets dates from Excel as serial numbers plus a number format.
export { isDateFormat, serialToDate } from './styles';
export { ioMessage, problem as ioProblem, type IoCode } from './messages';
// The data API's stream of files (server → dashboard).
export { BundleReader, startFrame, fileFrameHead, errorFrame, endFrame, type DataFile, type DataListing, type BundleEntry } from './bundle';
export { columnLetter0 } from './a1';
export type { SheetSpec, WorkbookSpec } from './spec';
export { readDocx, type DocxResult } from './docx';
export { planReader } from './plan-reader';
