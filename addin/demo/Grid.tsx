// A plain grid over the in-memory workbook: values, merges, the fills and
// highlights the commands apply (conditional formats over cell fills, as
// Excel draws them), notes and comments (a red corner, the text on hover),
// the selected cell and drop-down columns, so a newcomer sees what each
// command did to the sheet. Row and column headers carry the highlight
// colour too, and the grid scrolls to the first highlight a command adds:
// the 进展 column of a ledger is often off screen to the right.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { columnLetter0 } from '../a1';
import { key, type MemorySheet, type MemoryWorkbook } from '../memory/workbook';
import type { CellValue } from '../../shared/model';

const MAX_ROWS = 400;

function show(v: CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** The note or the comment thread on a cell, as one text. */
function annotation(sheet: MemorySheet, k: string): string | null {
  const c = sheet.comments.get(k);
  if (c) return [c.text, ...c.replies].join('\n');
  return sheet.notes.get(k) ?? null;
}

export function Grid({ workbook }: { workbook: MemoryWorkbook }) {
  const version = useSyncExternalStore(
    (fn) => workbook.subscribe(fn),
    () => versionOf(workbook),
  );
  const sel = useRef<HTMLTableCellElement>(null);
  const firstLit = useRef<HTMLTableCellElement>(null);
  const seen = useRef('');
  const [tip, setTip] = useState<{ text: string; x: number; y: number } | null>(null);
  // A double-click edits a cell as in Excel: until Enter, Tab or Esc the workbook is in edit mode and the
  // pane's commands wait (delayForCellEdit). Clicking the pane does not end it, as in Excel (office-js #806).
  const [editing, setEditing] = useState<{ row: number; col: number; text: string } | null>(null);
  const endEdit = (commit: boolean) => {
    if (!editing || !sheet) return;
    if (commit) sheet.set(editing.row, editing.col, editing.text === '' ? null : editing.text);
    setEditing(null);
    workbook.endEdit();
    workbook.changed();
  };
  const sheet = workbook.sheet(workbook.active);
  const highlights = sheet?.highlights ?? new Map();
  const litKeys = [...highlights.keys()].sort().join(';');
  useEffect(() => {
    // A block body: newer Chromium returns a promise from scrollIntoView, and an effect must return nothing.
    if (litKeys && litKeys !== seen.current) firstLit.current?.scrollIntoView({ block: 'nearest', inline: 'center' });
    else sel.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    seen.current = litKeys;
  }, [version, litKeys]);
  const rows = sheet ? Math.min(MAX_ROWS, Math.max(sheet.cells.length, 20)) : 0;
  const cols = sheet ? Math.max(8, sheet.width()) : 0;
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of sheet?.merges ?? []) {
    spans.set(key(m.top, m.left), { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(key(r, c));
  }
  const listCols = new Set((sheet?.validations ?? []).map((v) => v.col));
  const selected = workbook.selection?.sheet === sheet?.name ? workbook.selection : null;
  // Row and column header marks: the colour of a highlight in that row / column.
  const rowMark = new Map<number, string>();
  const colMark = new Map<number, string>();
  let first: [number, number] | null = null;
  for (const [k, h] of highlights) {
    const [r, c] = k.split(',').map(Number);
    rowMark.set(r, h.color);
    colMark.set(c, h.color);
    if (!first || r < first[0] || (r === first[0] && c < first[1])) first = [r, c];
  }
  const notes = sheet ? sheet.notes.size + sheet.comments.size : 0;

  return (
    <div className="grid-wrap">
      <div className="tabs" role="tablist" aria-label="工作表">
        {workbook.sheets.filter((s) => s.state === 'visible').map((s) => (
          <button key={s.name} role="tab" aria-selected={s.name === workbook.active} className={s.name === workbook.active ? 'tab on' : 'tab'} onClick={() => { workbook.active = s.name; workbook.changed(); }} data-testid="sheet-tab">
            {s.name}
          </button>
        ))}
        {sheet && (highlights.size > 0 || notes > 0) && (
          <span className="legend" data-testid="grid-legend">
            {highlights.size > 0 && <>高亮 {highlights.size} 个单元格（{[...colMark.keys()].sort((a, b) => a - b).map(columnLetter0).join('、')} 列）</>}
            {highlights.size > 0 && notes > 0 && ' · '}
            {notes > 0 && <>备注/批注 {notes} 个（悬停查看）</>}
          </span>
        )}
      </div>
      <div className="grid-scroll">
        {sheet && (
          <table className="grid" data-testid="grid" data-sheet={sheet.name}>
            <thead>
              <tr>
                <th className="corner" />
                {Array.from({ length: cols }, (_x, c) => (
                  <th key={c} style={{ width: (sheet.colWidths.get(c) ?? 12) * 8, boxShadow: colMark.has(c) ? `inset 0 -3px 0 ${colMark.get(c)}` : undefined }} data-lit={colMark.has(c) || undefined}>
                    {columnLetter0(c)}{listCols.has(c) ? ' ▾' : ''}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rows }, (_x, r) => (
                <tr key={r}>
                  <th style={{ boxShadow: rowMark.has(r) ? `inset -3px 0 0 ${rowMark.get(r)}` : undefined }} data-lit={rowMark.has(r) || undefined}>{r + 1}</th>
                  {Array.from({ length: cols }, (_y, c) => {
                    const k = key(r, c);
                    if (covered.has(k)) return null;
                    const span = spans.get(k);
                    const hl = highlights.get(k);
                    const fmt = sheet.formats.get(k);
                    const note = annotation(sheet, k);
                    const isSel = selected?.row === r && selected?.col === c;
                    const isFirst = !!first && first[0] === r && first[1] === c;
                    return (
                      <td
                        key={c}
                        ref={isSel ? sel : isFirst ? firstLit : undefined}
                        rowSpan={span?.rows}
                        colSpan={span?.cols}
                        className={[isSel ? 'sel' : '', note ? 'noted' : ''].join(' ').trim() || undefined}
                        style={{ background: hl?.color ?? fmt?.fill, fontWeight: fmt?.bold ? 600 : undefined, color: fmt?.fontColor, whiteSpace: fmt?.wrap ? 'normal' : undefined }}
                        data-cell={`${columnLetter0(c)}${r + 1}`}
                        data-fill={hl?.color ?? fmt?.fill ?? undefined}
                        data-note={note ? '' : undefined}
                        onMouseEnter={note ? (e) => { const b = e.currentTarget.getBoundingClientRect(); setTip({ text: note, x: b.right + 4, y: b.top }); } : undefined}
                        onMouseLeave={note ? () => setTip(null) : undefined}
                        onClick={() => { workbook.selection = { sheet: sheet.name, row: r, col: c }; workbook.changed(); }}
                        onDoubleClick={() => {
                          if (editing) return;
                          workbook.beginEdit();
                          setEditing({ row: r, col: c, text: show(sheet.get(r, c)) });
                        }}
                      >
                        {editing?.row === r && editing.col === c ? (
                          <input
                            className="cell-edit"
                            autoFocus
                            value={editing.text}
                            data-testid="cell-edit"
                            onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter' || e.key === 'Tab') endEdit(true);
                              else if (e.key === 'Escape') endEdit(false);
                            }}
                          />
                        ) : (
                          show(sheet.get(r, c))
                        )}
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
      {tip && (
        <div className="note-tip" role="tooltip" data-testid="note-tip" style={{ left: tip.x, top: tip.y }}>
          {tip.text}
        </div>
      )}
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
