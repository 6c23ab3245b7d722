// Writes every bad input file the readers must survive (issue 6) into a
// folder. `npx tsx scripts/make-bad-fixtures.ts [dir]` writes the small ones
// into test/fixtures/bad/ (committed); tests import makeBadFixtures() and
// also generate the large ones (1,048,576-row sheets, zip bombs, 10,001
// entries) into a temp dir, never committed.
//
// Each fixture says what the reader must answer: `refused: code` (a
// FileProblem with that code) or `warnings: [codes]` (read, with those
// warnings). Header-level fixtures (no header, duplicated or merged headers)
// only need to read; the ledger module's tests assert their findings.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Zip, ZipDeflate, deflateSync, strToU8, zipSync, type Zippable } from 'fflate';
import ExcelJS from 'exceljs';

export interface BadFixture {
  /** File name in the folder. */
  file: string;
  /** What it is, in a few words. */
  what: string;
  /** Too large (on disk or to generate) to commit. */
  large: boolean;
  expect: { refused: string } | { warnings: string[]; sheets?: number };
}

// ---------- small binary helpers ----------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

let gbkTable: Map<string, number> | null = null;
/** GBK encoder built from the platform's decoder (no extra dependency). */
function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, (hi << 8) | lo);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const g = gbkTable.get(ch);
      if (g === undefined) out.push(0x3f);
      else out.push(g >> 8, g & 0xff);
    }
  }
  return Uint8Array.from(out);
}

interface RawEntry {
  name: Uint8Array;
  /** Already compressed bytes (method 8) or stored bytes (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** Declared uncompressed size (may lie). */
  size: number;
  utf8Flag: boolean;
}

