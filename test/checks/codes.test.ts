// Every message table has one shape (shared/wording.ts): code → (params) =>
// zh-CN text, each code with its own params. The codes and their params are
// typed from the table, as Zod types its issues: a code without wording, or
// params the wording does not take, do not compile (the @ts-expect-error lines
// below fail `npx tsc --noEmit` if the typing ever loosens). At run time every
// code of every table words a Chinese sentence with no internals in it.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  finding,
  findingCode,
  fixFor,
  message,
  MESSAGES,
  wordingOf,
  type CodedFinding,
  type FindingCode,
  type FindingParams,
} from '../../shared/checks/messages';
import { DIRECTORY_MESSAGES, directoryFinding } from '../../shared/owners/messages';
import { PLAN_MESSAGES, planFinding, planMessage, planProblem } from '../../shared/plan/messages';
import { IO_MESSAGES, ioMessage, problem, type IoParams } from '../../shared/io/messages';
import { DOCX_MESSAGES } from '../../shared/io/docx';
import { MERGE_MESSAGES } from '../../shared/merge/messages';
import { ADDIN_MESSAGES } from '../../addin/messages';
import { codesOf, type MessageTable, type NoParams } from '../../shared/wording';
import { messageFaults } from '../../scripts/message-check';

const where = { sheet: '任务台账', row: 3, column: '牵头单位' };
const FILE = '台账.xlsx';

/** Any params a wording asks for: a number for counts and places, the file's name, a word otherwise. */
const SAMPLE: Record<string, unknown> = { file: FILE, cells: ['B3', 'C4'], reason: 'no-owner-text' };
const NUMBERS = new Set(['rows', 'row', 'count', 'first', 'from', 'to', 'tasks', 'members', 'year', 'start', 'end', 'days', 'limit', 'score', 'progress', 'expected']);
const anyParams = new Proxy({}, { get: (_, k) => (typeof k !== 'string' ? undefined : k in SAMPLE ? SAMPLE[k] : NUMBERS.has(k) ? 2 : '某值') });

const TABLES: [string, MessageTable, { namesFile: boolean }][] = [
  ['checks', MESSAGES, { namesFile: false }],
  ['单位名录', DIRECTORY_MESSAGES, { namesFile: false }],
  ['plan', PLAN_MESSAGES, { namesFile: false }],
  ['io', IO_MESSAGES, { namesFile: true }],
  ['docx', DOCX_MESSAGES, { namesFile: true }],
  ['merge', MERGE_MESSAGES, { namesFile: false }],
  ['add-in', ADDIN_MESSAGES, { namesFile: false }],
];
// Messages about a sheet being written name the sheet, not a file.
const NO_FILE = new Set(['write-cell-truncated', 'write-sheet-renamed', 'write-merge-skipped', 'write-invalid-chars', 'write-bad-number']);

describe('every message table', () => {
  it.each(TABLES.flatMap(([name, table, o]) => codesOf(table).map((code) => [name, code, table, o] as const)))(
    '%s %s words a Chinese sentence without internals',
    (_name, code, table, o) => {
      const text = (table[code] as (p: unknown) => string)(anyParams);
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
      const faults = messageFaults(text, FILE).filter((f) => f !== '没有写出文件名' || (o.namesFile && !NO_FILE.has(code)));
      expect(faults).toEqual([]);
    },
  );

  it('checks: every code has a severity and its fix (where it has one) in Chinese', () => {
    for (const code of codesOf(MESSAGES)) {
      const w = wordingOf({ code, params: anyParams });
      expect(w.message).toBe(message(code, anyParams as never));
      if (w.fix !== null) expect(w.fix).toMatch(/[\u4e00-\u9fff]/);
      expect(['error', 'warning', 'info']).toContain(finding(code, where, anyParams as never).severity);
    }
  });
});

