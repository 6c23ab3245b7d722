// Tasks of seeds 000 and 004 under their section headings: the section label
// decides; without it, title and content may name the population, but never a
// wrong one.
import { describe, expect, it } from 'vitest';
import { classify, classifyPopulation, classifyProject } from '../../shared/classify';
import { seedText, type SeedId } from '../support/paths';


interface SeedTask {
  n: string;
  category: string;
  title: string;
  content: string;
  /** The section's own classification, read from the heading table below. */
  population: string | null;
  project: string | null;
}

const SECTION: Record<string, [string | null, string | null]> = {
  '(一)实施青少年科学素质提升行动': ['青少年', null],
  '(二)实施城市居民科学素质提升行动': ['城镇居民', null],
  '(三)实施产业工人科学素质提升行动': ['产业工人', null],
  '(四)实施老年人科学素质提升行动': ['老年人', null],
  '(五)实施领导干部和公务员科学决策提能行动': ['领导干部和公务员', null],
  '(一)实施科普基础设施建设工程': [null, '科普基础设施工程'],
  '(二)实施科技资源科普转化工程': [null, '科技资源科普化工程'],
  '(三)实施基层科普能力提升工程': [null, '基层科普能力提升工程'],
  '(四)实施科普信息化工程': [null, '科普信息化提升工程'],
  '(五)实施人才队伍建设工程': [null, '科普人才建设工程'],
  '1．实施青少年科学素质提升行动': ['青少年', null],
  '2．实施农民科学素质提升行动': ['农民', null],
  '3．实施产业工人科学素质提升行动': ['产业工人', null],
  '4．实施老年人科学素质提升行动': ['老年人', null],
  '5．实施领导干部和公务员科学素质提升行动': ['领导干部和公务员', null],
  '1．实施科技资源科普化工程': [null, '科技资源科普化工程'],
  '2．实施科普信息化提升工程': [null, '科普信息化提升工程'],
  '3．实施科普基础设施工程': [null, '科普基础设施工程'],
  '4．实施基层科普能力提升工程': [null, '基层科普能力提升工程'],
  '5．实施科学素质开放合作工程': [null, '科学素质国际交流合作工程'],
};

function tasksOf(seed: SeedId, heading: RegExp, task: RegExp): SeedTask[] {
  const out: SeedTask[] = [];
  let category = '';
  for (const raw of seedText(seed).split('\n')) {
    const line = raw.trim();
    if (line.startsWith('四、')) category = ''; // 保障措施 / 组织实施: not tasks of a section
    if (heading.test(line)) {
      category = line.split('。')[0];
      continue;
    }
    const m = task.exec(line);
    if (!m || !category) continue;
    const [population, project] = SECTION[category];
    // Owner brackets are not content.
    out.push({ n: m[1], category, title: m[2], content: m[3].replace(/〔[^〕]*[〕)]\s*$/, ''), population, project });
  }
  return out;
}

const T000 = tasksOf('000', /^\([一二三四五]\)实施/, /^(\d+)\.([^。]*)。(.*)$/);
const T004 = tasksOf('004', /^\d．实施.*。/, /^（(\d+)）([^。]*)。(.*)$/);

