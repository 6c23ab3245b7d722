// The 单位名录 sheet: reading officials' sheets (the example workbook's own),
// findings for bad rows, and the round trip through directoryToRows.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import type { CellValue, SheetGrid } from '../../shared/model';
import { DIRECTORY_COLUMNS } from '../../shared/ledger/standard';
import {
  bundledJurisdictions,
  createDirectory,
  defaultDirectory,
  directoryFromGrid,
  directoryToRows,
  inferKind,
  resolveOwners,
} from '../../shared/owners';
import { EXAMPLE_XLSX } from '../support/paths';

const EXAMPLE = EXAMPLE_XLSX;

async function exampleDirectorySheet(): Promise<SheetGrid | null> {
  if (!existsSync(EXAMPLE)) return null;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  const ws = wb.getWorksheet('单位名录');
  if (!ws) return null;
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const vals: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      vals.push(v === undefined || v === null || typeof v === 'object' ? null : (v as CellValue));
    }
    rows[r - 1] = vals;
  });
  return { name: ws.name, rows, merges: [] };
}

const grid = (rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name: '单位名录', rows, merges: [], ...extra });

describe('directoryFromGrid', () => {
  it('reads the example workbook’s 单位名录 (no 辖区 column: inferred from the full names)', async () => {
    const sheet = await exampleDirectorySheet();
    if (!sheet) throw new Error(`example workbook missing: ${EXAMPLE}`);
    const { units, findings } = directoryFromGrid(sheet);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(units.map((u) => [u.name, u.aliases, u.kind, u.jurisdiction])).toEqual([
      ['成都市锦江区科学技术协会', ['区科协'], '群团', '成都市锦江区'],
      ['成都市锦江区教育局', ['区教育局'], '政府部门', '成都市锦江区'],
      ['成都市锦江区新经济和科技局', ['区新经济和科技局'], '政府部门', '成都市锦江区'],
    ]);
    // Workbook names over the bundled ones: still one unit per alias, no ambiguity.
    const base = defaultDirectory('成都市锦江区');
    const dir = createDirectory([...units, ...base.units], [...base.groups]);
    expect(dir.units.length).toBe(base.units.length);
    const ms = resolveOwners('区教育局、区新经济与科技局、团区委、区科协', dir);
    expect(ms.map((m) => m.matched)).toEqual(['alias', 'alias', 'alias', 'alias']);
  });

  it.each<[string, CellValue[]]>([
    ['standard', [...DIRECTORY_COLUMNS]],
    ['synonyms', ['单位全称', '简称', '别名', '单位类型', '所属辖区', '联络人', '电话']],
    ['spaced, starred', ['单位名称*', '简称/别名', '类 别', '辖区', '联系人', '联系电话']],
  ])('header %s, below two title rows', (_label, header) => {
    const width = header.length;
    const pad = (cells: CellValue[]) => [...cells, ...Array(Math.max(0, width - cells.length)).fill(null)];
    const aliasCells: CellValue[] = header.includes('别名') && header.includes('简称') ? ['区科协', '锦江区科协'] : ['区科协、锦江区科协'];
    const row = pad(['成都市锦江区科学技术协会', ...aliasCells, '群团', '成都市锦江区', '杜思真', '84536567'].slice(0, width));
    const { units, findings } = directoryFromGrid(grid([['锦江区单位名录'], [], header, row]));
    expect(findings).toEqual([]);
    expect(units).toEqual([
      {
        name: '成都市锦江区科学技术协会',
        aliases: ['区科协', '锦江区科协'],
        kind: '群团',
        jurisdiction: '成都市锦江区',
        contact: { person: '杜思真', phone: '84536567' },
      },
    ]);
  });

  it('reports bad rows as findings with Excel row, column, code and a zh-CN message', () => {
    const rows: CellValue[][] = [
      [...DIRECTORY_COLUMNS],
      ['成都市锦江区教育局', '区教育局', '政府部门', '成都市锦江区', '', ''],
      [null, '区妇联', '群团', '', '', ''],
      ['成都市锦江区妇女联合会', '区妇联', '人民群众', '', '', '请问科协'],
      ['成都市锦江区教育局', '区教育委员会', '政府部门', '', '', ''],
      ['成都市锦江区教育科学研究院', '区教育局', '', '', '', ''],
    ];
    const { units, findings } = directoryFromGrid(grid(rows, { origin: { row: 4, col: 1 } }));
    const got = findings.map((f) => [f.code, f.row, f.column, f.col, f.severity]);
    expect(got).toEqual([
      ['directory.missing-name', 7, '单位名称', 1, 'warning'],
      ['directory.bad-kind', 8, '类别', 3, 'warning'],
      ['directory.bad-phone', 8, '联系电话', 6, 'warning'],
      ['directory.duplicate', 9, '单位名称', 1, 'warning'],
      ['directory.alias-conflict', 10, '简称/别名', 2, 'warning'],
    ]);
    for (const f of findings) {
      expect(f.sheet).toBe('单位名录');
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(findings[1].message).toContain('人民群众');
    expect(findings[1].fix).toContain('群团');
    expect(units.map((u) => u.name)).toEqual(['成都市锦江区教育局', '成都市锦江区妇女联合会', '成都市锦江区教育科学研究院']);
    expect(units[0].aliases).toEqual(['区教育局', '区教育委员会']);
    expect(units[1].kind).toBe('群团');
    expect(units[2].kind).toBe('其他');
    expect(units.every((u) => u.jurisdiction === '成都市锦江区')).toBe(true);
  });

  it('a sheet without a 单位名称 header gives an error finding and no units', () => {
    const { units, findings } = directoryFromGrid(grid([['序号', '任务内容'], [1, '开展科普活动']]));
    expect(units).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'directory.no-header', severity: 'error' });
  });

  it('empty and odd input returns a result instead of throwing', () => {
    expect(directoryFromGrid(grid([])).units).toEqual([]);
    expect(directoryFromGrid(grid([['单位名称', '类别'], [true, new Date(0)], [12345, null]])).units.map((u) => u.name)).toEqual(['12345']);
  });
});

