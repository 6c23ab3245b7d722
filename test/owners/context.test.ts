// Issue 13: owner names take their context — the enumeration's neighbours, then
// the document's jurisdiction, then the directory. A bare name takes the prefix
// of its context; a name that carries a place or is a group word never does; a
// national body answers a bare name only in a national context.
import { describe, expect, it } from 'vitest';
import { contextsOf, createDirectory, defaultDirectory, groupKeyOf, ownerFigures, resolveOwners } from '../../shared/owners';
import type { OwnerMatch, Unit } from '../../shared/model';

const all = defaultDirectory();
const names = (ms: OwnerMatch[]) => ms.map((m) => (m.matched === 'group' ? m.input : m.name));

// The enumeration the issue reports (a 2016–2020 city plan's division paragraph).
const CITY = '市教育局、团市委、市科协牵头,市委宣传部、市科技局、民族宗教局、市文广新局、气象局、社科院、哈尔滨广播电视台、各区县政府、有关成员单位等单位配合。';

describe('the enumeration gives the context', () => {
  it('kesu owners without --jurisdiction: every name of a city enumeration resolves or expands by rule', () => {
    const ms = resolveOwners(CITY, all);
    expect(names(ms)).toEqual([
      '市教育局', '团市委', '市科协', '市委宣传部', '市科技局', '市民族宗教局', '市文广新局', '市气象局', '市社科院', '哈尔滨广播电视台', '各区县政府', '有关成员单位',
    ]);
    expect(ms.filter((m) => m.matched === 'none' || m.matched === 'fuzzy')).toEqual([]);
    // No national body for a city's 气象局 / 社科院, and no silent score 1.0.
    for (const m of ms) expect(m.name ?? '').not.toMatch(/^中国|^国家/);
    expect(ms.find((m) => m.input === '气象局')).toMatchObject({ matched: 'rule', rule: 'rules-only:prefix-expansion' });
    expect(ms.find((m) => m.input === '社科院')!.score).toBeLessThan(1);
    expect(ownerFigures(ms)).toMatchObject({ names: 12, unresolved: 0, groups: 2, expanded: 3 });
  });

  it.each<[string, (string | null)[]]>([
    // Neighbours after the name count when none comes before.
    ['科协、市教育局', ['市科协', '市教育局']],
    ['由自治区教育厅、科协、团委牵头', ['自治区教育厅', '自治区科协', '自治区团委']],
    ['团旗委、科协、气象局', ['团旗委', '旗科协', '旗气象局']],
    ['州委宣传部、统战部、科协', ['州委宣传部', '州委统战部', '州科协']],
    // A neighbour naming its place gives the level too.
    ['哈尔滨市教育局、科协、妇联', ['哈尔滨市教育局', '市科协', '市妇联']],
    // National-only neighbours make a national enumeration.
    ['教育部、中国科协、气象局、社科院', ['中华人民共和国教育部', '中国科学技术协会', '中国气象局', '中国社会科学院']],
  ])('%s', (text, want) => {
    expect(names(resolveOwners(text, all))).toEqual(want);
  });

  it('the partners take the leads as neighbours', () => {
    const ms = resolveOwners('民族宗教局、气象局', all, { before: '市教育局、市科协' });
    expect(names(ms)).toEqual(['市民族宗教局', '市气象局']);
  });
});

describe('then the document’s jurisdiction, then the directory', () => {
  it.each<[string, string, (string | null)[]]>([
    ['气象局、社科院', '哈尔滨市', ['市气象局', '市社科院']],
    ['教育局、科协', '准格尔旗', ['旗教育局', '旗科协']],
    ['教育局、科协', '恩施土家族苗族自治州', ['州教育局', '州科协']],
    ['教育厅、科协', '宁夏回族自治区', ['自治区教育厅', '自治区科协']],
    ['统计局、气象局', '国家', ['国家统计局', '中国气象局']],
  ])('%s in %s', (text, j, want) => {
    expect(names(resolveOwners(text, all, { jurisdiction: j }))).toEqual(want);
  });

  it('the enumeration wins over the document', () => {
    // A district plan naming the city's departments.
    expect(names(resolveOwners('市委宣传部、统战部', defaultDirectory('成都市锦江区'), { jurisdiction: '成都市锦江区' }))).toEqual(['市委宣传部', '市委统战部']);
  });

  it('the directory’s one jurisdiction when nothing else says', () => {
    expect(resolveOwners('教委', defaultDirectory('重庆市綦江区'))[0]).toMatchObject({ name: '重庆市綦江区教育委员会', matched: 'rule' });
  });

  it('contextsOf names the source of each prefix', () => {
    const cs = contextsOf(['市科技局', '民族宗教局', '哈尔滨广播电视台', '各区县政府'], { jurisdiction: '哈尔滨市', known: [] });
    expect(cs.map((c) => [c.prefix, c.source, c.complete])).toEqual([
      ['市', null, true],
      ['市', 'enumeration', false],
      ['', null, true],
      ['', null, true],
    ]);
    expect(contextsOf(['气象局'], { jurisdiction: '哈尔滨市', known: [] })[0]).toMatchObject({ prefix: '市', source: 'document' });
  });
});

