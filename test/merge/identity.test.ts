// Task identity and the choice of the kept row (shared/merge identity.ts, dedupe.ts).
import { describe, expect, it } from 'vitest';
import type { LedgerMeta } from '../../shared/model';
import { normId, normText } from '../../shared/merge/normalize';
import { taskKeys, batchScope, scopeOf, CONTENT_PREFIX, IdentityCache } from '../../shared/merge/identity';
import { dedupe } from '../../shared/merge/dedupe';
import type { MergedTask } from '../../shared/merge/types';

const meta = (over: Partial<LedgerMeta> = {}): LedgerMeta => ({
  jurisdiction: '锦江区',
  period: '2023年上半年',
  asOf: '2023-06-30',
  title: null,
  planPeriod: null,
  ...over,
});

function task(file: string, row: number, over: Partial<MergedTask> = {}): MergedTask {
  return {
    sheet: '任务台账',
    row,
    id: '1',
    category: '',
    title: '培养青少年科学精神',
    content: '将弘扬科学精神贯穿于育人全链条。',
    leadsText: '区教育局',
    partnersText: '',
    deadlineText: '2025年',
    progressText: '',
    actualRaw: null,
    targetText: '',
    note: '',
    population: null,
    project: null,
    leads: [{ input: '区教育局', name: '成都市锦江区教育局', matched: 'alias', score: 1, suggestions: [] }],
    partners: [],
    targets: [],
    actual: null,
    completion: null,
    status: '正常',
    light: '绿',
    basis: 'text',
    evidence: '',
    quantified: false,
    due: '2025-12-31',
    expected: null,
    progress: null,
    deadlineYear: 2025,
    recurrence: null,
    source: { file, sheet: '任务台账', row },
    meta: meta(),
    ...over,
  };
}

describe('normId', () => {
  it.each([
    ['1', '1'],
    ['01', '1'],
    ['1.', '1'],
    ['（一）', '1'],
    ['(一)', '1'],
    ['十二', '12'],
    ['二十三', '23'],
    ['１．２', '1.2'],
    ['3、', '3'],
    ['十', '10'],
    ['（十二）', '12'],
    ['一百零五', '105'],
    ['十四五', '十四五'],
    ['二〇', '二〇'],
  ])('%s → %s', (input, want) => expect(normId(input)).toBe(want));

  it('keeps different numbers apart', () => expect(normId('12')).not.toBe(normId('1.2')));
});

describe('normText', () => {
  it.each([
    ['区新经济和科技局 ', '区新经济和科技局'],
    ['（区体育局）', '区体育局'],
    ['ＡＢＣ １２', 'abc12'],
    ['开展“科技月”活动。', '开展科技月活动'],
  ])('%s → %s', (input, want) => expect(normText(input)).toBe(want));
});

describe('taskKeys', () => {
  const scope = scopeOf(meta(), batchScope([meta()]));
  it('gives a numbered key and a text+lead key', () => {
    const keys = taskKeys(task('a', 4), scope);
    expect(keys.map((k) => k.rule)).toEqual(['numbered', 'text-lead']);
    expect(keys[0]!.key).toContain('序号1');
  });
  it('has no numbered key without a 序号, and no key without text', () => {
    expect(taskKeys(task('a', 4, { id: '' }), scope).map((k) => k.rule)).toEqual(['text-lead']);
    expect(taskKeys(task('a', 4, { title: '', content: '' }), scope)).toEqual([]);
  });
  // The text+lead key is worked out once per lead list and per text pair, in
  // the IdentityCache the caller passes; the keys must still follow the words, not the cache.
  const ids = new IdentityCache();
  const textLead = (over: Partial<MergedTask>, cache = ids) => taskKeys(task('a', 4, over), scope, cache).find((k) => k.rule === 'text-lead')!.key;
  const lead = (input: string) => ({ input, name: input, matched: 'exact' as const, score: 1, suggestions: [] });
  it.each<[string, Partial<MergedTask>, Partial<MergedTask>, boolean]>([
    ['one shared lead list, then an equal new one', { leads: [lead('区教育局'), lead('区科协')] }, { leads: [lead('区科协'), lead('区教育局')] }, true],
    ['lead lists with other units', { leads: [lead('区教育局')] }, { leads: [lead('区科协')] }, false],
    ['leads from the cell when there is no list', { leads: [], leadsText: '区科协、区教育局' }, { leads: [lead('区教育局'), lead('区科协')] }, true],
    ['the same content under two titles', { title: '甲', content: '乙丙' }, { title: '甲乙', content: '丙' }, false],
    ['width and punctuation folded', { title: '培养青少年科学精神', content: '贯穿育人全链条。' }, { title: '培养青少年科学精神', content: '贯穿育人全链条' }, true],
  ])('%s', (_name, a, b, same) => {
    for (let i = 0; i < 2; i++) {
      // twice: the second time both come from the caches
      if (same) expect(textLead(a)).toBe(textLead(b));
      else expect(textLead(a)).not.toBe(textLead(b));
    }
  });
  it('a lead list met again gives the same key as an equal new list', () => {
    const leads = [lead('区教育局')];
    expect(textLead({ leads })).toBe(textLead({ leads: [lead('区教育局')] }));
    expect(textLead({ leads })).toContain('|区教育局');
  });
  it('gives the same keys from a new cache, a shared one, and one cleared when full', () => {
    const small = new IdentityCache(2);
    const texts = ['甲', '乙', '丙', '丁', '甲', '乙'].map((title) => ({ title, content: title + '内容', leads: [lead('区教育局')] }));
    for (const over of texts) {
      const fresh = textLead(over, new IdentityCache());
      expect(textLead(over)).toBe(fresh);
      expect(textLead(over, small)).toBe(fresh);
    }
  });
  it('falls back to the content start when there is no title', () => {
    const base = '将弘扬科学精神贯穿于育人全链条积极开展科学家精神进校园活动培养学生爱国情怀'.slice(0, CONTENT_PREFIX);
    const key = (content: string) => taskKeys(task('a', 4, { title: '', content }), scope)[0]!.key;
    expect(key(base + '甲')).toBe(key(base + '乙'));
    expect(key('乙' + base.slice(1))).not.toBe(key(base));
  });
});

