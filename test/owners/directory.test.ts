// Directory behaviour: derived name forms, jurisdictions, merging a workbook's
// names over the bundled ones, and bad input that must not throw.
import { describe, expect, it } from 'vitest';
import { createDirectory, defaultDirectory, resolveOwners } from '../../shared/owners';
import type { Unit } from '../../shared/model';

const qj = defaultDirectory('重庆市綦江区');
const all = defaultDirectory();

describe('derived name forms', () => {
  it.each<[string, string, string]>([
    ['綦江区教委', '重庆市綦江区教育委员会', 'jurisdiction-name'],
    ['重庆市綦江区教委', '重庆市綦江区教育委员会', 'jurisdiction-name'],
    ['綦江区委组织部', '中共重庆市綦江区委组织部', 'jurisdiction-name'],
    ['中共綦江区委组织部', '中共重庆市綦江区委组织部', 'jurisdiction-name'],
    ['团綦江区委', '共青团重庆市綦江区委员会', 'jurisdiction-name'],
    ['綦江科协', '重庆市綦江区科学技术协会', 'jurisdiction-name'],
    ['教委', '重庆市綦江区教育委员会', 'level-prefix'],
    ['统战部', '中共重庆市綦江区委统一战线工作部', 'level-prefix'],
  ])('%s → %s (%s)', (input, name, rule) => {
    expect(qj.lookup(input)).toMatchObject({ name, matched: 'rule', rule });
  });

  it('a full name with the jurisdiction needs no context even in the full directory', () => {
    expect(all.lookup('綦江区教委').name).toBe('重庆市綦江区教育委员会');
    expect(all.lookup('锦江区教育局').name).toBe('成都市锦江区教育局');
  });
});

describe('jurisdictions', () => {
  it.each<[string, string | null]>([
    ['成都市锦江区', '成都市锦江区'],
    ['锦江区', '成都市锦江区'],
    ['綦江区', '重庆市綦江区'],
    ['国家', '国家'],
    ['武侯区', null],
  ])('resolveJurisdiction(%s)', (j, expected) => {
    expect(all.resolveJurisdiction?.(j)).toBe(expected);
  });

  it('the jurisdiction in the context picks the unit among same-named aliases', () => {
    expect(all.lookup('团区委', { jurisdiction: '锦江区' }).name).toBe('共青团成都市锦江区委员会');
    expect(all.lookup('团区委', { jurisdiction: '綦江区' }).name).toBe('共青团重庆市綦江区委员会');
    expect(all.lookup('区社科联', { jurisdiction: '重庆市綦江区' }).name).toBe('重庆市綦江区社会科学界联合会');
  });

  it('national units answer in a local context when the local directory has no such unit', () => {
    const ms = resolveOwners('区科协、中国科协、全国妇联', all, { jurisdiction: '綦江区' });
    expect(ms.map((m) => m.name)).toEqual(['重庆市綦江区科学技术协会', '中国科学技术协会', '中华全国妇女联合会']);
  });

  it('a prefix in the context overrides the jurisdiction level', () => {
    const dir = createDirectory([{ name: '某某县教育局', aliases: ['县教育局'], kind: '政府部门', jurisdiction: '某某市某某县' }]);
    expect(dir.lookup('教育局').name).toBe('某某县教育局');
    expect(dir.lookup('教育局', { prefix: '县' }).rule).toBe('level-prefix');
    // A city context: the county's unit is not an answer; the name takes 市 by rule.
    expect(dir.lookup('教育局', { prefix: '市' })).toMatchObject({ name: '市教育局', matched: 'rule', rule: 'rules-only:level-prefix' });
  });
});