/** A zip writer that writes exactly what it is told, lies included. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const flags = e.utf8Flag ? 0x800 : 0;
    const loc = new DataView(new ArrayBuffer(30));
    loc.setUint32(0, 0x04034b50, true);
    loc.setUint16(4, 20, true);
    loc.setUint16(6, flags, true);
    loc.setUint16(8, e.method, true);
    loc.setUint32(14, e.crc, true);
    loc.setUint32(18, e.data.length, true);
    loc.setUint32(22, e.size, true);
    loc.setUint16(26, e.name.length, true);
    chunks.push(new Uint8Array(loc.buffer), e.name, e.data);
    const cen = new DataView(new ArrayBuffer(46));
    cen.setUint32(0, 0x02014b50, true);
    cen.setUint16(4, 20, true);
    cen.setUint16(6, 20, true);
    cen.setUint16(8, flags, true);
    cen.setUint16(10, e.method, true);
    cen.setUint32(16, e.crc, true);
    cen.setUint32(20, e.data.length, true);
    cen.setUint32(24, e.size, true);
    cen.setUint16(28, e.name.length, true);
    cen.setUint32(42, offset, true);
    central.push(new Uint8Array(cen.buffer), e.name);
    offset += 30 + e.name.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  return concat([...chunks, ...central, new Uint8Array(end.buffer)]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, o), (o += p.length);
  return out;
}

const entry = (name: string | Uint8Array, text: string | Uint8Array, utf8Flag = true): RawEntry => {
  const raw = typeof text === 'string' ? strToU8(text) : text;
  return { name: typeof name === 'string' ? strToU8(name) : name, data: deflateSync(raw), method: 8, crc: crc32(raw), size: raw.length, utf8Flag };
};

// ---------- minimal workbook parts ----------

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbookParts(sheets: { name: string; state?: string }[], opts: { sharedStrings?: string } = {}): Record<string, string> {
  const ct = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
    opts.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '',
    '</Types>',
  ].join('');
  const parts: Record<string, string> = {
    '[Content_Types].xml': ct,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${RNS}"><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}${opts.sharedStrings ? `<Relationship Id="rId${sheets.length + 1}" Type="${RNS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
  };
  if (opts.sharedStrings) parts['xl/sharedStrings.xml'] = opts.sharedStrings;
  return parts;
}

const sheetXml = (rows: string): string => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}" xmlns:r="${RNS}"><sheetData>${rows}</sheetData></worksheet>`;
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const inlineRow = (r: number, values: (string | number)[]): string =>
  `<row r="${r}">${values
    .map((v, i) => {
      const ref = `${String.fromCharCode(65 + i)}${r}`;
      return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    })
    .join('')}</row>`;

const LEDGER_HEADER = ['序号', '类别', '重点任务', '牵头单位', '责任单位', '完成时限', '工作进展', '完成值'];
const LEDGER_ROWS: (string | number)[][] = [
  [1, '实施青少年科学素质提升行动', '开展青少年科技活动', '区教育局、区科协', '团区委', '每年', '开展活动23场', 23],
  [2, '实施青少年科学素质提升行动', '培育科技创新后备人才', '区教育局', '区新经济和科技局', '2025年底', '新认定少年科学院1所', 1],
  [3, '实施老年人科学素质提升行动', '开展老年人智能技术培训', '区卫健局', '各街道', '每年', '培训12场', 12],
];

async function exceljsBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function ledgerSheet(wb: ExcelJS.Workbook, name: string, state: 'visible' | 'hidden' | 'veryHidden' = 'visible'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { state });
  ws.addRow(LEDGER_HEADER);
  for (const r of LEDGER_ROWS) ws.addRow(r);
  return ws;
}

// ---------- CFB (OLE2) containers ----------

/** A minimal valid compound file holding the named streams (each 4,096 bytes, so no mini stream). */
function cfbFile(streams: string[]): Uint8Array {
  const S = 512;
  const streamSectors = 8; // 4096 / 512
  const nDirSectors = Math.ceil((streams.length + 1) / 4);
  const nSectors = 1 + nDirSectors + streams.length * streamSectors;
  const buf = new Uint8Array(S * (1 + nSectors));
  const dv = new DataView(buf.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (buf[i] = b));
  dv.setUint16(0x18, 0x3e, true);
  dv.setUint16(0x1a, 3, true);
  dv.setUint16(0x1c, 0xfffe, true);
  dv.setUint16(0x1e, 9, true);
  dv.setUint16(0x20, 6, true);
  dv.setUint32(0x2c, 1, true); // one FAT sector
  dv.setUint32(0x30, 1, true); // directory starts at sector 1
  dv.setUint32(0x38, 4096, true);
  dv.setUint32(0x3c, 0xfffffffe, true);
  dv.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const sec = (n: number): number => S * (n + 1);
  // FAT (sector 0)
  const fat = new Array<number>(S / 4).fill(0xffffffff);
  fat[0] = 0xfffffffd;
  for (let i = 0; i < nDirSectors; i++) fat[1 + i] = i === nDirSectors - 1 ? 0xfffffffe : 2 + i;
  const first = 1 + nDirSectors;
  streams.forEach((_, k) => {
    for (let j = 0; j < streamSectors; j++) {
      const s = first + k * streamSectors + j;
      fat[s] = j === streamSectors - 1 ? 0xfffffffe : s + 1;
    }
  });
  fat.forEach((v, i) => dv.setUint32(sec(0) + i * 4, v, true));
  // Directory: root + one entry per stream, chained as right siblings.
  const dirEntry = (idx: number, name: string, type: number, start: number, size: number, child: number, right: number): void => {
    const o = sec(1 + Math.floor(idx / 4)) + (idx % 4) * 128;
    for (let i = 0; i < name.length; i++) dv.setUint16(o + i * 2, name.charCodeAt(i), true);
    dv.setUint16(o + 0x40, (name.length + 1) * 2, true);
    buf[o + 0x42] = type;
    buf[o + 0x43] = 1;
    dv.setUint32(o + 0x44, 0xffffffff, true);
    dv.setUint32(o + 0x48, right, true);
    dv.setUint32(o + 0x4c, child, true);
    dv.setUint32(o + 0x74, start, true);
    dv.setUint32(o + 0x78, size, true);
  };
  dirEntry(0, 'Root Entry', 5, 0xfffffffe, 0, streams.length ? 1 : 0xffffffff, 0xffffffff);
  streams.forEach((name, k) => dirEntry(1 + k, name, 2, first + k * streamSectors, 4096, 0xffffffff, k + 2 <= streams.length ? k + 2 : 0xffffffff));
  for (let k = 0; k < streams.length; k++) buf.fill(0x42 + k, sec(first + k * streamSectors), sec(first + (k + 1) * streamSectors));
  return buf;
}

