// Excel's column letters. One function, 0-based as every grid of the core is
// (SheetGrid.rows[r][c], Finding.col): callers holding a 1-based column number
// (the writer's exceljs columns) subtract one where they call it.

/** 0-based column index → Excel letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetter0(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