describe('a workbook’s 单位名录 over the bundled directory', () => {
  const own: Unit[] = [
    { name: '成都市锦江区科学技术协会', aliases: ['区科协', '锦江科协'], kind: '群团', jurisdiction: '成都市锦江区', contact: { person: '杜思真', phone: '84536567' } },
    { name: '成都市锦江区春熙路街道办事处', aliases: ['春熙路街道'], kind: '街镇', jurisdiction: '成都市锦江区' },
  ];
  const base = defaultDirectory('成都市锦江区');
  const dir = createDirectory([...own, ...base.units], base.groups);

  it('one unit per name, aliases merged, the workbook’s contact kept', () => {
    expect(dir.units.filter((u) => u.name === '成都市锦江区科学技术协会')).toHaveLength(1);
    expect(dir.contactOf('成都市锦江区科学技术协会')).toEqual({ person: '杜思真', phone: '84536567' });
    expect(dir.lookup('区科协')).toMatchObject({ matched: 'alias', name: '成都市锦江区科学技术协会' });
    expect(dir.lookup('春熙路街道')).toMatchObject({ matched: 'alias', name: '成都市锦江区春熙路街道办事处' });
  });

  it('the bundled directories are shared by every caller, so they cannot be changed in place', () => {
    const u = defaultDirectory('成都市锦江区').units[0]!;
    expect(() => (u.aliases as string[]).push('某某')).toThrow(TypeError);
    expect(() => (defaultDirectory().units as unknown[]).pop()).toThrow(TypeError);
    expect(u.aliases).not.toContain('某某');
  });

  it('does not change the bundled directory it was built from', () => {
    expect(base.units.find((u) => u.name === '成都市锦江区科学技术协会')!.aliases).toEqual(['区科协']);
  });
});

describe('bad input returns a result', () => {
  it.each([null, undefined, 42, '', '   ', '、、', '（）'])('lookup(%s)', (v) => {
    const m = qj.lookup(v as unknown as string);
    expect(m.matched).toBe('none');
    expect(m.name).toBeNull();
  });

  it.each([null, undefined, 42, ''])('resolveOwners(%s)', (v) => {
    expect(resolveOwners(v as unknown as string, qj)).toEqual([]);
    expect(resolveOwners(v as unknown as string, null)).toEqual([]);
  });

  it('createDirectory skips units without a name', () => {
    const dir = createDirectory([{ name: '', aliases: [], kind: '其他', jurisdiction: '' }, null as unknown as Unit]);
    expect(dir.units).toEqual([]);
    expect(dir.lookup('区科协').matched).toBe('rule');
  });
});

describe('a directory with only the contract’s members', () => {
  it('resolveOwners still expands and looks up', () => {
    const full = defaultDirectory('成都市锦江区');
    const minimal = { units: full.units, groups: full.groups, lookup: full.lookup, contactOf: full.contactOf };
    const ms = resolveOwners('区教育局、民政局、各街道', minimal, { jurisdiction: '成都市锦江区' });
    expect(ms.map((m) => [m.name, m.matched])).toEqual([
      ['成都市锦江区教育局', 'alias'],
      ['成都市锦江区民政局', 'rule'],
      ['各街道', 'group'],
    ]);
  });
});

describe('groups over a workbook’s rows', () => {
  it('the bundled, empty 各街道 takes the workbook’s 街镇 rows; 成员单位 takes its other rows', () => {
    const base = defaultDirectory('成都市锦江区');
    const own: Unit[] = [
      { name: '成都市锦江区春熙路街道办事处', aliases: ['春熙路街道'], kind: '街镇', jurisdiction: '成都市锦江区' },
      { name: '成都市锦江区统计局', aliases: ['区统计局'], kind: '政府部门', jurisdiction: '成都市锦江区' },
    ];
    const dir = createDirectory([...own, ...base.units], base.groups);
    const [streets] = resolveOwners('各街道', dir);
    expect(streets.members).toEqual(['成都市锦江区春熙路街道办事处']);
    const [members] = resolveOwners('区全民科学素质纲要实施工作办公室其他成员单位', dir);
    expect(members.members).toContain('成都市锦江区统计局');
    expect(members.members).not.toContain('成都市锦江区春熙路街道办事处');
    // The bundled directory's own groups are untouched.
    expect(resolveOwners('各街道', base)[0].members).toEqual([]);
  });
});