// ---------- large fixtures (streamed, never committed) ----------

/** A workbook whose first sheet has 1,048,576 rows with a value each (streamed into the zip). */
async function denseMillionRows(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const parts = workbookParts([{ name: '明细' }, { name: '任务台账' }]);
  for (const [name, text] of Object.entries(parts)) {
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(strToU8(text), true);
  }
  const big = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(big);
  big.push(strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><dimension ref="A1:B1048576"/><sheetData>`));
  const BATCH = 16384;
  for (let start = 1; start <= 1_048_576; start += BATCH) {
    let s = '';
    for (let r = start; r < start + BATCH; r++) s += `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>T${r}</t></is></c></row>`;
    big.push(strToU8(s));
  }
  big.push(strToU8('</sheetData></worksheet>'), true);
  const small = new ZipDeflate('xl/worksheets/sheet2.xml', { level: 1 });
  zip.add(small);
  small.push(strToU8(sheetXml([LEDGER_HEADER, ...LEDGER_ROWS].map((r, i) => inlineRow(i + 1, r)).join(''))), true);
  zip.end();
  return concat(chunks);
}

/** 1,048,576 styled but empty rows below a small ledger ("formatted to the bottom"). */
function formattedToBottom(): Uint8Array {
  const rows = [LEDGER_HEADER, ...LEDGER_ROWS].map((r, i) => inlineRow(i + 1, r));
  const parts: string[] = [];
  for (let r = rows.length + 1; r <= 1_048_576; r++) parts.push(`<row r="${r}" s="0" customFormat="1"/>`);
  const xml = sheetXml(rows.join('') + parts.join(''));
  const files: Zippable = {};
  for (const [k, v] of Object.entries(workbookParts([{ name: '任务台账' }]))) files[k] = strToU8(v);
  files['xl/worksheets/sheet1.xml'] = [strToU8(xml), { level: 1 }];
  return zipSync(files);
}

/**
 * Sheet XML that inflates to `bytes` (spaces inside sheetData), as one
 * hand-written fixed-Huffman deflate block of 258-byte back-references:
 * 13 bits per 258 bytes, generated in milliseconds. The CRC is left at 0:
 * the reader must refuse the entry before anything could check it.
 */
function deflatedPadding(bytes: number): { data: Uint8Array; crc: number } {
  const head = strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`);
  const tail = strToU8('</sheetData></worksheet>');
  const spaces = bytes - head.length - tail.length;
  const matches = Math.floor((spaces - 1) / 258);
  const rest = spaces - 1 - matches * 258;
  const out = new Uint8Array(Math.ceil((3 + (head.length + tail.length + rest + 1) * 8 + matches * 13 + 7) / 8) + 8);
  let pos = 0;
  const bits = (value: number, n: number): void => {
    for (let i = 0; i < n; i++, pos++) if ((value >> i) & 1) out[pos >> 3] |= 1 << (pos & 7);
  };
  const code = (c: number, n: number): void => {
    for (let i = n - 1; i >= 0; i--, pos++) if ((c >> i) & 1) out[pos >> 3] |= 1 << (pos & 7);
  };
  const literal = (b: number): void => code(0x30 + b, 8); // literals 0-143
  bits(1, 1); // BFINAL
  bits(1, 2); // BTYPE = fixed Huffman
  head.forEach(literal);
  literal(0x20);
  for (let i = 0; i < matches; i++) {
    code(0xc5, 8); // length symbol 285 = 258
    code(0, 5); // distance symbol 0 = 1
  }
  for (let i = 0; i < rest; i++) literal(0x20);
  tail.forEach(literal);
  code(0, 7); // end of block
  return { data: out.subarray(0, (pos + 7) >> 3), crc: 0 };
}

function bombWorkbook(sheetBytes: number, declared: number): Uint8Array {
  const parts = workbookParts([{ name: '任务台账' }]);
  const entries = Object.entries(parts).map(([k, v]) => entry(k, v));
  const pad = deflatedPadding(sheetBytes);
  entries.push({ name: strToU8('xl/worksheets/sheet1.xml'), data: pad.data, method: 8, crc: pad.crc, size: declared, utf8Flag: true });
  return rawZip(entries);
}

