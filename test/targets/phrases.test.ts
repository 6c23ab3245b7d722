// Single phrases: the docs/domain.md §5 table, headline goals, Chinese numerals and
// magnitudes, comparators, and things that look like numbers but are not targets.
import { describe, expect, it } from 'vitest';
import type { Comparator } from '../../shared/model';
import { parseTargets } from '../../shared/targets';

type Want = { value: number; unit: string; comparator: Comparator; year?: number | null; recurrence?: 'annual' | null; stretch?: number | null };

function pick(text: string) {
  return parseTargets(text).map((t) => ({
    value: t.value,
    unit: t.unit,
    comparator: t.comparator,
    year: t.year,
    recurrence: t.recurrence,
    stretch: t.stretch,
  }));
}
const full = (w: Want) => ({ year: null, recurrence: null, stretch: null, ...w });

describe('docs/domain.md §5 table', () => {
  it.each<[string, Want[]]>([
    ['每年开展“科技月”等科普活动不少于50场', [{ value: 50, unit: '场', comparator: '>=', recurrence: 'annual' }]],
    ['到2025年,建设科技教育特色学校5所', [{ value: 5, unit: '所', comparator: '>=', year: 2025 }]],
    ['培训人数80人次以上', [{ value: 80, unit: '人次', comparator: '>=' }]],
    ['到2025年，全区公民具备科学素质的比例超过18%,力争达到20%', [{ value: 18, unit: '%', comparator: '>', year: 2025, stretch: 20 }]],
    ['居民健康素养水平达到31%', [{ value: 31, unit: '%', comparator: '>=' }]],
    ['到2025年实现中小学科技教师培训全覆盖', [{ value: 100, unit: '%', comparator: '>=', year: 2025 }]],
    ['依托农广校等平台开展农民教育培训3000人次以上', [{ value: 3000, unit: '人次', comparator: '>=' }]],
    ['到2025年，力争全区科技志愿服务队伍人数不少于8000人', [{ value: 8000, unit: '人', comparator: '>=', year: 2025 }]],
    ['每年培训不少于2000名专业技能工人', [{ value: 2000, unit: '名', comparator: '>=', recurrence: 'annual' }]],
    [
      '配备1名专兼职科技副校长和1名以上专职科技教师',
      [
        { value: 1, unit: '名', comparator: '=' },
        { value: 1, unit: '名', comparator: '>=' },
      ],
    ],
  ])('%s', (text, want) => {
    expect(pick(text)).toEqual(want.map(full));
  });
});

describe('headline goals', () => {
  it('超过18%,力争达到20%: one target with a stretch, its phrase spanning both', () => {
    const [t, ...rest] = parseTargets('全区公民具备科学素质的比例超过18%,力争达到20%');
    expect(rest).toEqual([]);
    expect(t).toMatchObject({ value: 18, stretch: 20, comparator: '>', unit: '%' });
    expect(t.text).toMatch(/超过18%,力争达到20%$/);
  });

  it('超过15%', () => {
    expect(pick('到2025年，全区公民具备科学素质的比例超过15%，达到全市平均水平。')).toEqual([
      full({ value: 15, unit: '%', comparator: '>', year: 2025 }),
    ]);
  });

  it('2020年…达到8.8%,比2017年的6.5%: the 2017 figure is a baseline', () => {
    expect(pick('2020年我区公民具备科学素质的比例达到8.8%，比2017年的6.5%提高了2.3个百分点')).toEqual([
      full({ value: 8.8, unit: '%', comparator: '>=', year: 2020 }),
    ]);
  });

  it('由X提高到Y: the starting figure is a baseline', () => {
    expect(pick('居民科学素质比例由10.5%提高到15%')).toEqual([full({ value: 15, unit: '%', comparator: '>=' })]);
    expect(pick('比例由2020年的10.5%提高到2025年的15%')).toEqual([full({ value: 15, unit: '%', comparator: '>=', year: 2025 })]);
    expect(pick('科普基地从3个增加到10个')).toEqual([full({ value: 10, unit: '个', comparator: '>=' })]);
  });

  it('力争 with no firm figure before it is the target itself', () => {
    expect(pick('力争达到20%')).toEqual([full({ value: 20, unit: '%', comparator: '>=' })]);
  });

  it('力争 in another unit is a separate target', () => {
    expect(pick('培训不少于30场,力争达到1000人次')).toEqual([
      full({ value: 30, unit: '场', comparator: '>=' }),
      full({ value: 1000, unit: '人次', comparator: '>=' }),
    ]);
  });
});

