// The 单位名录 sheet ⇄ units. Reads officials' sheets (header anywhere in the
// first rows, header synonyms, aliases separated by 、,;) and reports bad rows as
// findings; writes the standard layout (DIRECTORY_COLUMNS).
import type { CellValue, Finding, SheetGrid, Unit, UnitGroup, UnitKind } from '../model';
import { DIRECTORY_COLUMNS } from '../ledger/standard';
import { BUNDLED } from '../data';
import { directoryFinding } from './messages';
import { displayName, foldWidth } from './normalize';
import { inferKind, KIND_SYNONYMS } from './kinds';
import { jurisdictionInName } from './rules';

type Field = 'name' | 'aliases' | 'kind' | 'jurisdiction' | 'person' | 'phone';

const HEADERS: Record<Field, string[]> = {
  name: ['单位名称', '单位全称', '全称', '名称', '单位', '部门名称', '部门', '单位(部门)名称'],
  aliases: ['简称/别名', '简称', '别名', '简称别名', '简称、别名', '其他名称', '曾用名', '常用简称'],
  kind: ['类别', '类型', '单位类别', '单位类型', '性质', '单位性质'],
  jurisdiction: ['辖区', '所属辖区', '地区', '行政区', '行政区划', '所属地区'],
  person: ['联系人', '联络人', '联系人姓名'],
  phone: ['联系电话', '电话', '手机', '联系方式', '手机号码', '办公电话'],
};

const SCAN_ROWS = 10;

function text(v: CellValue): string {
  if (v === null || v === undefined || typeof v === 'boolean') return '';
  if (v instanceof Date) return '';
  return foldWidth(String(v)).trim();
}

function headerKey(v: CellValue): string {
  return text(v).replace(/[\s:：*＊]/g, '').replace(/／/g, '/');
}

function fieldOf(h: string): Field | null {
  for (const f of Object.keys(HEADERS) as Field[]) if (HEADERS[f].includes(h)) return f;
  return null;
}

export function directoryFromGrid(grid: SheetGrid): { units: Unit[]; groups: UnitGroup[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const rows = grid?.rows ?? [];
  const originRow = grid?.origin?.row ?? 0;
  const originCol = grid?.origin?.col ?? 0;
  const sheet = grid?.name ?? '';
  const excelRow = (r: number) => r + 1 + originRow;

  // Header: the first row within SCAN_ROWS that has a name column.
  let headerRow = -1;
  const cols: Partial<Record<Field, number>> = {};
  const aliasCols: number[] = [];
  for (let r = 0; r < Math.min(rows.length, SCAN_ROWS) && headerRow < 0; r++) {
    const found: Partial<Record<Field, number>> = {};
    const foundAliases: number[] = [];
    (rows[r] ?? []).forEach((cell, c) => {
      const f = fieldOf(headerKey(cell));
      if (f === 'aliases') foundAliases.push(c);
      else if (f && found[f] === undefined) found[f] = c;
    });
    if (found.name !== undefined && (foundAliases.length || found.kind !== undefined || found.person !== undefined || headerKey(rows[r][found.name]).includes('名称'))) {
      headerRow = r;
      Object.assign(cols, found);
      aliasCols.push(...foundAliases);
    }
  }
  if (headerRow < 0) {
    findings.push(directoryFinding('directory.no-header', { sheet, row: null, column: null }, { sheet, rows: SCAN_ROWS }));
    return { units: [], groups: [], findings };
  }
  const header = rows[headerRow];
  const colName = (c: number | undefined) => (c === undefined ? null : text(header[c]) || null);
  const where = (r: number, c: number | undefined) => ({ sheet, row: excelRow(r), column: colName(c), col: c === undefined ? null : c + originCol });

  const known = BUNDLED.map((b) => b.jurisdiction);
  type Draft = { unit: Unit; row: number; explicitJ: boolean };
  const drafts: Draft[] = [];
  const firstRow = new Map<string, Draft>();
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const cell = (c: number | undefined) => (c === undefined ? '' : text(row[c]));
    const name = displayName(cell(cols.name));
    const anything = row.some((v) => text(v) !== '');
    if (!name) {
      if (anything) findings.push(directoryFinding('directory.missing-name', where(r, cols.name), {}));
      continue;
    }
    const aliases = aliasCols
      .flatMap((c) => cell(c).split(/[、,，;；/\n]+/))
      .map((a) => displayName(a))
      .filter((a) => a && a !== name);
    const kindText = cell(cols.kind).replace(/\s+/g, '');
    let kind: UnitKind = KIND_SYNONYMS[kindText] ?? inferKind(name);
    if (kindText && !KIND_SYNONYMS[kindText]) {
      kind = inferKind(name);
      findings.push(directoryFinding('directory.bad-kind', where(r, cols.kind), { name, value: kindText, kind }));
    }
    const jText = displayName(cell(cols.jurisdiction));
    const jurisdiction = jText || jurisdictionInName(name, known) || '';
    const person = cell(cols.person);
    const phone = cell(cols.phone);
    if (phone && !/^[\d\s\-+()（）转,，、/]{5,}$/.test(phone)) {
      findings.push(directoryFinding('directory.bad-phone', where(r, cols.phone), { name, value: phone }));
    }
    const unit: Unit = { name, aliases: [...new Set(aliases)], kind, jurisdiction };
    if (person || phone) unit.contact = { ...(person ? { person } : {}), ...(phone ? { phone } : {}) };
    const prev = firstRow.get(name);
    if (prev) {
      findings.push(directoryFinding('directory.duplicate', where(r, cols.name), { name, first: excelRow(prev.row) }));
      for (const a of unit.aliases) if (!prev.unit.aliases.includes(a)) prev.unit.aliases.push(a);
      if (!prev.unit.contact && unit.contact) prev.unit.contact = unit.contact;
      continue;
    }
    const d: Draft = { unit, row: r, explicitJ: !!jText };
    firstRow.set(name, d);
    drafts.push(d);
  }

  // Rows whose jurisdiction could not be told take the sheet's usual one.
  const counts = new Map<string, number>();
  for (const d of drafts) if (d.unit.jurisdiction) counts.set(d.unit.jurisdiction, (counts.get(d.unit.jurisdiction) ?? 0) + 1);
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  for (const d of drafts) {
    if (d.unit.jurisdiction) continue;
    if (usual) d.unit.jurisdiction = usual;
    else findings.push(directoryFinding('directory.no-jurisdiction', where(d.row, cols.jurisdiction ?? cols.name), { name: d.unit.name }));
  }

  // Aliases shared by two units of one jurisdiction make lookups ambiguous.
  const owner = new Map<string, Draft>();
  for (const d of drafts) {
    for (const a of d.unit.aliases) {
      const k = `${d.unit.jurisdiction}\u0000${a}`;
      const other = owner.get(k);
      if (other && other !== d) {
        findings.push(
          directoryFinding('directory.alias-conflict', where(d.row, aliasCols[0]), {
            alias: a,
            name: d.unit.name,
            other: other.unit.name,
            first: excelRow(other.row),
          }),
        );
      } else owner.set(k, d);
    }
  }
  return { units: drafts.map((d) => d.unit), groups: [], findings };
}

/** The standard 单位名录 layout: header DIRECTORY_COLUMNS, one unit per row. */
export function directoryToRows(units: readonly Unit[]): CellValue[][] {
  return [
    [...DIRECTORY_COLUMNS],
    ...units.map((u) => [u.name, (u.aliases ?? []).join('、'), u.kind, u.jurisdiction ?? '', u.contact?.person ?? '', u.contact?.phone ?? '']),
  ];
}
