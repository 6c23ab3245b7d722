// Bundled by browser.test.ts for Chromium: the io layer as the dashboard gets it
// (webpack resolves exceljs to its browser build).
import { addColumns, readWorkbook, writeWorkbook } from '../../shared/io';

(globalThis as unknown as { kesuIo: object }).kesuIo = { readWorkbook, writeWorkbook, addColumns };
