// The thresholds supervision offices set (docs/domain.md §8: "one city's published
// rule; others differ"), as one typed object with defaults. Officials keep
// them in a 设置 sheet of the workbook (key | value rows, Chinese keys); the CLI
// overrides them with flags. Passed explicitly to whatever judges: no
// process-wide state.
import type { CodedFinding } from '../checks/messages';
import type { CellValue, Light, SheetGrid } from '../model';

export interface ProgressSettings {
  /** A gap (序时进度 − share done, 0..1) beyond this is red. Default 0.30 (30 points). */
  redGap: number;
  /** A gap beyond this is yellow (滞后); at or under it green (正常). Default 0: any gap. */
  yellowGap: number;
  /** A task not done and due within this many days gets the blue notice (progress.due_soon). Default 30. */
  dueSoonDays: number;
  /** Light of a task nobody reported on, before its deadline (after it, always red). Default 黄. */
  unreportedLight: Exclude<Light, '绿'>;
}

export const DEFAULT_SETTINGS: Readonly<ProgressSettings> = Object.freeze({
  redGap: 0.3,
  yellowGap: 0,
  dueSoonDays: 30,
  unreportedLight: '黄',
});

export type SettingKey = keyof ProgressSettings;

/** The 设置 sheet's words for each setting: the first is written, all are read. */
export const SETTING_KEYS: Record<SettingKey, readonly string[]> = {
  redGap: ['红灯差距(百分点)', '红灯差距', '红灯阈值', '红灯线', '红灯'],
  yellowGap: ['黄灯差距(百分点)', '黄灯差距', '黄灯阈值', '黄灯线', '黄灯'],
  dueSoonDays: ['临近期限天数', '临近期限(天)', '临期天数', '临近截止天数', '提前提醒天数', '蓝色提醒天数'],
  unreportedLight: ['未填报灯色', '未填报亮灯', '未填报颜色'],
};

/** What each setting means, for the sheet's third column and the docs. */
export const SETTING_NOTES: Record<SettingKey, string> = {
  redGap: '完成进度落后序时进度超过此百分点数亮红灯',
  yellowGap: '落后超过此百分点数亮黄灯(并判为滞后),不超过为绿灯',
  dueSoonDays: '未完成且距完成时限不超过此天数的任务给出临期提醒',
  unreportedLight: '未填报任务在完成时限前亮的灯(黄或红);逾期后一律为红灯',
};

export const SETTINGS_SHEET = '设置';

const fold = (s: string) => s.normalize('NFKC').replace(/[\s:：]+/g, '').replace(/[(（][^)）]*[)）]/g, '');
const KEY_INDEX = new Map<string, SettingKey>();
for (const [k, words] of Object.entries(SETTING_KEYS) as [SettingKey, readonly string[]][]) for (const w of words) KEY_INDEX.set(fold(w), k);

/** A setting's key cell → which setting, or null. */
export function settingOf(key: string): SettingKey | null {
  return KEY_INDEX.get(fold(key)) ?? null;
}

/** Why a value was refused: a finding's params. */
export type SettingProblem = CodedFinding<'settings.bad_value' | 'settings.unknown_key'> & {
  /** Excel row (1-based) and column index (0-based) of the offending cell. */
  row: number;
  col: number;
};

export interface SettingsRead {
  sheet: string;
  values: Partial<ProgressSettings>;
  problems: SettingProblem[];
}

/**
 * Points (0..100) from a cell: 30, '30', '30%', '30个百分点', or a share 0.3
 * (a percent-formatted cell). A number strictly between 0 and 1 is a share: no
 * office sets a threshold under one point.
 */
function points(v: CellValue): number | null {
  if (typeof v === 'number') return !Number.isFinite(v) ? null : v > 0 && v < 1 ? v : v / 100;
  if (typeof v !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?)\s*(%|个?百分点|点)?$/.exec(v.normalize('NFKC').trim());
  if (!m) return null;
  const n = Number(m[1]);
  return !m[2] && n > 0 && n < 1 ? n : n / 100;
}

function days(v: CellValue): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(/^(\d+)\s*(?:天|日)?$/.exec(v.normalize('NFKC').trim())?.[1] ?? NaN) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 366 ? n : null;
}