describe('numerals, magnitudes, units', () => {
  it.each<[string, Want]>([
    ['建设科普学校三所', { value: 3, unit: '所', comparator: '>=' }],
    ['开展科普讲座十二场', { value: 12, unit: '场', comparator: '>=' }],
    ['新建两个科普基地', { value: 2, unit: '个', comparator: '=' }],
    ['举办科普活动不少于二十五场', { value: 25, unit: '场', comparator: '>=' }],
    ['培训三百人次以上', { value: 300, unit: '人次', comparator: '>=' }],
    ['全年服务42万人次', { value: 420000, unit: '人次', comparator: '>=' }],
    ['覆盖2.5万人次', { value: 25000, unit: '人次', comparator: '>=' }],
    ['投入1.5亿元', { value: 150000000, unit: '元', comparator: '=' }],
    ['安排专项经费不少于50万元', { value: 500000, unit: '元', comparator: '>=' }],
    ['培训１，２００人次', { value: 1200, unit: '人次', comparator: '>=' }],
    ['培训1,200人次', { value: 1200, unit: '人次', comparator: '>=' }],
    ['开展活动不少于５０场', { value: 50, unit: '场', comparator: '>=' }],
    ['比例达到27.6％', { value: 27.6, unit: '%', comparator: '>=' }],
    ['比2020年提高2个百分点', { value: 2, unit: '百分点', comparator: '>=' }],
    ['参与人数300余人', { value: 300, unit: '人', comparator: '>=' }],
    ['发放科普资料500多份', { value: 500, unit: '份', comparator: '>=' }],
    ['举办科普展览10场次', { value: 10, unit: '场', comparator: '>=' }],
    ['年度经费控制在20万元以内', { value: 200000, unit: '元', comparator: '<=' }],
    ['单次活动人数不超过200人', { value: 200, unit: '人', comparator: '<=' }],
    ['新增科普基地超过3个', { value: 3, unit: '个', comparator: '>' }],
    ['至少组织2场', { value: 2, unit: '场', comparator: '>=' }],
    ['不少于一场', { value: 1, unit: '场', comparator: '>=' }],
    ['开展五项学科竞赛', { value: 5, unit: '项', comparator: '=' }],
    ['发表科普文章20篇', { value: 20, unit: '篇', comparator: '>=' }],
    ['组建科技志愿服务队10支', { value: 10, unit: '支', comparator: '>=' }],
    ['吸纳企业15家', { value: 15, unit: '家', comparator: '>=' }],
    ['举办培训班4期', { value: 4, unit: '期', comparator: '>=' }],
    // How 量化目标 cells are often written.
    ['≥50场', { value: 50, unit: '场', comparator: '>=' }],
    ['＞18%', { value: 18, unit: '%', comparator: '>' }],
    ['≤200人', { value: 200, unit: '人', comparator: '<=' }],
    ['50场/年', { value: 50, unit: '场', comparator: '>=', recurrence: 'annual' }],
    ['不少于2000名／年', { value: 2000, unit: '名', comparator: '>=', recurrence: 'annual' }],
    ['建设示范学校3-5所', { value: 3, unit: '所', comparator: '>=', stretch: 5 }],
    ['建设示范学校3至5所', { value: 3, unit: '所', comparator: '>=', stretch: 5 }],
    ['覆盖率达到百分之二十', { value: 20, unit: '%', comparator: '>=' }],
    ['优良率提高至85%', { value: 85, unit: '%', comparator: '>=' }],
    ['事故率降至0.5%', { value: 0.5, unit: '%', comparator: '<=' }],
    ['50', { value: 50, unit: '', comparator: '>=' }],
    [' 1,200 ', { value: 1200, unit: '', comparator: '>=' }],
    ['1.5万', { value: 15000, unit: '', comparator: '>=' }],
    ['≥18', { value: 18, unit: '', comparator: '>=' }],
  ])('%s', (text, want) => {
    expect(pick(text)).toEqual([full(want)]);
  });

  it('每年 carries to later targets of the sentence, a year resets it, a sentence end clears both', () => {
    const got = pick('每年开展活动不少于30场,培训不少于1000人次,到2025年建成基地5个。新增场景3个。');
    expect(got.map((t) => [t.value, t.recurrence, t.year])).toEqual([
      [30, 'annual', null],
      [1000, 'annual', null],
      [5, null, 2025],
      [3, null, null],
    ]);
  });

  it.each<[string, number]>([
    ['2025年底前建成科普基地3个', 2025],
    ['“十四五”末建成科普基地3个', 2025],
    ['十四五期末建成科普基地3个', 2025],
    ['十三五末建成科普基地3个', 2020],
    ['至2023年建成科普基地3个', 2023],
  ])('deadline year: %s', (text, year) => {
    expect(parseTargets(text)[0].year).toBe(year);
  });

  it('a deadline closing its clause covers the targets before it', () => {
    expect(pick('新建科普基地3个，2025年底前完成。').map((t) => t.year)).toEqual([2025]);
    // …but a year that opens the next clause does not reach back.
    expect(pick('培训人数80人次以上,2025年前实现全覆盖').map((t) => t.year)).toEqual([null, 2025]);
    expect(pick('新建科普基地3个。2025年底前完成。').map((t) => t.year)).toEqual([null]);
  });

  it('an owner bracket left open on one task does not hide the next task’s targets', () => {
    const text = '11.开展智慧助老服务。开设课程。〔牵头单位:区民政局,责任单位:各街道)\n12.开展健康科普。每年开展讲座不少于10场。';
    expect(pick(text).map((t) => t.value)).toEqual([10]);
  });

  it('年底 takes the reporting year when the caller gives one', () => {
    expect(parseTargets('年底前完成培训不少于100人次', { year: 2023 })[0].year).toBe(2023);
    expect(parseTargets('年底前完成培训不少于100人次')[0].year).toBeNull();
  });

  it('offsets point at the phrase in the input', () => {
    const text = '一、总体要求\n1.开展活动。每年开展科普活动不少于50场,培训人数80人次以上。';
    for (const t of parseTargets(text)) expect(text.slice(t.start!, t.start! + t.text.length)).toBe(t.text);
  });
});

