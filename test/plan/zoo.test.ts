// The plan zoo (test/fixtures/plans/zoo): plans of every level and period, as
// .txt, .html and .docx, each beside a .json that states what a reader finds in
// it (tasks, owners, targets), written from the document, not from the
// importer. Every measure must end with a lead or a finding that says why not,
// and every owner name must resolve, expand by rule, or be a group.
// The figures per document are printed (docs/plans-and-owners.md keeps them).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { OwnerMatch } from '../../shared/model';
import { importPlan, isProblem, readPlanFile, type PlanImport, type PlanTask } from '../../shared/plan';
import { ownerFigures, type OwnerFigures } from '../../shared/owners';
import { planReader } from '../../shared/io';

const ZOO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/plans/zoo');

type Names = { leads: string[]; partners: string[] };
type ExpectedTarget = [number, string] | [number, string, string];
interface ExpectedTask {
  id: string;
  title?: string;
  owners?: string;
  leads?: string[];
  partners?: string[];
  noLead?: boolean;
  targets: ExpectedTarget[];
  deadline?: string;
}
interface Expected {
  about: string;
  plan: { title: string; jurisdiction: string; level: string; period: [number, number]; goal?: number };
  taskSource: PlanImport['taskSource'];
  owners?: Record<string, Names>;
  tasks: ExpectedTask[];
}

const docs = readdirSync(ZOO)
  .filter((f) => /\.(txt|html|docx)$/.test(f))
  .sort()
  .map((file) => ({ file, expected: JSON.parse(readFileSync(path.join(ZOO, file.replace(/\.\w+$/, '.json')), 'utf8')) as Expected }));

async function load(file: string): Promise<PlanImport> {
  const read = await readPlanFile(new Uint8Array(readFileSync(path.join(ZOO, file))), file, planReader);
  if (!read.ok) throw new Error(read.problem.message);
  const imp = importPlan(read.text, file);
  if (isProblem(imp)) throw new Error(imp.problem.message);
  return imp;
}

/** What a name stands for in the expectations: the group word as written, else the resolved or rule-made name. */
const shown = (m: OwnerMatch): string | null => (m.matched === 'group' ? m.input : m.name);

const ownersOf = (e: Expected, t: ExpectedTask): Names =>
  t.owners ? e.owners![t.owners]! : { leads: t.leads ?? [], partners: t.partners ?? [] };

interface Row extends OwnerFigures {
  file: string;
  level: string;
  measures: number;
  withLead: number;
  noLeadFinding: number;
  targets: number;
}
const rows: Row[] = [];

describe.each(docs)('$file', ({ file, expected }) => {
  let imp: PlanImport;
  const task = (id: string): PlanTask => {
    const t = imp.tasks.find((x) => x.id === id);
    if (!t) throw new Error(`${file}: no task ${id} (found ${imp.tasks.map((x) => x.id).join(' ')})`);
    return t;
  };

  it('reads the plan: title, jurisdiction, level, period, goal', async () => {
    imp = await load(file);
    const p = imp.plan;
    expect({ title: p.title, jurisdiction: p.jurisdiction, level: p.level, period: p.period && [p.period.start, p.period.end] }).toEqual({
      title: expected.plan.title,
      jurisdiction: expected.plan.jurisdiction,
      level: expected.plan.level,
      period: expected.plan.period,
    });
    if (expected.plan.goal !== undefined) expect(p.goal?.target?.value).toBe(expected.plan.goal);
    expect(imp.taskSource).toBe(expected.taskSource);
    const all = imp.tasks.flatMap((t) => [...t.leads, ...t.partners]);
    rows.push({
      file,
      level: expected.plan.level,
      measures: imp.tasks.length,
      withLead: imp.tasks.filter((t) => t.leads.length).length,
      noLeadFinding: imp.findings.filter((f) => f.code === 'plan.no-lead').length,
      targets: imp.tasks.reduce((n, t) => n + t.targets.length, 0),
      ...ownerFigures(all),
    });
  });

  it('finds exactly the measures the document states', () => {
    expect(imp.tasks.map((t) => t.id)).toEqual(expected.tasks.map((t) => t.id));
  });

  it.each(expected.tasks)('$id: title, leads and partners', (t) => {
    const got = task(t.id);
    if (t.title !== undefined) expect(got.title).toBe(t.title);
    const want = ownersOf(expected, t);
    expect({ leads: got.leads.map(shown), partners: got.partners.map(shown) }).toEqual(want);
    if (t.deadline !== undefined) expect(got.deadline).toBe(t.deadline);
  });

  it.each(expected.tasks)('$id: a lead, or a finding that says why not', (t) => {
    const got = task(t.id);
    const finding = imp.findings.find((f) => f.code === 'plan.no-lead' && f.params.id === t.id);
    if (t.noLead) {
      expect(got.leads).toEqual([]);
      expect(finding?.params.reason).toBeTruthy();
      expect(finding!.message).toContain(String(t.id));
    } else {
      expect(got.leads.length).toBeGreaterThan(0);
      expect(finding).toBeUndefined();
    }
  });

  it.each(expected.tasks)('$id: targets', (t) => {
    const got = task(t.id).targets;
    expect(got.map((x) => [x.value, x.unit])).toEqual(t.targets.map(([v, u]) => [v, u]));
    t.targets.forEach((want, i) => {
      if (want[2] !== undefined) expect(got[i]!.text).toBe(want[2]);
    });
  });

  it('every owner name resolves, expands by rule or is a group', () => {
    const bad = imp.tasks.flatMap((t) => [...t.leads, ...t.partners]).filter((m) => m.matched === 'none' || m.matched === 'fuzzy');
    expect(bad.map((m) => m.input)).toEqual([]);
  });
});

afterAll(() => {
  if (!rows.length) return;
  const head = ['文件', '层级', '任务', '有牵头', '无牵头提示', '单位名', '名录命中', '规则补全', '规则保留', '群体', '未识别', '量化目标'];
  const lines = rows.map((r) => [r.file, r.level, r.measures, r.withLead, r.noLeadFinding, r.names, r.resolved, r.expanded, r.kept, r.groups, r.unresolved, r.targets].join(' | '));
  const sum = (k: keyof Row) => rows.reduce((n, r) => n + (r[k] as number), 0);
  const total = ['合计', '', sum('measures'), sum('withLead'), sum('noLeadFinding'), sum('names'), sum('resolved'), sum('expanded'), sum('kept'), sum('groups'), sum('unresolved'), sum('targets')].join(' | ');
  console.log(['方案样本 (plan zoo)', head.join(' | '), ...lines, total].join('\n'));
});
