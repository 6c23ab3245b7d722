// A plain grid over the in-memory workbook: values, merges, highlights,
// comments (red corner, text on hover), the selected cell and drop-down
// columns, so a newcomer sees what each command did to the sheet.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { colLetter } from '../a1';
import { key, type MemoryWorkbook } from '../memory/gateway';
import type { CellValue } from '../../shared/model';

const MAX_ROWS = 400;

function show(v: CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

export function Grid({ workbook }: { workbook: MemoryWorkbook }) {
  const version = useSyncExternalStore(
    (fn) => workbook.subscribe(fn),
    () => versionOf(workbook),
  );
  const sel = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    // A block body: newer Chromium returns a promise from scrollIntoView, and an effect must return nothing.
    sel.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [version]);
  const sheet = workbook.sheet(workbook.active);
  const rows = sheet ? Math.min(MAX_ROWS, Math.max(sheet.cells.length, 20)) : 0;
  const cols = sheet ? Math.max(8, ...sheet.cells.map((r) => r.length)) : 0;
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of sheet?.merges ?? []) {
    spans.set(key(m.top, m.left), { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(key(r, c));
  }
  const listCols = new Set((sheet?.validations ?? []).map((v) => v.col));
  const selected = workbook.selection?.sheet === sheet?.name ? workbook.selection : null;

  return (
    <div className="grid-wrap">
      <div className="tabs" role="tablist" aria-label="工作表">
        {workbook.sheets.filter((s) => s.state === 'visible').map((s) => (
          <button key={s.name} role="tab" aria-selected={s.name === workbook.active} className={s.name === workbook.active ? 'tab on' : 'tab'} onClick={() => { workbook.active = s.name; workbook.changed(); }} data-testid="sheet-tab">
            {s.name}
          </button>
        ))}
      </div>
      <div className="grid-scroll">
        {sheet && (
          <table className="grid" data-testid="grid" data-sheet={sheet.name}>
            <thead>
              <tr>
                <th className="corner" />
                {Array.from({ length: cols }, (_x, c) => (
                  <th key={c} style={{ width: (sheet.colWidths.get(c) ?? 12) * 8 }}>{colLetter(c)}{listCols.has(c) ? ' ▾' : ''}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rows }, (_x, r) => (
                <tr key={r}>
                  <th>{r + 1}</th>
                  {Array.from({ length: cols }, (_y, c) => {
                    const k = key(r, c);
                    if (covered.has(k)) return null;
                    const span = spans.get(k);
                    const hl = sheet.highlights.get(k);
                    const fmt = sheet.formats.get(k);
                    const note = sheet.notes.get(k);
                    const isSel = selected?.row === r && selected?.col === c;
                    return (
                      <td
                        key={c}
                        ref={isSel ? sel : undefined}
                        rowSpan={span?.rows}
                        colSpan={span?.cols}
                        className={[isSel ? 'sel' : '', note ? 'noted' : ''].join(' ').trim() || undefined}
                        style={{ background: hl?.color ?? fmt?.fill, fontWeight: fmt?.bold ? 600 : undefined }}
                        title={note}
                        data-cell={`${colLetter(c)}${r + 1}`}
                        onClick={() => { workbook.selection = { sheet: sheet.name, row: r, col: c }; workbook.changed(); }}
                      >
                        {show(sheet.get(r, c))}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {sheet && sheet.cells.length > MAX_ROWS && <p className="more">仅显示前 {MAX_ROWS} 行（共 {sheet.cells.length} 行）。</p>}
      </div>
    </div>
  );
}

// useSyncExternalStore needs a value that changes on every edit.
const versions = new WeakMap<MemoryWorkbook, number>();
function versionOf(wb: MemoryWorkbook): number {
  if (!versions.has(wb)) {
    versions.set(wb, 0);
    wb.subscribe(() => versions.set(wb, (versions.get(wb) ?? 0) + 1));
  }
  return versions.get(wb)!;
}
