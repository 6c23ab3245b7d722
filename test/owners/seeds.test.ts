// Every owner the three seed plans name resolves against the bundled directory.
import { describe, expect, it } from 'vitest';
import { defaultDirectory, resolveOwners, splitOwners } from '../../shared/owners';
import { JINJIANG, NATIONAL, QIJIANG } from '../../shared/data';
import { seed000Brackets, seed003Items, seed004Cells } from './seeds';

const RESOLVED = ['exact', 'alias', 'rule', 'group'];

describe('seed 000 (成都市锦江区): every owner bracket', () => {
  const dir = defaultDirectory('成都市锦江区');
  const brackets = seed000Brackets();

  it('finds all 33 brackets (29 tasks and 4 保障措施)', () => {
    expect(brackets).toHaveLength(33);
  });

  it.each(brackets)('task $task resolves with no unknown name', ({ text }) => {
    const matches = resolveOwners(text, dir, { jurisdiction: '成都市锦江区' });
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) {
      expect(RESOLVED, `${m.input} → ${m.matched}`).toContain(m.matched);
      expect(m.name).toBeTruthy();
    }
    const units = matches.filter((m) => m.matched !== 'group').map((m) => m.name);
    for (const n of units) expect(JINJIANG.units.map((u) => u.name)).toContain(n);
  });

  it('uses every bundled 锦江区 unit somewhere (the table is exactly the seed)', () => {
    const used = new Set(brackets.flatMap((b) => resolveOwners(b.text, dir).map((m) => m.name)));
    for (const u of JINJIANG.units) expect(used, u.name).toContain(u.name);
  });

  it.each([
    ['区新经济和科技局', '成都市锦江区新经济和科技局'],
    ['区新经济与科技局', '成都市锦江区新经济和科技局'],
    ['区新经济与科技局 ', '成都市锦江区新经济和科技局'],
    ['成都市锦江区新经济与科技局', '成都市锦江区新经济和科技局'],
  ])('both spellings of one unit: %s', (input, name) => {
    expect(dir.lookup(input).name).toBe(name);
  });

  it.each([
    ['各街道', '各街道'],
    ['区全民科学素质纲要实施工作办公室其他成员单位', '区全民科学素质纲要实施工作办公室其他成员单位'],
  ])('group word %s is a group, not an unknown unit', (word, name) => {
    const [m] = resolveOwners(word, dir);
    expect(m.matched).toBe('group');
    expect(m.name).toBe(name);
  });

  it('纲要办其他成员单位 lists the member units the directory defines', () => {
    const [m] = resolveOwners('区全民科学素质纲要实施工作办公室其他成员单位', dir);
    expect(m.members).toContain('成都市锦江区教育局');
    expect(m.members!.length).toBe(JINJIANG.units.length);
  });

  // Tasks 11 and 14 have malformed brackets; a ledger cell holds their contents.
  it('task 11: a 〔 closed by ） — the last partner is 各街道, not 各街道)', () => {
    const t11 = brackets.find((b) => b.task === '11')!;
    const names = splitOwners(`〔${t11.text})`);
    expect(names.at(-1)).toBe('各街道');
    expect(names).toHaveLength(10);
    const ms = resolveOwners(`〔${t11.text})`, dir);
    expect(ms.map((m) => m.matched)).not.toContain('none');
    expect(ms.find((m) => m.input === '区公安分局')?.name).toBe('成都市公安局锦江区分局');
  });

  it('task 14: 牵头单位:区委组织部、责任单位:… in one cell', () => {
    const t14 = brackets.find((b) => b.task === '14')!;
    expect(t14.text).toMatch(/^牵头单位:区委组织部、责任单位:/);
    const ms = resolveOwners(t14.text, dir);
    expect(ms.map((m) => [m.name, m.matched])).toEqual([
      ['中共成都市锦江区委组织部', 'alias'],
      ['区全民科学素质纲要实施工作办公室其他成员单位', 'group'],
      ['各街道', 'group'],
    ]);
  });
});

