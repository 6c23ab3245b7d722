// Issue 13, targets: a restatement is one target, and a target's text is never
// cut inside brackets; 零 alone is a word, not the number 0.
import { describe, expect, it } from 'vitest';
import { parseTargets } from '../../shared/targets';

const read = (s: string) => parseTargets(s).map((t) => ({ value: t.value, unit: t.unit, text: t.text, year: t.year }));

describe('a coverage stated twice is one target', () => {
  it.each<[string, string, number | null]>([
    ['到2020年全区旗县(市、区)科普大篷车配备率达到100%,实现全覆盖。', '到2020年全区旗县(市、区)科普大篷车配备率达到100%,实现全覆盖', 2020],
    ['到2025年，全区县（市、区）中小学科学实验室配备率达到100%，实现全覆盖。', '全区县（市、区）中小学科学实验室配备率达到100%，实现全覆盖', 2025],
    ['到2025年，全市中小学科学教师培训实现全覆盖，培训率达到100%。', '全市中小学科学教师培训实现全覆盖，培训率达到100%', 2025],
    ['全县乡镇（街道）科普宣传栏覆盖率达到100%，即实现全覆盖。', '全县乡镇（街道）科普宣传栏覆盖率达到100%，即实现全覆盖', null],
  ])('%s', (text, whole, year) => {
    expect(read(text)).toEqual([{ value: 100, unit: '%', text: whole, year }]);
  });

  it.each<[string, [number, string][]]>([
    // Two different targets stay two.
    ['每年培训不少于300人次，实现全区中小学科学教师培训全覆盖。', [[300, '人次'], [100, '%']]],
    ['科普示范社区覆盖率达到100%。到2025年实现全覆盖。', [[100, '%'], [100, '%']]],
    ['配备率达到100%，覆盖率达到90%。', [[100, '%'], [90, '%']]],
  ])('not a restatement: %s', (text, want) => {
    expect(read(text).map((t) => [t.value, t.unit])).toEqual(want);
  });
});

describe('a target text is never cut inside brackets', () => {
  it.each<[string, string]>([
    ['全州农村学校（教学点）实验室达标率达到90%。', '全州农村学校（教学点）实验室达标率达到90%'],
    ['依托新时代文明实践中心（所、站），每个街道每年开展科普活动不少于12场。', '每个街道每年开展科普活动不少于12场'],
    ['推动全区街道（社区、村）科普e站建设，建成科普e站（含线上）30个。', '建成科普e站（含线上）30个'],
    ['全旗苏木乡镇(嘎查、村)科普活动站达到60个。', '全旗苏木乡镇(嘎查、村)科普活动站达到60个'],
  ])('%s', (text, want) => {
    expect(read(text).map((t) => t.text)).toEqual([want]);
  });
});

describe('零 alone is a word', () => {
  it.each(['面向汽车及零部件等重点产业开展技能培训。', '推进科普服务零距离。', '实现安全事故零发生。'])('%s has no target', (text) => {
    expect(read(text)).toEqual([]);
  });

  it('a number written with 零 still reads', () => {
    expect(read('培训一千零五十人次。').map((t) => t.value)).toEqual([1050]);
  });
});