describe('finding codes', () => {
  it.each([
    ['owners.unknown', 'owners.unknown'],
    ['structure.no-header', 'structure.no-header'],
    ['owners.unknwon', null],
    ['', null],
    ['toString', null],
    ['__proto__', null],
  ])('findingCode(%j) → %j', (text, want) => {
    expect(findingCode(text)).toBe(want);
  });

  it.each([
    ['owners.unknown', { name: '区科协', suggestion: '区科学技术协会', score: null, others: null }, '单位「区科协」不在单位名录中,是否为「区科学技术协会」?'],
    ['structure.no-tasks', { sheet: '任务台账' }, '工作表「任务台账」表头下没有任务行'],
    ['owners.missing-lead', {}, '任务没有牵头单位'],
  ] as const)('%s words its params', (code, params, want) => {
    const f = finding(code as FindingCode, where, params as never);
    expect(f).toMatchObject({ code, params, message: want, fix: fixFor(code as FindingCode, params as never) });
  });

  it('the other tables word their params', () => {
    expect(directoryFinding('directory.duplicate', where, { name: '区科协', first: 4 }).message).toBe('单位「区科协」与第4行重复,两行的别名已合并');
    expect(planFinding('plan.owner-fault', 'info', 7, { id: '1', fault: '“（”以“)”结尾' }).message).toBe('任务 1 的责任单位括注有标点问题（“（”以“)”结尾），已按原意读取。');
    expect(planProblem('plan.pdf', '方案.pdf').message).toContain('「方案.pdf」是 PDF 文件');
    expect(planMessage('plan.no-goal')).toBe('没有找到方案的总体目标（如“公民具备科学素质的比例超过15%”）。');
    expect(problem('write-invalid-chars', '', {}, { sheet: '表', row: 3, column: 'C' }).message).toBe('工作表「表」第 3 行 C 列含有 Excel 不允许的控制字符，已删除。');
    expect(ioMessage('zip-unsafe-path', { file: FILE, entry: '../x' })).toContain('「../x」');
    expect(MERGE_MESSAGES.dropped({ count: 3 })).toBe('3 项任务与其他文件重复,未重复计入');
    expect(ADDIN_MESSAGES.mergesSkipped({ from: 2, to: 513 })).toMatch(/^第 2–513 行的合并单元格过多/);
  });
});

describe('codes and params are typed from the table', () => {
  it('a code has the params its wording takes', () => {
    expectTypeOf<FindingParams<'owners.both'>>().toEqualTypeOf<{ name: string }>();
    expectTypeOf<FindingParams<'owners.missing-lead'>>().toEqualTypeOf<NoParams>();
    expectTypeOf<IoParams<'zip-unsafe-path'>>().toEqualTypeOf<{ file: string; entry: string | number }>();
    expectTypeOf<CodedFinding<'owners.both'>>().toEqualTypeOf<{ code: 'owners.both'; params: { name: string } }>();
  });

  it('wrong codes and wrong params do not compile', () => {
    // Never run: the compiler is the check (each line must be an error, or tsc fails on an unused directive).
    const compileOnly = () => {
      // @ts-expect-error: no wording for this code
      finding('owners.no-such-code', where);
      // @ts-expect-error: a 单位名录 code is not a checks code
      finding('directory.duplicate', where, { name: 'x', first: 1 });
      // @ts-expect-error: nor a checks code a 单位名录 one
      directoryFinding('owners.unknown', where, {});
      // @ts-expect-error: nor a plan one
      planFinding('plan.no-such', 'warning', 1, {});
      // @ts-expect-error: params the wording does not take
      finding('owners.both', where, { wrong: 1 });
      // @ts-expect-error: params the wording needs, missing
      finding('owners.unknown', where, { name: '区科协' });
      // @ts-expect-error: a code that takes no params takes none
      finding('owners.missing-lead', where, { name: '区科协' });
      // @ts-expect-error: a param of the wrong type
      message('structure.no-tasks', { sheet: 3 });
      // @ts-expect-error: a code that needs params needs them
      fixFor('owners.both');
      // @ts-expect-error: 单位名录 params are checked too
      directoryFinding('directory.duplicate', where, { name: '区科协' });
      // @ts-expect-error: a plan.no-lead reason outside the table's
      planFinding('plan.no-lead', 'warning', 1, { id: '1', title: 't', reason: 'other' });
      // @ts-expect-error: planProblem adds the file, the rest is needed
      planProblem('plan.too-long', '方案.txt', { count: '1' });
      // @ts-expect-error: a misspelt io param
      problem('zip-unsafe-path', FILE, { entyr: 'x' });
      // @ts-expect-error: the place a write message names is required
      problem('write-invalid-chars', '', {});
      // @ts-expect-error: merge params are named
      MERGE_MESSAGES.dropped(3);
      // @ts-expect-error: and the add-in's
      ADDIN_MESSAGES.noLedger({ name: '任务台账' });
    };
    expect(typeof compileOnly).toBe('function');
  });
});
