// Finding codes are typed from each message table (checks, 单位名录, plan
// import): a code without wording does not compile, and a code read back from
// data is checked against the table.
import { describe, expect, it } from 'vitest';
import { finding, findingCode, MESSAGES, message, type FindingCode } from '../../shared/checks/messages';
import { directoryFinding } from '../../shared/owners/messages';
import { planFinding } from '../../shared/plan/messages';

const where = { sheet: '任务台账', row: 3, column: '牵头单位' };

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

  it('every code of the table words a finding in Chinese', () => {
    for (const code of Object.keys(MESSAGES) as FindingCode[]) {
      const f = finding(code, where, { name: '区科协', sheet: '任务台账', column: '牵头单位' });
      expect(f.code).toBe(code);
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(f.message).toBe(message(code, f.params));
    }
  });

  it('a code outside its table is a type error', () => {
    // @ts-expect-error: no wording for this code
    expect(() => finding('owners.no-such-code', where)).toThrow();
    // @ts-expect-error: a 单位名录 code is not a checks code
    expect(() => finding('directory.duplicate', where)).toThrow();
    // @ts-expect-error: nor a checks code a 单位名录 one
    expect(() => directoryFinding('owners.unknown', where, {})).toThrow();
    // @ts-expect-error: nor a plan one
    expect(() => planFinding('plan.no-such', 'warning', 1)).toThrow();
  });
});
