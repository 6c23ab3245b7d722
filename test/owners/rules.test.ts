// The naming rules of docs/domain.md §4, each with several cases, with and without a directory.
import { describe, expect, it } from 'vitest';
import { adminLevelOf, createDirectory, defaultDirectory, FUZZY_THRESHOLD, levelOfJurisdiction, resolveOwners } from '../../shared/owners';
import type { Unit } from '../../shared/model';

const JJ = '成都市锦江区';
const jj = defaultDirectory(JJ);
const qj = defaultDirectory('重庆市綦江区');

/** A small 市-level directory for the enumeration rules (names from the DOMAIN examples). */
const city = createDirectory(
  (
    [
      ['某某市委宣传部', ['市委宣传部'], '党委部门'],
      ['某某市委统一战线工作部', ['市委统战部'], '党委部门'],
      ['某某市科学技术局', ['市科技局'], '政府部门'],
      ['某某市民族宗教事务局', ['市民族宗教局'], '政府部门'],
      ['某某市民政局', ['市民政局'], '政府部门'],
      ['某某市市场监督管理局', ['市市场监管局'], '政府部门'],
      ['共青团某某市委员会', ['团市委'], '群团'],
      ['某某市妇女联合会', ['市妇联'], '群团'],
      ['某某市科学技术协会', ['市科协'], '群团'],
    ] as const
  ).map(([name, aliases, kind]): Unit => ({ name, aliases: [...aliases], kind, jurisdiction: '某省某某市' })),
);

const names = (text: string, dir: Parameters<typeof resolveOwners>[1], j?: string) =>
  resolveOwners(text, dir, j ? { jurisdiction: j } : undefined).map((m) => m.name);

describe('shared-prefix expansion in an enumeration', () => {
  it.each<[string, (string | null)[]]>([
    ['市委宣传部、市科技局、民族宗教局、民政局', ['市委宣传部', '市科技局', '市民族宗教局', '市民政局']],
    ['由自治区教育厅、科协、团委牵头', ['自治区教育厅', '自治区科协', '自治区团委']],
    ['省科技厅、教育厅、科协', ['省科技厅', '省教育厅', '省科协']],
    ['县农业农村局、林业局和水利局', ['县农业农村局', '县林业局', '县水利局']],
    ['区委宣传部、统战部、区教育局', ['区委宣传部', '区委统战部', '区教育局']],
    // full names are not expanded
    ['市科技局、中国科协、教育部', ['市科技局', '中国科协', '教育部']],
    ['区科协、团区委、妇联', ['区科协', '团区委', '区妇联']],
    ['区教育局、各街道、民政局', ['区教育局', '各街道', '区民政局']],
  ])('rules only: %s', (text, expected) => {
    expect(names(text, null)).toEqual(expected);
  });

  it('marks expanded names with the rule and keeps the input as written', () => {
    const [, , m] = resolveOwners('市委宣传部、市科技局、民族宗教局', null);
    expect(m).toMatchObject({ input: '民族宗教局', name: '市民族宗教局', matched: 'rule' });
    expect(m.rule).toMatch(/prefix-expansion/);
  });

  it.each<[string, string[]]>([
    ['市委宣传部、市科技局、民族宗教局、民政局', ['某某市委宣传部', '某某市科学技术局', '某某市民族宗教事务局', '某某市民政局']],
    ['市委宣传部、统战部', ['某某市委宣传部', '某某市委统一战线工作部']],
    ['市科技局、妇联、科协', ['某某市科学技术局', '某某市妇女联合会', '某某市科学技术协会']],
  ])('with a directory: %s', (text, expected) => {
    const ms = resolveOwners(text, city);
    expect(ms.map((m) => m.name)).toEqual(expected);
    expect(ms.map((m) => m.matched)).not.toContain('none');
  });

  it('a national name is not expanded (中国科协 after 区科协 stays national)', () => {
    const ms = resolveOwners('区科协、中国科协、教育部', defaultDirectory(), { jurisdiction: JJ });
    expect(ms.map((m) => m.name)).toEqual(['成都市锦江区科学技术协会', '中国科学技术协会', '中华人民共和国教育部']);
    for (const m of ms.slice(1)) expect(m.rule ?? '').not.toMatch(/prefix-expansion/);
  });
});

