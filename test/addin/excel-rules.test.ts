// Excel's rules as the pane plans with them: what text needs Excel's "this is
// text" mark, what a string becomes when written unprotected (the model the
// hosts use), sheet names, dates read back, and what the user is told by e.code.
import { describe, expect, it } from 'vitest';
import { HostError, MAX_SHEET_NAME, cellFromExcel, sheetNameProblem, textForExcel } from '../../addin/excel-rules';
import { typedAsExcel } from '../../addin/memory/excel-input';
import { HOST_ERROR_TEXT, hostFailure } from '../../addin/messages';
import { uniqueSheetName } from '../../addin/commands/generate';
import { deletionOrder, highlightFormula, highlightTag } from '../../addin/highlights';

describe('textForExcel: a leading apostrophe where Excel would read the text as something else', () => {
  it.each([
    // Formulas, from user or generated text, never.
    ['=SUM(A1:A3)', true],
    ['-(未识别)', true],
    ['+86 028 1234', true],
    ['@某人', true],
    ['＝全角等号', true],
    // Numbers, phone numbers, dates, booleans, percentages, error literals.
    ['007', true],
    ['028-86123456', true],
    ['1/2', true],
    ['6月30日', true],
    ['2023年6月', true],
    ['上午9:00', true],
    ['TRUE', true],
    ['12%', true],
    ['#N/A', true],
    ['１２３', true],
    // A text that already starts with ' keeps it (Excel would eat one).
    ["'引号开头", true],
    // Plain Chinese text, plain words: as they are.
    ['区科协', false],
    ['第1季度完成10场', false],
    ['2023年上半年工作进展', false],
    ['%', false],
    ['N/A', false],
    ['', false],
  ])('%j → prefixed %s', (s, prefixed) => {
    expect(textForExcel(s)).toBe(prefixed ? `'${s}` : s);
  });

  it('whatever it sends, the cell holds exactly the text (the hosts’ model of Excel)', () => {
    for (const s of ['=SUM(A1)', '-(未识别)', '007', '1/2', '6月30日', 'TRUE', '12%', "'x", '区科协', '第1季度', 'N/A', '%', '１２３', '2023-06-30'])
      expect(typedAsExcel(textForExcel(s)).value, s).toBe(s);
  });
});

describe('typedAsExcel: what a string written to Range.values becomes', () => {
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  it.each([
    ['=A1', '#NAME?', true],
    ['-(未识别)', '#NAME?', true],
    ['-5', -5, false],
    ['007', 7, false],
    ['1,200', 1200, false],
    ['12%', 0.12, false],
    ['TRUE', true, false],
    ['2023-06-30', day(2023, 6, 30), false],
    ['2023/6/30', day(2023, 6, 30), false],
    ['6月30日', day(2023, 6, 30), false],
    ['1/2', day(2023, 1, 2), false],
    ['12:30', 0.5208333333333334, false],
    ["'007", '007', false],
    ['区科协', '区科协', false],
  ])('%j → %j (formula %s)', (s, value, formula) => {
    const t = typedAsExcel(s);
    expect(t.value).toEqual(value);
    expect(t.formula !== null).toBe(formula);
  });
});

describe('sheet names', () => {
  it.each([
    ['任务台账', [], null],
    ['History', [], 'reserved'],
    ['HISTORY', [], 'reserved'],
    ['台账', ['台账'], 'taken'],
    ['Ledger', ['LEDGER'], 'taken'],
    ["'台账", [], 'apostrophe'],
    ["台账'", [], 'apostrophe'],
    ['a:b', [], 'badChar'],
    ['长'.repeat(MAX_SHEET_NAME + 1), [], 'tooLong'],
    ['  ', [], 'empty'],
  ] as [string, string[], string | null][])('%j among %j: %s', (name, taken, problem) => {
    expect(sheetNameProblem(name, taken)).toBe(problem);
  });

  it.each([
    ['任务台账', ['任务台账'], '任务台账2'],
    ['任务台账', ['任务台账', '任务台账2'], '任务台账3'],
    ['a/b:c', [], 'abc'],
    ['History', [], 'History2'],
    ['Ledger', ['ledger'], 'Ledger2'],
    ["'引号'", [], '引号'],
    ['长'.repeat(40), ['长'.repeat(31)], '长'.repeat(30) + '2'],
  ])('a new sheet from %j among %j is %j, which Excel accepts', (base, taken, want) => {
    const got = uniqueSheetName(base, taken);
    expect(got).toBe(want);
    expect(sheetNameProblem(got, taken)).toBeNull();
  });
});

describe('dates read back', () => {
  it.each([
    [45107, 'yyyy/m/d', new Date(Date.UTC(2023, 5, 30))],
    [45107, 'yyyy"年"m"月"d"日"', new Date(Date.UTC(2023, 5, 30))],
    [45107, 'General', 45107],
    [0.5, '0.0%', 0.5],
    ['2023-06-30', '@', '2023-06-30'],
    ['', 'General', null],
  ])('%j shown as %j reads as %j', (v, fmt, want) => {
    expect(cellFromExcel(v, fmt)).toEqual(want);
  });
});

describe('highlights', () => {
  it('carry their tag in a formula no user text reaches, and are deleted from the largest priority down', () => {
    expect(highlightTag(highlightFormula('error'))).toBe('error');
    expect(highlightTag('=A1>5')).toBeNull();
    expect(deletionOrder(['0', '10', '2'])).toEqual(['10', '2', '0']);
  });
});

describe('what the user is told', () => {
  it('every Excel code has a sentence that says what to do', () => {
    for (const [code, text] of Object.entries(HOST_ERROR_TEXT)) expect(text, code).toMatch(/请/);
  });

  it.each(['AccessDenied', 'InvalidOperationInCellEditMode', 'ItemNotFound', 'ResponsePayloadSizeLimitExceeded', 'GeneralException', 'InvalidArgument'])('%s: our sentence, Excel’s message only in the details', (code) => {
    const f = hostFailure(new HostError(code, 'Some English text from Excel.'));
    expect(f.text).toBe(HOST_ERROR_TEXT[code]);
    expect(f.text).not.toContain('Some English text');
    expect(f.details).toContain('Some English text from Excel.');
    expect(f.details).toContain(code);
  });
});