describe('dedupe', () => {
  type Case = [string, MergedTask[], number[], LedgerMeta[], { kept: string[]; groups: number; reason?: string; rule?: string }];
  const cases: Case[] = [
    [
      'later as-of wins',
      [task('a.xlsx', 4), task('b.xlsx', 9)],
      [0, 1],
      [meta(), meta({ asOf: '2023-07-15' })],
      { kept: ['b.xlsx'], groups: 1, reason: 'later-as-of', rule: 'numbered' },
    ],
    [
      'same as-of: the first file wins',
      [task('a.xlsx', 4), task('b.xlsx', 9)],
      [0, 1],
      [meta(), meta()],
      { kept: ['a.xlsx'], groups: 1, reason: 'first-file' },
    ],
    [
      'missing as-of loses to a dated one',
      [task('a.xlsx', 4), task('b.xlsx', 9)],
      [0, 1],
      [meta({ asOf: null }), meta()],
      { kept: ['b.xlsx'], groups: 1, reason: 'later-as-of' },
    ],
    [
      'renumbered with the same text and lead',
      [task('a.xlsx', 4), task('b.xlsx', 9, { id: '31' })],
      [0, 1],
      [meta(), meta()],
      { kept: ['a.xlsx'], groups: 1, rule: 'text-lead' },
    ],
    [
      'same text, another lead: two tasks',
      [task('a.xlsx', 4), task('b.xlsx', 9, { id: '31', leads: [], leadsText: '区科协' })],
      [0, 1],
      [meta(), meta()],
      { kept: ['a.xlsx', 'b.xlsx'], groups: 0 },
    ],
    [
      'rows of one file are never paired',
      [task('a.xlsx', 4), task('a.xlsx', 5)],
      [0, 0],
      [meta()],
      { kept: ['a.xlsx', 'a.xlsx'], groups: 0 },
    ],
    [
      'another jurisdiction is another task',
      [task('a.xlsx', 4), task('b.xlsx', 4)],
      [0, 1],
      [meta(), meta({ jurisdiction: '綦江区' })],
      { kept: ['a.xlsx', 'b.xlsx'], groups: 0 },
    ],
    [
      'another period is another task',
      [task('a.xlsx', 4), task('b.xlsx', 4)],
      [0, 1],
      [meta(), meta({ period: '2023年下半年' })],
      { kept: ['a.xlsx', 'b.xlsx'], groups: 0 },
    ],
    [
      'a file naming no jurisdiction takes the batch’s only one',
      [task('a.xlsx', 4), task('b.xlsx', 2)],
      [0, 1],
      [meta(), meta({ jurisdiction: null, period: null })],
      { kept: ['a.xlsx'], groups: 1 },
    ],
    [
      'three files, one group, the newest kept',
      [task('a.xlsx', 4), task('b.xlsx', 4), task('c.xlsx', 7, { id: '9' })],
      [0, 1, 2],
      [meta(), meta({ asOf: '2023-07-01' }), meta({ asOf: '2023-06-01' })],
      { kept: ['b.xlsx'], groups: 1, reason: 'later-as-of' },
    ],
  ];
  it.each(cases)('%s', (_name, tasks, files, metas, want) => {
    const tasksWithMeta = tasks.map((t, i) => ({ ...t, meta: metas[files[i]!]! }));
    const r = dedupe(tasksWithMeta, files, metas);
    expect(r.tasks.map((t) => t.source.file)).toEqual(want.kept);
    expect(r.duplicates).toHaveLength(want.groups);
    if (want.groups) {
      const d = r.duplicates[0]!;
      expect(d.sources).toHaveLength(tasks.length - want.kept.length + 1);
      expect(d.kept).toEqual(r.tasks.find((t) => t.alsoIn?.length)!.source);
      if (want.reason) expect(d.reason).toBe(want.reason);
      if (want.rule) expect(d.rule).toBe(want.rule);
      const winner = r.tasks.find((t) => t.alsoIn?.length)!;
      expect(winner.alsoIn!.map((s) => s.file).sort()).toEqual(tasks.map((t) => t.source.file).filter((f) => f !== winner.source.file).sort());
    }
  });
});