describe('seed 003 (国家 2023): all 67 ledger items', () => {
  const items = seed003Items();
  const national = defaultDirectory('国家');
  const all = defaultDirectory();

  it('parses 67 items with trailing parentheses', () => {
    expect(items.map((i) => i.item)).toEqual(Array.from({ length: 67 }, (_, i) => i + 1));
  });

  it.each(items)('item $item: ($owners)', ({ owners }) => {
    // The national directory is national by itself; the full one is told the plan is national.
    for (const [dir, ctx] of [[national, undefined], [all, { jurisdiction: '国家' }]] as const) {
      const ms = resolveOwners(`(${owners})`, dir, ctx);
      expect(ms.length).toBeGreaterThan(0);
      for (const m of ms) {
        expect(RESOLVED, `${m.input} → ${m.matched}`).toContain(m.matched);
        if (m.matched !== 'group') expect(NATIONAL.units.map((u) => u.name)).toContain(m.name);
      }
    }
  });

  // Without a context, a bare name that every level has (气象局) is not taken for
  // the national body: offered with the local ones, never picked silently.
  it.each(['气象局', '发展改革委', '卫生健康委', '社科院', '地震局'])('alone and context-free, %s is not guessed', (alias) => {
    const [m] = resolveOwners(alias, all);
    expect(m.matched).toBe('none');
    expect(m.suggestions.map((s) => s.name)).toContain(NATIONAL.units.find((u) => u.aliases.includes(alias))!.name);
  });

  it('beside a national-only name, a bare name is national (教育部、气象局)', () => {
    expect(resolveOwners('教育部、气象局、社科院', all).map((m) => m.name)).toEqual(['中华人民共和国教育部', '中国气象局', '中国社会科学院']);
  });

  it('item 55: 中国科协牵头,各成员单位参与 → 中国科协 + the members group', () => {
    const ms = resolveOwners(`(${items[54].owners})`, national);
    expect(ms.map((m) => m.name)).toEqual(['中国科学技术协会', '全民科学素质纲要实施工作办公室各成员单位']);
    expect(ms[1].matched).toBe('group');
    expect(ms[1].members).toContain('中华人民共和国教育部');
  });

  it.each([
    ['中国科协', '中国科学技术协会'],
    ['卫生健康委', '国家卫生健康委员会'],
    ['中科院', '中国科学院'],
    ['工程院', '中国工程院'],
    ['共青团中央', '中国共产主义青年团中央委员会'],
    ['发展改革委', '国家发展和改革委员会'],
  ])('%s → %s', (alias, name) => {
    expect(national.lookup(alias)).toMatchObject({ name, matched: 'alias' });
  });

  it('every bundled national unit is named by the ledger', () => {
    const used = new Set(items.flatMap((i) => resolveOwners(i.owners, national).map((m) => m.name)));
    for (const u of NATIONAL.units) expect(used, u.name).toContain(u.name);
  });
});

describe('seed 004 (重庆市綦江区): every unit of the annex table', () => {
  const dir = defaultDirectory('重庆市綦江区');
  const cells = seed004Cells();

  it('reads 10 rows × (牵头部门, 责任部门)', () => {
    expect(cells).toHaveLength(20);
  });

  it.each(cells)('$row $role', ({ text }) => {
    const ms = resolveOwners(text, dir, { jurisdiction: '綦江区' });
    for (const m of ms) {
      expect(['exact', 'alias', 'rule'], `${m.input} → ${m.matched}`).toContain(m.matched);
      expect(QIJIANG.units.map((u) => u.name)).toContain(m.name);
    }
  });

  it('the annex names exactly the bundled 綦江区 units', () => {
    const used = new Set(cells.flatMap((c) => resolveOwners(c.text, dir).map((m) => m.name)));
    expect([...used].sort()).toEqual(QIJIANG.units.map((u) => u.name).sort());
  });

  it.each([
    ['区文化旅游委（区体育局）', '重庆市綦江区文化和旅游发展委员会'],
    ['区文化旅游委', '重庆市綦江区文化和旅游发展委员会'],
    ['区委统战部（区民族宗教委）', '中共重庆市綦江区委统一战线工作部'],
    ['区住房城乡建委（区人民防空办）', '重庆市綦江区住房和城乡建设委员会'],
    ['区委党校（区行政学院）', '中共重庆市綦江区委党校'],
    ['区政府办公室（区政府外办）', '重庆市綦江区人民政府办公室'],
  ])('composite %s is one unit', (input, name) => {
    const ms = resolveOwners(input, dir);
    expect(ms).toHaveLength(1);
    expect(ms[0].name).toBe(name);
  });
});