describe('names that take no prefix', () => {
  it.each([
    ['哈尔滨广播电视台', '哈尔滨市'],
    ['黑龙江日报社', '哈尔滨市'],
    ['东北林业大学', '黑龙江省'],
    ['叙州区政府', '宜宾市'],
    ['东津新区管委会', '襄阳市'],
    ['岳麓山大学科技城管委会', '长沙市岳麓区'],
    ['国网哈尔滨供电有限公司', '哈尔滨市'],
  ])('%s (in %s) carries its place', (name, j) => {
    const [m] = resolveOwners(name, all, { jurisdiction: j });
    expect(m).toMatchObject({ name, matched: 'rule', rule: 'rules-only:carries-place' });
  });

  it.each(['各区县政府', '各县（市、区）人民政府', '各乡镇（街道）', '各乡镇人民政府（街道办事处）', '有关成员单位', '各成员单位', '市直有关部门', '各区县科协', '各苏木乡镇（街道）', '各乡镇（场）'])(
    '%s is a group word',
    (word) => {
      expect(groupKeyOf(word)).not.toBeNull();
      const [m] = resolveOwners(word, all, { jurisdiction: '哈尔滨市' });
      expect(m).toMatchObject({ matched: 'group', name: word });
    },
  );

  it('a bare township word after a group is a group too: 各乡镇人民政府、街道办事处', () => {
    expect(resolveOwners('县委宣传部、各乡镇人民政府、街道办事处', null, { jurisdiction: '桐庐县' }).map((m) => m.matched)).toEqual(['rule', 'group', 'group']);
  });

  it.each(['市民政局', '市民族宗教局', '市政府办公室'])('%s keeps its own 市 (not a look-alike)', (name) => {
    expect(resolveOwners(name, null, { jurisdiction: '某省某市' })[0]).toMatchObject({ name, rule: 'rules-only' });
  });
});

describe('a national body answers a bare name only in a national context', () => {
  const city: Unit[] = [{ name: '某市科学技术协会', aliases: ['市科协'], kind: '群团', jurisdiction: '某省某市' }];
  const dir = createDirectory(city);

  it.each(['气象局', '社科院', '统计局', '地震局', '发展改革委'])('%s in a city the directory does not hold is the city’s, by rule', (bare) => {
    const [m] = resolveOwners(bare, dir, { jurisdiction: '某省另一市' });
    expect(m).toMatchObject({ name: '市' + bare, matched: 'rule', rule: 'rules-only:level-prefix' });
  });

  it.each(['气象局', '社科院', '统计局'])('%s in a city whose 单位名录 lacks it: asked about, never the national body', (bare) => {
    const [m] = resolveOwners(bare, dir, { jurisdiction: '某省某市' });
    expect(m.matched).toBe('none');
    expect(m.name).toBeNull();
  });

  it.each([
    ['中国科协', '中国科学技术协会'],
    ['教育部', '中华人民共和国教育部'],
    ['中科院', '中国科学院'],
    ['广电总局', '国家广播电视总局'],
  ])('the national-only %s answers anywhere, even from a directory without national units', (name, canonical) => {
    expect(resolveOwners(name, dir, { jurisdiction: '某省某市' })[0]).toMatchObject({ name: canonical });
  });

  it('an older national name the table lacks is kept as written, in a national plan', () => {
    expect(resolveOwners('农业部、安全监管总局', all, { jurisdiction: '国家' }).map((m) => [m.name, m.rule])).toEqual([
      ['农业部', 'rules-only'],
      ['安全监管总局', 'rules-only'],
    ]);
  });
});

describe('no name is resolved to a unit of another level', () => {
  it('市人力资源和社会保障局 in a district directory is not its 区 unit by fuzzy match', () => {
    const d = createDirectory([{ name: '某区人力资源和社会保障局', aliases: ['区人力资源和社会保障局'], kind: '政府部门', jurisdiction: '某市某区' }]);
    const m = d.lookup('市人力资源和社会保障局', { jurisdiction: '某市某区' });
    expect(m.matched).toBe('none');
    expect(m.name).toBeNull();
  });

  it('a 市 name in a county plan is another jurisdiction’s unit, kept as written', () => {
    expect(resolveOwners('县教育局、市科协', all, { jurisdiction: '某省某市某县' }).map((m) => [m.name, m.matched])).toEqual([
      ['县教育局', 'rule'],
      ['市科协', 'rule'],
    ]);
  });

  it('a bare name with no context in a many-jurisdiction directory is offered, not picked', () => {
    const [m] = resolveOwners('教委', all);
    expect(m.matched).toBe('none');
    expect(m.suggestions.map((s) => s.name)).toContain('重庆市綦江区教育委员会');
  });
});