describe('prefix look-alikes', () => {
  it.each<[string, (string | null)[]]>([
    ['市科技局、市场监管局', ['市科技局', '市市场监管局']],
    ['区教育局、市场监管局', ['区教育局', '区市场监管局']],
    ['市科技局、团市委、妇联', ['市科技局', '团市委', '市妇联']],
    ['团区委、妇联、科协', ['团区委', '区妇联', '区科协']],
    ['县教育局、团县委', ['县教育局', '团县委']],
  ])('rules only: %s', (text, expected) => {
    expect(names(text, null)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['市场监管局', '成都市锦江区市场监督管理局'],
    ['团区委', '共青团成都市锦江区委员会'],
    ['团锦江区委', '共青团成都市锦江区委员会'],
  ])('锦江区 directory: %s → %s', (input, name) => {
    expect(jj.lookup(input, { jurisdiction: JJ }).name).toBe(name);
  });

  it('市场监管局 alone with a 区 jurisdiction gets 区, not read as 市 + 场监管局', () => {
    expect(resolveOwners('市场监管局', null, { jurisdiction: JJ })[0].name).toBe('区市场监管局');
    expect(jj.lookup('市场监管局')).toMatchObject({ matched: 'rule', rule: 'level-prefix' });
  });

  it('市场监管局 in a 市 directory resolves to the city unit', () => {
    expect(city.lookup('市场监管局').name).toBe('某某市市场监督管理局');
  });
});

describe('composite names with a bracketed alias', () => {
  it.each<[string, string]>([
    ['区文化旅游委（区体育局）', '重庆市綦江区文化和旅游发展委员会'],
    ['区文化旅游委(区体育局)', '重庆市綦江区文化和旅游发展委员会'],
    ['区文化旅游委（区旅游局）', '重庆市綦江区文化和旅游发展委员会'],
    ['区委统战部（民族宗教委）', '中共重庆市綦江区委统一战线工作部'],
    ['区住房城乡建委（区人防办）', '重庆市綦江区住房和城乡建设委员会'],
  ])('綦江区: %s → one unit', (input, name) => {
    const ms = resolveOwners(input, qj);
    expect(ms).toHaveLength(1);
    expect(ms[0].name).toBe(name);
    expect(ms[0].matched).not.toBe('none');
  });

  it.each<[string, string]>([
    ['区教育局（区语委）', '成都市锦江区教育局'],
    ['区委党校（区行政学院）', '中共成都市锦江区委党校'],
  ])('锦江区: %s resolves by its main name (rule composite)', (input, name) => {
    expect(jj.lookup(input)).toMatchObject({ name, matched: 'rule', rule: 'composite' });
  });

  it('rules only: a composite stays one name', () => {
    expect(names('区委党校（区行政学院）、区政府办公室（区政府外办）', null)).toEqual(['区委党校（区行政学院）', '区政府办公室（区政府外办）']);
  });
});

describe('variants', () => {
  it.each<[string, string]>([
    ['区新经济与科技局', '成都市锦江区新经济和科技局'],
    ['成都市锦江区新经济与科技局', '成都市锦江区新经济和科技局'],
    ['区 教育局', '成都市锦江区教育局'],
    [' 区教育局 ', '成都市锦江区教育局'],
    ['成都市锦江区 教育局', '成都市锦江区教育局'],
    ['区规划与自然资源局', '成都市锦江区规划和自然资源局'],
    ['锦江区教育局', '成都市锦江区教育局'],
    ['锦江区委宣传部', '中共成都市锦江区委宣传部'],
    ['中共锦江区委组织部', '中共成都市锦江区委组织部'],
  ])('锦江区: %s', (input, name) => {
    const m = jj.lookup(input);
    expect(m.name).toBe(name);
    expect(['alias', 'rule', 'exact']).toContain(m.matched);
  });

  it.each<[string, string]>([
    ['区住房城乡建委（区人民防空办）', '重庆市綦江区住房和城乡建设委员会'],
    ['区住房城乡建委(区人民防空办)', '重庆市綦江区住房和城乡建设委员会'],
    ['区住房城乡建委〔区人民防空办〕', '重庆市綦江区住房和城乡建设委员会'],
    ['区委党校（区行政学院', '中共重庆市綦江区委党校'],
  ])('綦江区 brackets: %s', (input, name) => {
    expect(qj.lookup(input).name).toBe(name);
  });

  it('full-width letters fold to ASCII', () => {
    const dir = createDirectory([{ name: '某某区ＡＩ产业局', aliases: ['区AI产业局'], kind: '政府部门', jurisdiction: '某市某某区' }]);
    expect(dir.lookup('区ＡＩ产业局').name).toBe('某某区ＡＩ产业局');
    expect(dir.lookup('区ai产业局').matched).not.toBe('exact');
  });

  it('exact and alias are reported as such, variants as rule', () => {
    expect(jj.lookup('成都市锦江区教育局')).toMatchObject({ matched: 'exact', score: 1 });
    expect(jj.lookup('区教育局')).toMatchObject({ matched: 'alias', score: 1 });
    expect(jj.lookup('区 教育局')).toMatchObject({ matched: 'rule', rule: 'variant' });
  });
});

describe('group words', () => {
  it.each<[string, string]>([
    ['各街道', 'streets'],
    ['各镇街', 'streets'],
    ['各区县', 'localities'],
    ['有关成员单位', 'members'],
    ['各成员单位', 'members'],
    ['纲要办其他成员单位', 'members'],
    ['区全民科学素质纲要实施工作办公室其他成员单位', 'members'],
  ])('%s is a group (rules only and with a directory)', (word, family) => {
    for (const dir of [null, jj, qj]) {
      const [m] = resolveOwners(word, dir);
      expect(m.matched).toBe('group');
      expect(m.rule).toBe(`group:${family}`);
      expect(Array.isArray(m.members)).toBe(true);
    }
  });

  it('a directory group lists its members; rules-only groups have none', () => {
    expect(resolveOwners('各成员单位', qj)[0].members!.length).toBeGreaterThan(30);
    expect(resolveOwners('各成员单位', null)[0].members).toEqual([]);
  });

  it('streets come from 单位名录 rows of 类别 街镇', () => {
    const dir = createDirectory([
      { name: '成都市锦江区教育局', aliases: ['区教育局'], kind: '政府部门', jurisdiction: JJ },
      { name: '成都市锦江区春熙路街道办事处', aliases: ['春熙路街道'], kind: '街镇', jurisdiction: JJ },
    ]);
    const [m] = resolveOwners('各街道', dir);
    expect(m).toMatchObject({ matched: 'group', members: ['成都市锦江区春熙路街道办事处'] });
    expect(resolveOwners('纲要办其他成员单位', dir)[0].members).toEqual(['成都市锦江区教育局']);
  });
});

describe('unknown names get ranked suggestions, never a silent guess', () => {
  it.each<[string, string]>([
    ['区教育厅', '成都市锦江区教育局'],
    ['区卫建局', '成都市锦江区卫生健康局'],
    ['区文旅体局', '成都市锦江区文化体育和旅游局'],
    ['区社联', '成都市锦江区社会科学界联合会'],
    ['区经济信息局', '成都市锦江区经济和信息化局'],
  ])('%s → none, suggests %s first', (input, first) => {
    const m = jj.lookup(input);
    expect(m.matched).toBe('none');
    expect(m.name).toBeNull();
    expect(m.suggestions[0].name).toBe(first);
    const scores = m.suggestions.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBeLessThan(FUZZY_THRESHOLD);
  });

  it.each<[string, string]>([
    ['成都市锦江区教育屬', '成都市锦江区教育局'],
    ['成都市锦江区卫生建康局', '成都市锦江区卫生健康局'],
    ['中国科学技术协汇', '中国科学技术协会'],
  ])('a one-character typo in a long name is fuzzy, with its suggestions: %s', (input, name) => {
    const m = defaultDirectory().lookup(input);
    expect(m).toMatchObject({ matched: 'fuzzy', name });
    expect(m.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(m.suggestions[0].name).toBe(name);
  });

  it('an alias shared by two jurisdictions is not guessed without a jurisdiction', () => {
    const m = defaultDirectory().lookup('区科协');
    expect(m.matched).toBe('none');
    expect(m.suggestions.map((s) => s.name).sort()).toEqual(['成都市锦江区科学技术协会', '重庆市綦江区科学技术协会']);
    expect(defaultDirectory().lookup('区科协', { jurisdiction: '綦江区' }).name).toBe('重庆市綦江区科学技术协会');
  });

  it('text that is not a unit name', () => {
    expect(jj.lookup('按计划推进')).toMatchObject({ matched: 'none', name: null, suggestions: [] });
    expect(jj.lookup('开展院士专家进校园活动23场')).toMatchObject({ matched: 'none', suggestions: [] });
    expect(jj.lookup('')).toMatchObject({ matched: 'none', rule: 'empty' });
  });
});

describe('rules-only mode', () => {
  it.each<[string, string | undefined, (string | null)[], string[]]>([
    ['区教育局、区科协', undefined, ['区教育局', '区科协'], ['rule', 'rule']],
    ['教育局、科协', JJ, ['区教育局', '区科协'], ['rule', 'rule']],
    ['教育局、科协', '某某县', ['县教育局', '县科协'], ['rule', 'rule']],
    ['区新经济与科技局 ', undefined, ['区新经济与科技局'], ['rule']],
    ['区文化旅游委(区体育局)', undefined, ['区文化旅游委（区体育局）'], ['rule']],
    ['各街道、按计划推进', undefined, ['各街道', null], ['group', 'none']],
    ['中国科协、教育部', JJ, ['中国科协', '教育部'], ['rule', 'rule']],
  ])('%s (jurisdiction %s)', (text, j, expectedNames, kinds) => {
    const ms = resolveOwners(text, null, j ? { jurisdiction: j } : undefined);
    expect(ms.map((m) => m.name)).toEqual(expectedNames);
    expect(ms.map((m) => m.matched)).toEqual(kinds);
    for (const m of ms) if (m.matched === 'rule') expect(m.rule).toMatch(/rules-only|prefix-expansion/);
  });

  it('a jurisdiction the bundled directory does not know falls back to rules', () => {
    const dir = defaultDirectory('某省某某市某某县');
    expect(dir.units).toEqual([]);
    const [m] = resolveOwners('教育局', dir, { jurisdiction: '某省某某市某某县' });
    expect(m).toMatchObject({ name: '县教育局', matched: 'rule' });
    const [n, c] = resolveOwners('区教育局、中国科协', defaultDirectory(), { jurisdiction: '某省某某市某某县' });
    expect(n).toMatchObject({ name: '区教育局', matched: 'rule', rule: 'rules-only' });
    // National units are the same in every ledger.
    expect(c).toMatchObject({ name: '中国科学技术协会', matched: 'alias' });
  });

  it('every unknown jurisdiction shares one empty directory', () => {
    expect(defaultDirectory('某省某某市某某县')).toBe(defaultDirectory('某省某某市某某区'));
  });

  // The shared directory holds nothing of the jurisdiction: the level prefix comes from the call.
  it.each([
    ['某省某某市某某县', '教育局', '县教育局'],
    ['某省某某市某某区', '教育局', '区教育局'],
    ['某省某某市', '教育局', '市教育局'],
  ])('unknown jurisdiction %s: %s → %s', (j, text, name) => {
    const [m] = resolveOwners(text, defaultDirectory(j), { jurisdiction: j });
    expect(m).toMatchObject({ name, matched: 'rule' });
  });
});

// adminLevelOf is the jurisdiction's level (直辖市 → 省); levelOfJurisdiction the prefix its units take (市).
describe('adminLevelOf', () => {
  it.each([
    ['重庆市', '省'],
    ['上海市', '省'],
    ['香港特别行政区', '省'],
    ['内蒙古自治区', '省'],
    ['成都市', '市'],
    ['大兴安岭地区', '市'],
    ['成都市锦江区', '区县'],
    ['神农架林区', '区县'],
    ['国家', '国家'],
    ['某某', null],
  ])('%s → %s', (j, level) => expect(adminLevelOf(j)).toBe(level));

  it.each([
    ['重庆市', '市'],
    ['成都市锦江区', '区'],
  ])('the unit prefix of %s is still %s', (j, prefix) => expect(levelOfJurisdiction(j)).toBe(prefix));
});
