// Section headings of seeds 000 and 004 and the 类别 labels of the example
// ledger: each maps to one canonical population or project, and the label keeps
// the document's own words.
import { describe, expect, it } from 'vitest';
import { classify, classifyPopulation, classifyProject } from '../../shared/classify';
import { POPULATIONS, PROJECTS } from '../../shared/model';
import { seedText } from '../support/paths';

const SEED_000 = seedText('000');
const SEED_004 = seedText('004');
const lines = (s: string) => s.split('\n').map((l) => l.trim());

type Row = [heading: string, population: string | null, project: string | null, label: string | null];

const HEADINGS_000: Row[] = [
  ['(一)实施青少年科学素质提升行动', '青少年', null, '青少年科学素质提升行动'],
  ['(二)实施城市居民科学素质提升行动', '城镇居民', null, '城市居民科学素质提升行动'],
  ['(三)实施产业工人科学素质提升行动', '产业工人', null, '产业工人科学素质提升行动'],
  ['(四)实施老年人科学素质提升行动', '老年人', null, '老年人科学素质提升行动'],
  ['(五)实施领导干部和公务员科学决策提能行动', '领导干部和公务员', null, '领导干部和公务员科学决策提能行动'],
  ['(一)实施科普基础设施建设工程', null, '科普基础设施工程', '科普基础设施建设工程'],
  ['(二)实施科技资源科普转化工程', null, '科技资源科普化工程', '科技资源科普转化工程'],
  ['(三)实施基层科普能力提升工程', null, '基层科普能力提升工程', '基层科普能力提升工程'],
  ['(四)实施科普信息化工程', null, '科普信息化提升工程', '科普信息化工程'],
  ['(五)实施人才队伍建设工程', null, '科普人才建设工程', '人才队伍建设工程'],
  ['一、总体要求', null, null, null],
  ['二、提升行动', null, null, null],
  ['三、重点工程', null, null, null],
  ['四、保障措施', null, null, null],
  ['(一)指导思想', null, null, null],
  ['(二)工作目标', null, null, null],
  ['(一)加强组织保障', null, null, null],
  ['(四)加强宣传引导', null, null, null],
];

const HEADINGS_004: Row[] = [
  ['1．实施青少年科学素质提升行动', '青少年', null, '青少年科学素质提升行动'],
  ['2．实施农民科学素质提升行动', '农民', null, '农民科学素质提升行动'],
  ['3．实施产业工人科学素质提升行动', '产业工人', null, '产业工人科学素质提升行动'],
  ['4．实施老年人科学素质提升行动', '老年人', null, '老年人科学素质提升行动'],
  ['5．实施领导干部和公务员科学素质提升行动', '领导干部和公务员', null, '领导干部和公务员科学素质提升行动'],
  ['1．实施科技资源科普化工程', null, '科技资源科普化工程', '科技资源科普化工程'],
  ['2．实施科普信息化提升工程', null, '科普信息化提升工程', '科普信息化提升工程'],
  ['3．实施科普基础设施工程', null, '科普基础设施工程', '科普基础设施工程'],
  ['4．实施基层科普能力提升工程', null, '基层科普能力提升工程', '基层科普能力提升工程'],
  ['5．实施科学素质开放合作工程', null, '科学素质国际交流合作工程', '科学素质开放合作工程'],
  ['（一）实施五大提升行动', null, null, null],
  ['（二）实施五大重点工程', null, null, null],
  ['三、重点任务及主要措施', null, null, null],
  ['（一）组织保障', null, null, null],
  // Annex 类别 column.
  ['提升行动', null, null, null],
  ['重点工程', null, null, null],
];

// The 类别 cells of the example ledger (test/fixtures/example/jinjiang-2023H1.xlsx).
const EXAMPLE_CATEGORIES: Row[] = [
  ['实施青少年科学素质提升行动', '青少年', null, '青少年科学素质提升行动'],
  ['实施城市居民科学素质提升行动', '城镇居民', null, '城市居民科学素质提升行动'],
  ['实施产业工人科学素质提升行动', '产业工人', null, '产业工人科学素质提升行动'],
  ['实施老年人科学素质提升行动', '老年人', null, '老年人科学素质提升行动'],
  ['实施领导干部和公务员科学决策提能行动', '领导干部和公务员', null, '领导干部和公务员科学决策提能行动'],
  ['实施科普基础设施建设工程', null, '科普基础设施工程', '科普基础设施建设工程'],
  ['实施科技资源科普转化工程', null, '科技资源科普化工程', '科技资源科普转化工程'],
  ['实施基层科普能力提升工程', null, '基层科普能力提升工程', '基层科普能力提升工程'],
  ['实施科普信息化工程', null, '科普信息化提升工程', '科普信息化工程'],
  ['实施人才队伍建设工程', null, '科普人才建设工程', '人才队伍建设工程'],
];