function light(v: CellValue): '黄' | '红' | null {
  const t = typeof v === 'string' ? v.normalize('NFKC').replace(/\s+/g, '').replace(/(色|灯)+$/, '') : '';
  return t === '黄' ? '黄' : t === '红' ? '红' : null;
}

const READERS: { [K in SettingKey]: { read: (v: CellValue) => ProgressSettings[K] | null; expected: string } } = {
  redGap: { read: (v) => inRange(points(v)), expected: '0 到 100 之间的百分点数,如 30' },
  yellowGap: { read: (v) => inRange(points(v)), expected: '0 到 100 之间的百分点数,如 0 或 10' },
  dueSoonDays: { read: days, expected: '0 到 366 之间的整数天数,如 30' },
  unreportedLight: { read: light, expected: '「黄」或「红」' },
};

const inRange = (p: number | null): number | null => (p !== null && p >= 0 && p <= 1 ? p : null);

const cellText = (v: CellValue): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());

/** Header words of a 设置 sheet's first row. */
const HEADER = /^(设置项|项目|参数|名称|设置|键)$/;

/** Reads a 设置 sheet: key in the first column, value in the second. Bad rows become problems naming their cell. */
export function readSettingsSheet(grid: SheetGrid): SettingsRead {
  const out: SettingsRead = { sheet: grid.name, values: {}, problems: [] };
  const originRow = grid.origin?.row ?? 0;
  const originCol = grid.origin?.col ?? 0;
  grid.rows.forEach((row, r) => {
    const key = cellText(row[0] ?? null);
    if (!key || (r === 0 && HEADER.test(fold(key)))) return;
    const excelRow = r + 1 + originRow;
    const k = settingOf(key);
    if (!k) {
      out.problems.push({ code: 'settings.unknown_key', row: excelRow, col: originCol, params: { key, known: Object.values(SETTING_KEYS).map((w) => w[0]).join('、') } });
      return;
    }
    const raw = row[1] ?? null;
    if (cellText(raw) === '') return; // an empty value keeps the default
    const value = READERS[k].read(raw);
    if (value === null) {
      out.problems.push({ code: 'settings.bad_value', row: excelRow, col: originCol + 1, params: { key, value: cellText(raw), expected: READERS[k].expected } });
      return;
    }
    (out.values as Record<SettingKey, unknown>)[k] = value;
  });
  return out;
}

/**
 * The settings in force: defaults, then the workbook's 设置 sheet, then the
 * caller's overrides (CLI flags). A red gap under the yellow one is not a rule
 * anyone publishes: the yellow gap is lowered to it.
 */
export function resolveSettings(...layers: (Partial<ProgressSettings> | null | undefined)[]): ProgressSettings {
  const s: ProgressSettings = { ...DEFAULT_SETTINGS };
  for (const layer of layers) if (layer) for (const [k, v] of Object.entries(layer)) if (v !== undefined) (s as unknown as Record<string, unknown>)[k] = v;
  if (s.yellowGap > s.redGap) s.yellowGap = s.redGap;
  return s;
}

/** A value given on the command line (30, 30%, 黄) for one setting; null when it cannot be read. */
export function settingFromText<K extends SettingKey>(key: K, text: string): ProgressSettings[K] | null {
  return READERS[key].read(text) as ProgressSettings[K] | null;
}

/** What a setting expects, in words (for a usage error). */
export const settingExpects = (key: SettingKey): string => READERS[key].expected;

/** The 设置 sheet as rows (header, then one row per setting): what kesu writes into a standard workbook. */
export function settingsRows(s: ProgressSettings): CellValue[][] {
  const value = (k: SettingKey): CellValue => (k === 'redGap' || k === 'yellowGap' ? Math.round(s[k] * 1000) / 10 : s[k]);
  return [['设置项', '值', '说明'], ...(Object.keys(SETTING_KEYS) as SettingKey[]).map((k) => [SETTING_KEYS[k][0]!, value(k), SETTING_NOTES[k]])];
}

/** True when s equals the defaults (nothing to write). */
export function isDefault(s: ProgressSettings): boolean {
  return (Object.keys(DEFAULT_SETTINGS) as SettingKey[]).every((k) => s[k] === DEFAULT_SETTINGS[k]);
}