describe.each([
  ['000', T000, 29],
  ['004', T004, 39],
])('seed %s tasks', (_seed, tasks, count) => {
  it(`has ${count} tasks under 实施 sections`, () => {
    expect(tasks).toHaveLength(count);
  });

  it.each(tasks.map((t) => [`${t.category.slice(0, 14)} ${t.n} ${t.title}`, t] as const))(
    'with its section label: %s',
    (_name, t) => {
      const got = classify(t);
      expect(got.population?.canonical ?? null).toBe(t.population);
      expect(got.project?.canonical ?? null).toBe(t.project);
    },
  );

  it('without the label, title and content never name a wrong population or project', () => {
    for (const t of tasks) {
      const got = classify({ title: t.title, content: t.content });
      if (got.population) expect([t.n, got.population.canonical]).toEqual([t.n, t.population]);
      if (got.project) expect([t.n, got.project.canonical]).toEqual([t.n, t.project]);
    }
  });

  it('without the label, most population tasks are still recognised', () => {
    const popTasks = tasks.filter((t) => t.population !== null);
    const found = popTasks.filter((t) => classify({ title: t.title, content: t.content }).population !== null);
    expect(found.length / popTasks.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe('evidence order', () => {
  const task13 = T000.find((t) => t.n === '13')!;

  it('the section label wins over a population mentioned in passing (task 13 names 青少年)', () => {
    expect(task13.content).toContain('青少年');
    expect(classify(task13).population).toEqual({ canonical: '老年人', label: '老年人科学素质提升行动' });
  });

  it('a title is used when there is no label, in its own words', () => {
    expect(classify({ title: '开展智慧助老服务' }).population).toEqual({ canonical: '老年人', label: '助老' });
    expect(classify({ title: '实施银龄科普服务行动' }).population).toEqual({ canonical: '老年人', label: '银龄科普服务行动' });
  });

  it('a project label does not pull a population from content', () => {
    const got = classify({ category: '实施科普基础设施建设工程', content: '建设青少年科学营地，服务青少年，青少年科普' });
    expect(got).toEqual({ population: null, project: { canonical: '科普基础设施工程', label: '科普基础设施建设工程' } });
  });

  it('a population label gives no project, even when the title names one', () => {
    const got = classify({ category: '实施青少年科学素质提升行动', title: '完善科技资源科普化机制' });
    expect(got.population?.canonical).toBe('青少年');
    expect(got.project).toBeNull();
  });

  it('an unclassified 提升行动 / 重点工程 label still rules out the other kind', () => {
    expect(classify({ category: '重点工程', content: '加强青少年科学教育，青少年科技活动，青少年' }).population).toBeNull();
    expect(classify({ category: '提升行动', content: '实施科普信息化工程，推动传统媒体与新媒体深度融合。' + '。'.repeat(60) }).project).toBeNull();
  });

  it.each<[string, string, string | null, string | null]>([
    // Seed 004's annex: 类别 says only 提升行动 / 重点工程, the row's 任务内容 names the action.
    ['提升行动', '1．实施青少年科学素质提升行动', '青少年', null],
    ['提升行动', '5．实施领导干部和公务员科学素质提升行动', '领导干部和公务员', null],
    ['重点工程', '1．实施科技资源科普化工程', null, '科技资源科普化工程'],
    ['重点工程', '5．实施科学素质开放合作工程', null, '科学素质国际交流合作工程'],
  ])('annex row %s / %s', (category, title, population, project) => {
    const got = classify({ category, title });
    expect(got.population?.canonical ?? null).toBe(population);
    expect(got.project?.canonical ?? null).toBe(project);
  });

  it('content names a project only by its full name', () => {
    const casual = '积极开展科普基地建设,健全科普基础设施,开展科技志愿服务活动,打造特色科普活动品牌,结合全国文明典范城市创建。';
    expect(classifyProject(casual)).toBeNull();
    const full = '围绕全区重点工作，深入实施科普信息化工程，推动传统媒体与新媒体深度融合，创新科普内容呈现和传播形式。';
    expect(classifyProject(full)).toEqual({ canonical: '科普信息化提升工程', label: '科普信息化工程' });
  });

  it('prose naming two populations evenly gives null', () => {
    expect(
      classifyPopulation('组织老年人和青少年开展科普活动，老年人与青少年共同参与，促进代际交流，形成良好氛围，持续开展活动。'),
    ).toBeNull();
  });

  it.each(['', '   ', '加强组织领导', '完善表彰奖励机制。对在科学素质建设中作出突出贡献的集体和个人给予奖励和表彰。'])(
    'nothing to go on: %s',
    (text) => {
      expect(classify({ category: text, title: text, content: text })).toEqual({ population: null, project: null });
    },
  );
});