// ---------- the list ----------

type Maker = { fixture: BadFixture; make: () => Promise<Uint8Array> | Uint8Array };

const CSV_TEXT = ['序号,重点任务,牵头单位,完成时限,完成值', '1,开展青少年科技活动,"区教育局、区科协",每年,23', '2,"培育科技创新后备人才，建设少年科学院",区教育局,2025年底,1', '3,=1+1,区科协,每年,'].join('\r\n') + '\r\n';

function makers(): Maker[] {
  const m = (file: string, what: string, expect: BadFixture['expect'], make: Maker['make'], large = false): Maker => ({ fixture: { file, what, large, expect }, make });
  return [
    m('not-a-zip.xlsx', '扩展名是 .xlsx，内容是 PNG 图片', { refused: 'not-xlsx' }, () =>
      concat([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), new Uint8Array(512).map((_, i) => (i * 7919) % 256)]),
    ),
    m('truncated.xlsx', '只拷贝了前 60% 的 .xlsx', { refused: 'zip-truncated' }, async () => {
      const full = await exceljsBytes((wb) => ledgerSheet(wb, '任务台账'));
      return full.subarray(0, Math.floor(full.length * 0.6));
    }),
    m('encrypted.xlsx', '设置了打开密码的 .xlsx（CFB 容器 + EncryptionInfo）', { refused: 'encrypted' }, () => cfbFile(['EncryptionInfo', 'EncryptedPackage'])),
    m('legacy.xls', 'Excel 97-2003 工作簿', { refused: 'legacy-xls' }, () => cfbFile(['Workbook', '\u0005SummaryInformation'])),
    m('legacy.et', 'WPS 表格 .et', { refused: 'legacy-et' }, () => cfbFile(['Workbook', 'WpsCustomData'])),
    m('ledger-utf8-bom.csv', 'Excel 导出的“CSV UTF-8”（带 BOM）', { warnings: ['csv-read'], sheets: 1 }, () => concat([Uint8Array.from([0xef, 0xbb, 0xbf]), strToU8(CSV_TEXT)])),
    m('ledger-utf8.csv', '不带 BOM 的 UTF-8 CSV', { warnings: ['csv-read'], sheets: 1 }, () => strToU8(CSV_TEXT)),
    m('ledger-gbk.csv', '中文 Windows 的 Excel 导出的 GBK CSV', { warnings: ['csv-read', 'csv-gbk'], sheets: 1 }, () => encodeGbk(CSV_TEXT)),
    m('empty.xlsx', '只有一张空表的工作簿', { refused: 'empty-workbook' }, () => exceljsBytes((wb) => void wb.addWorksheet('Sheet1'))),
    m('no-header.xlsx', '没有表头行，直接是数据', { warnings: [], sheets: 1 }, () =>
      exceljsBytes((wb) => {
        const ws = wb.addWorksheet('任务台账');
        for (const r of LEDGER_ROWS) ws.addRow(r);
      }),
    ),
    m('duplicate-headers.xlsx', '两列都叫“牵头单位”', { warnings: [], sheets: 1 }, () =>
      exceljsBytes((wb) => {
        const ws = wb.addWorksheet('任务台账');
        ws.addRow(['序号', '重点任务', '牵头单位', '牵头单位', '完成值']);
        ws.addRow([1, '开展青少年科技活动', '区教育局', '区科协', 23]);
      }),
    ),
    m('merged-header.xlsx', '两层表头：“责任分工”合并在“牵头单位/责任单位”之上', { warnings: [], sheets: 1 }, () =>
      exceljsBytes((wb) => {
        const ws = wb.addWorksheet('任务台账');
        ws.addRow(['序号', '重点任务', '责任分工', null, '完成时限']);
        ws.addRow([null, null, '牵头单位', '责任单位', null]);
        ws.addRow([1, '开展青少年科技活动', '区教育局', '团区委', '每年']);
        ws.mergeCells('C1:D1');
        ws.mergeCells('A1:A2');
        ws.mergeCells('B1:B2');
        ws.mergeCells('E1:E2');
      }),
    ),
    m('only-hidden.xlsx', '工作表全部隐藏（一张 hidden，一张 veryHidden）', { warnings: ['only-hidden-sheets'], sheets: 2 }, () =>
      exceljsBytes((wb) => {
        ledgerSheet(wb, '任务台账', 'hidden');
        ledgerSheet(wb, '备份', 'veryHidden');
      }),
    ),
    m('formula-errors.xlsx', '公式结果是 #DIV/0!、#N/A、#REF!', { warnings: ['formula-error', 'formula-error', 'formula-error'], sheets: 1 }, () =>
      exceljsBytes((wb) => {
        const ws = ledgerSheet(wb, '任务台账');
        ws.getCell('I1').value = '完成率';
        ws.getCell('I2').value = { formula: 'H2/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
        ws.getCell('I3').value = { formula: 'VLOOKUP(A3,X:Y,2,0)', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
        ws.getCell('I4').value = { formula: '#REF!*2', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue;
      }),
    ),
    m('long-cell.xlsx', '一个单元格 40,000 字（超过 Excel 上限 32,767）', { warnings: ['cell-over-limit'], sheets: 1 }, () =>
      exceljsBytes((wb) => {
        const ws = ledgerSheet(wb, '任务台账');
        ws.getCell('G3').value = '进展'.repeat(20_000);
      }),
    ),
    m('rows-1048576-sparse.xlsx', '数据 4 行，第 1,048,576 行有一个误填的单元格', { warnings: ['rows-beyond-cap'], sheets: 1 }, () => {
      const rows = [LEDGER_HEADER, ...LEDGER_ROWS].map((r, i) => inlineRow(i + 1, r)).join('') + inlineRow(1_048_576, ['x']);
      const files: Zippable = {};
      for (const [k, v] of Object.entries(workbookParts([{ name: '任务台账' }]))) files[k] = strToU8(v);
      files['xl/worksheets/sheet1.xml'] = strToU8(sheetXml(rows));
      return zipSync(files);
    }),
    m('entity-expansion.xlsx', 'sharedStrings.xml 里的“十亿笑”实体膨胀', { refused: 'xml-doctype' }, () => {
      const lol =
        '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY lol "lol">' +
        Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
        `]><sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`;
      const parts = workbookParts([{ name: '任务台账' }], { sharedStrings: lol });
      parts['xl/worksheets/sheet1.xml'] = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
      return rawZip(Object.entries(parts).map(([k, v]) => entry(k, v)));
    }),
    m('gbk-entry-name.xlsx', '压缩包里有一个 GBK 编码的部件名（未设 UTF-8 标志）', { warnings: ['zip-name-not-utf8'], sheets: 1 }, () => {
      const parts = workbookParts([{ name: '任务台账' }]);
      parts['xl/worksheets/sheet1.xml'] = sheetXml([LEDGER_HEADER, ...LEDGER_ROWS].map((r, i) => inlineRow(i + 1, r)).join(''));
      const entries = Object.entries(parts).map(([k, v]) => entry(k, v));
      entries.push(entry(encodeGbk('附件/说明.txt'), '填报说明', false));
      return rawZip(entries);
    }),
    m('path-traversal.xlsx', '部件名是 ../../evil.sh', { refused: 'zip-unsafe-path' }, () => {
      const parts = workbookParts([{ name: '任务台账' }]);
      parts['xl/worksheets/sheet1.xml'] = sheetXml(inlineRow(1, ['序号']));
      parts['../../evil.sh'] = '#!/bin/sh\necho pwned\n';
      return rawZip(Object.entries(parts).map(([k, v]) => entry(k, v)));
    }),
    m('formula-like-text.xlsx', '以 = + - @ 开头的文本单元格（其他工具写出）', { warnings: [], sheets: 1 }, () =>
      exceljsBytes((wb) => {
        const ws = wb.addWorksheet('任务台账');
        ws.addRow(['序号', '重点任务', '备注']);
        ws.addRow([1, '=HYPERLINK("http://example.com","点我")', '+86 028-8888']);
        ws.addRow([2, '-5%', '@区科协']);
      }),
    ),
    m('word.xlsx', '改了扩展名的 Word 文档', { refused: 'word-document' }, () =>
      zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
    ),
    m('html-table.xls', '系统导出的“伪 .xls”（其实是 HTML 表格）', { refused: 'html-table' }, () =>
      strToU8('<html><head><meta charset="utf-8"></head><body><table><tr><td>序号</td><td>重点任务</td></tr></table></body></html>'),
    ),
    m('empty-file.xlsx', '0 字节文件', { refused: 'empty-file' }, () => new Uint8Array(0)),
    // Large: generated at test time only.
    m('rows-1048576-dense.xlsx', '一张 1,048,576 行的明细表 + 一张正常台账', { warnings: ['sheet-too-many-rows'], sheets: 2 }, denseMillionRows, true),
    m('formatted-to-bottom.xlsx', '格式一直刷到第 1,048,576 行（空行带样式）', { warnings: ['formatted-rows-ignored'], sheets: 1 }, formattedToBottom, true),
    m('zip-bomb-declared.xlsx', '表格 XML 声明解压后近 4 GB', { refused: 'zip-bomb-declared' }, () => bombWorkbook(1 << 20, 0xfffff000), true),
    m('zip-bomb.xlsx', '几百 KB 的文件，表格 XML 实际解压 300 MB（声明只有 1 KB）', { refused: 'zip-bomb-actual' }, () => bombWorkbook(300 * (1 << 20), 1024), true),
    m('too-many-entries.xlsx', '10,001 个部件的压缩包', { refused: 'zip-too-many-entries' }, () => {
      const parts = workbookParts([{ name: '任务台账' }]);
      parts['xl/worksheets/sheet1.xml'] = sheetXml(inlineRow(1, ['序号']));
      const entries = Object.entries(parts).map(([k, v]) => entry(k, v));
      for (let i = 0; entries.length <= 10_000; i++) entries.push(entry(`xl/media/x${i}.txt`, 'x'));
      return rawZip(entries);
    }, true),
  ];
}

export function badFixtureList(): BadFixture[] {
  return makers().map((m) => m.fixture);
}

/** Writes the fixtures into `dir` (all of them, or only the small ones) and returns their list. */
export async function makeBadFixtures(dir: string, opts: { large?: boolean; only?: string[] } = {}): Promise<BadFixture[]> {
  mkdirSync(dir, { recursive: true });
  const done: BadFixture[] = [];
  for (const { fixture, make } of makers()) {
    if (fixture.large && !opts.large) continue;
    if (opts.only && !opts.only.includes(fixture.file)) continue;
    writeFileSync(path.join(dir, fixture.file), await make());
    done.push(fixture);
  }
  return done;
}

/** Writes a file whose name on disk is GBK bytes (as copied from Chinese Windows); returns the raw path. */
export function writeGbkNamedFile(dir: string, name: string, bytes: Uint8Array): Buffer {
  const p = Buffer.concat([Buffer.from(dir + path.sep), Buffer.from(encodeGbk(name))]);
  writeFileSync(p, bytes);
  return p;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'bad');
  const list = await makeBadFixtures(dir, { large: process.argv.includes('--large') });
  writeFileSync(path.join(dir, 'README.md'), fixtureReadme());
  console.log(`写入 ${list.length} 个坏文件到 ${dir}`);
}

// The README lists every fixture, the large ones too (marked test time only),
// whichever were written now.
function fixtureReadme(): string {
  return [
    '# Bad input fixtures',
    '',
    'Generated by `npx tsx scripts/make-bad-fixtures.ts` (do not edit by hand). Large ones',
    '(1,048,576-row sheets, zip bombs, 10,001 entries) are generated at test time by',
    '`makeBadFixtures(dir, { large: true })` and never committed.',
    '',
    '| file | what | expected |',
    '|---|---|---|',
    ...badFixtureList().map((f) => `| ${f.file}${f.large ? ' (test time only)' : ''} | ${f.what} | ${'refused' in f.expect ? `refused: \`${f.expect.refused}\`` : `read${f.expect.warnings.length ? `, warnings: ${[...new Set(f.expect.warnings)].map((w) => `\`${w}\``).join(', ')}` : ''}`} |`),
    '',
  ].join('\n');
}