describe('not targets', () => {
  it.each([
    '2025年',
    '到2025年，形成社会化科普格局',
    '发布时间:2022-10-31 | 1825 次浏览: | 分享到:',
    '请于2022年11月6日前反馈',
    '《国务院关于印发全民科学素质行动规划纲要(2021—2035)年的通知》(国发〔2021〕9号)',
    '(川府发〔2022〕28号)、(成办发〔2022〕59号)',
    '（渝府办发〔2021〕138号）',
    '举办第37届全国青少年科技创新大赛',
    '举办第二届全国技能大赛和第二届全国乡村振兴职业技能大赛。做好第47届世界技能大赛选拔集训工作',
    '开展第十三次中国公民科学素质抽样调查',
    '围绕党的二十大提出的建设教育强国、科技强国、人才强国等“13个强国”和数字中国等“5个中国”战略目标',
    '搭建“3+2”中高职贯通培养平台',
    '为“十四五”全民科学素质建设打下了坚实基础',
    '深入实施基础学科拔尖学生培养计划2.0，完善拔尖创新人才培养体系',
    '发挥5G、人工智能等新技术助推作用',
    '打造“15分钟生活圈”的“科普圈”',
    '联系人:杜思真,电话:84536567',
    '电子邮箱:89135809@qq.com',
    '“五大”重点人群科学素质整体水平不断提升',
    '重点实施五大提升行动',
    '开展文化科技卫生“三下乡”等群众性科普宣传教育活动',
    '以基层科协“三长”（医院院长、学校校长、农技站站长）队伍为骨干力量',
    '精心打造健康中国綦江行动、科普文化进万家、千会千人进千户等科普专项活动',
    '打造一支有理想守信念、懂技术会创新的高素质产业工人队伍',
    '加快培育一批高水平工程师',
    '深入贯彻落实党的十九大和十九届历次全会精神',
    '第一时间学习传达',
    '统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局',
    '比2017年的6.5%提高了2.3个百分点',
    '区直各部门、3部门联合',
    '（2021-2025年）',
    '2021至2025年',
    '序号12',
    '扫一扫在手机打开当前页',
    '加强青少年科学教育，激发好奇心和想象力。',
    '',
  ])('%s', (text) => {
    expect(parseTargets(text)).toEqual([]);
  });

  it('never throws on odd input', () => {
    for (const x of [null, undefined, 42, {}, '\u0000', '%%%', '１２３４５６７８９０'.repeat(50)]) {
      expect(() => parseTargets(x as string)).not.toThrow();
    }
  });
});