function expectRow(text: string, [, population, project, label]: Row) {
  const p = classifyPopulation(text);
  const j = classifyProject(text);
  expect(p?.canonical ?? null).toBe(population);
  expect(j?.canonical ?? null).toBe(project);
  expect(p?.label ?? j?.label ?? null).toBe(label);
  if (p) expect(POPULATIONS).toContain(p.canonical);
  if (j) expect(PROJECTS).toContain(j.canonical);
  // classify() on the label alone agrees.
  const both = classify({ category: text });
  expect(both.population?.canonical ?? null).toBe(population);
  expect(both.project?.canonical ?? null).toBe(project);
}

describe('seed 000 headings', () => {
  const seedLines = lines(SEED_000);
  it('covers every 实施 heading of the seed', () => {
    const inSeed = seedLines.filter((l) => /^\([一二三四五]\)实施/.test(l));
    expect(inSeed).toEqual(HEADINGS_000.filter((r) => r[0].includes('实施')).map((r) => r[0]));
  });
  it.each(HEADINGS_000)('%s → %s / %s', (...row) => {
    expect(seedLines).toContain(row[0]);
    expectRow(row[0], row);
  });
});

describe('seed 004 headings', () => {
  // In 004 a heading and its lead paragraph share a line: 1．实施…行动。完善…
  const seedLines = lines(SEED_004);
  const lineOf = (heading: string) => seedLines.find((l) => l === heading || l.startsWith(`${heading}。`));
  it('covers every numbered 实施 heading of the seed', () => {
    // The annex repeats the headings without a paragraph; take the body's.
    const inSeed = seedLines.filter((l) => /^\d．实施.*。/.test(l)).map((l) => l.split('。')[0]);
    expect(inSeed).toEqual(HEADINGS_004.filter((r) => /^\d．/.test(r[0])).map((r) => r[0]));
  });
  it.each(HEADINGS_004)('%s → %s / %s', (...row) => {
    const line = lineOf(row[0]);
    expect(line).toBeDefined();
    // The whole line, lead paragraph included, classifies as its heading does.
    expectRow(line!, row);
  });
});

describe('example ledger 类别', () => {
  it.each(EXAMPLE_CATEGORIES)('%s → %s / %s', (...row) => {
    expectRow(row[0], row);
  });
});

describe('words of docs/domain.md §3', () => {
  it.each<[string, string, string]>([
    ['未成年人科学素质提升', '青少年', '未成年人'],
    ['农牧民科学素质提升行动', '农民', '农牧民科学素质提升行动'],
    ['城镇劳动者科学素质提升', '产业工人', '城镇劳动者'],
    ['实施银龄科普服务行动', '老年人', '银龄科普服务行动'],
    ['社区居民科学素质提升', '城镇居民', '社区居民'],
    ['城镇居民科学素质行动', '城镇居民', '城镇居民科学素质行动'],
  ])('population %s → %s (%s)', (text, canonical, label) => {
    expect(classifyPopulation(text)).toEqual({ canonical, label });
  });

  it.each<[string, string]>([
    ['科学素质交流合作工程', '科学素质国际交流合作工程'],
    ['科学素质国际交流合作工程', '科学素质国际交流合作工程'],
    ['科技教育与培训基础工程', '科技教育与培训基础工程'],
    ['社区科普益民工程', '社区科普益民工程'],
    ['科普产业助力工程', '科普产业助力工程'],
    ['科普人才建设工程', '科普人才建设工程'],
    ['实施科普信息化提升工程', '科普信息化提升工程'],
  ])('project %s → %s', (text, canonical) => {
    expect(classifyProject(text)?.canonical).toBe(canonical);
  });

  it('社区科普益民工程 is a project, not the 社区居民 population', () => {
    expect(classifyPopulation('实施社区科普益民工程')).toBeNull();
  });

  it('农民工 belongs to 产业工人, not 农民', () => {
    expect(classifyPopulation('深入实施农民工职业技能提升计划')?.canonical).toBe('产业工人');
  });

  it('a heading naming several populations is not guessed', () => {
    expect(classifyPopulation('青少年、农民、城镇劳动者、领导干部和公务员等重点人群')).toBeNull();
  });
});