describe('directoryToRows', () => {
  it.each(bundledJurisdictions())('round-trips the bundled %s directory', (j) => {
    const units = defaultDirectory(j).units;
    const rows = directoryToRows(units);
    expect(rows[0]).toEqual([...DIRECTORY_COLUMNS]);
    expect(rows).toHaveLength(units.length + 1);
    const back = directoryFromGrid(grid(rows));
    expect(back.findings).toEqual([]);
    expect(back.units).toEqual(units.map((u) => ({ ...u, aliases: u.aliases.filter((a) => a !== u.name) })));
  });

  it('writes contacts', () => {
    const rows = directoryToRows([{ name: '成都市锦江区科学技术协会', aliases: ['区科协'], kind: '群团', jurisdiction: '成都市锦江区', contact: { person: '杜思真', phone: '84536567' } }]);
    expect(rows[1]).toEqual(['成都市锦江区科学技术协会', '区科协', '群团', '成都市锦江区', '杜思真', '84536567']);
  });
});

describe('bundled directory', () => {
  it('lists its jurisdictions', () => {
    expect(bundledJurisdictions()).toEqual(['成都市锦江区', '国家', '重庆市綦江区']);
  });

  it.each([
    ['成都市锦江区', 34],
    ['锦江区', 34],
    ['国家', 34],
    ['綦江区', 35],
  ])('defaultDirectory(%s) holds that jurisdiction only', (j, n) => {
    const dir = defaultDirectory(j);
    expect(dir.units).toHaveLength(n);
    expect(new Set(dir.units.map((u) => u.jurisdiction)).size).toBe(1);
  });

  it('kinds follow the unit names', () => {
    const kinds = Object.fromEntries(defaultDirectory().units.map((u) => [u.name, u.kind]));
    expect(kinds['中共成都市锦江区委宣传部']).toBe('党委部门');
    expect(kinds['共青团成都市锦江区委员会']).toBe('群团');
    expect(kinds['重庆市綦江区社会科学界联合会']).toBe('群团');
    expect(kinds['成都市锦江区教育局']).toBe('政府部门');
    expect(kinds['中国科学技术协会']).toBe('群团');
  });

  it('contactOf finds a unit’s contact by canonical name', () => {
    const dir = createDirectory([{ name: '成都市锦江区科学技术协会', aliases: ['区科协'], kind: '群团', jurisdiction: '成都市锦江区', contact: { person: '杜思真', phone: '84536567' } }]);
    expect(dir.contactOf('成都市锦江区科学技术协会')).toEqual({ person: '杜思真', phone: '84536567' });
    expect(dir.contactOf('区科协')).toBeUndefined();
  });
});

describe('辖区 read off the full name when the sheet has no 辖区 column', () => {
  it.each<[string, string]>([
    ['成都市锦江区教育局', '成都市锦江区'],
    ['中共成都市锦江区委组织部', '成都市锦江区'],
    ['成都市锦江生态环境局', '成都市锦江区'],
    ['成都市公安局锦江区分局', '成都市锦江区'],
    ['重庆市綦江区科学技术协会', '重庆市綦江区'],
    ['北京市海淀区教育委员会', '北京市海淀区'],
    ['四川省成都市武侯区科学技术协会', '四川省成都市武侯区'],
    ['成都市教育局', '成都市'],
  ])('%s → %s', (name, j) => {
    const { units } = directoryFromGrid(grid([['单位名称', '简称/别名'], [name, '']]));
    expect(units[0].jurisdiction).toBe(j);
  });

  it('a short name takes the sheet’s usual jurisdiction', () => {
    const { units, findings } = directoryFromGrid(grid([['单位名称', '类别'], ['成都市锦江区教育局', '政府部门'], ['区融媒体中心', '其他']]));
    expect(units[1].jurisdiction).toBe('成都市锦江区');
    expect(findings).toEqual([]);
  });

  it('with no jurisdiction anywhere, an info finding says so', () => {
    const { findings } = directoryFromGrid(grid([['单位名称'], ['区融媒体中心']]));
    expect(findings.map((f) => [f.code, f.severity, f.row])).toEqual([['directory.no-jurisdiction', 'info', 2]]);
  });
});

describe('inferKind (for 单位名录 rows that leave 类别 empty)', () => {
  // Units whose kind the name alone cannot tell (a 委员会 that is a fund, a vertical 气象局).
  const EXCEPTIONS = new Set(['国家自然科学基金委员会', '重庆市綦江区气象局', '中国气象局', '中国地震局']);
  it.each(defaultDirectory().units.filter((u) => !EXCEPTIONS.has(u.name)).map((u) => [u.name, u.kind] as const))(
    '%s → %s',
    (name, kind) => {
      expect(inferKind(name)).toBe(kind);
    },
  );

  it.each<[string, string]>([
    ['成都市锦江区春熙路街道办事处', '街镇'],
    ['綦江区古南街道', '街镇'],
    ['綦江区东溪镇', '街镇'],
    ['成都市锦江区残疾人联合会', '群团'],
    ['成都市锦江区融媒体中心', '其他'],
  ])('%s → %s', (name, kind) => {
    expect(inferKind(name)).toBe(kind);
  });
});
