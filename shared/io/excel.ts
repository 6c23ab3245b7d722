// The one import of exceljs in the core. In Node it resolves to exceljs's CJS
// build, in the dashboard webpack picks its browser build (package "browser"
// field); both expose the same Workbook class.
import ExcelJS from 'exceljs';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export type Cell = ExcelJS.Cell;

export function newWorkbook(): ExcelJS.Workbook {
  return new ExcelJS.Workbook();
}

/** Loads xlsx bytes (already through the guards). Throws what exceljs throws. */
export async function loadWorkbook(bytes: Uint8Array, ignoreNodes: string[] = []): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs hands the bytes to JSZip, which takes any Uint8Array; only its typings ask for a Node buffer.
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes } as Partial<ExcelJS.XlsxReadOptions>);
  return wb;
}

export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

/** exceljs's ValueType enum values (stable since 1.x), without importing the enum at runtime. */
export const VT = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;
