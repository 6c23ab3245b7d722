// The 工作进展通报 as data: what leaders read (docs/domain.md §8) — the
// overall counts by status and light, the headline indicator against its
// goal, the counts per population, project and lead unit, the red list by
// unit with the reason, the change since the previous period, and what is
// asked next. Every figure is the core's own (leadersReport, shared/aggregate:
// the dashboard shows the same); the words are words.ts's.
import { LIGHTS, STATUSES } from '../model';
import type { Light } from '../model';
import type { ChangedTask, ChangeKind, GroupSummary, LeadersReport, UnitSummary } from '../aggregate';
import { CHANGE_KINDS, CHANGE_LABEL } from '../aggregate';
import { zhCompare } from '../aggregate/collate';
import type { ProgressSettings } from '../progress';
import { DEFAULT_SETTINGS } from '../progress';
import { LIGHT_BAR, STATUS_COLORS } from './colors';
import type { ReportTask } from './task';
import { dueText, leadText, lightCell, reasonOf, standing, taskName } from './task-text';
import type { Block, Cell, ChartSpec, ReportDocument } from './types';
import { cnDate, cnNumeral, COMPARATOR_WORD, LIGHT_NAME, shareOf, STATUS_PHRASE, W } from './words';

export interface BulletinOptions {
  /** 发文单位, printed under the text (none when absent). */
  issuer?: string;
  /** The day the 通报 is issued (ISO); printed under the text when given. */
  issued?: string;
  /** The thresholds the tasks were judged with, for the note on method. Default the core's. */
  settings?: Pick<ProgressSettings, 'redGap' | 'yellowGap'>;
  /** Units shown in the unit chart (the table lists them all). Default 15. */
  chartUnits?: number;
}

/** The periods a report covers: jurisdiction, period, the period before (null: none), the latest 截至日期. */
type Periods = LeadersReport<ReportTask>['periods'];

/** The place the documents name: the one jurisdiction of the report, else none (the title then names no place). */
export function placeOf(periods: Periods): string {
  const places = [...new Set(periods.map((s) => s.jurisdiction))];
  return places.length === 1 ? places[0]! : '';
}

/** The period(s) of the report: 2023年上半年, or 锦江区2023年上半年、綦江区2023年第四季度. */
export function periodsOf(periods: Periods): string {
  const distinct = [...new Set(periods.map((s) => s.period))];
  if (distinct.length <= 1) return distinct[0] ?? '';
  return periods.map((s) => s.jurisdiction + s.period).join('、');
}

/** The latest 截至日期 of the report's periods (ISO), or null. */
export function asOfOf(periods: Periods): string | null {
  return periods.reduce<string | null>((m, p) => (p.asOf && (!m || p.asOf > m) ? p.asOf : m), null);
}

export function buildBulletin<T extends ReportTask>(report: LeadersReport<T>, opts: BulletinOptions = {}): ReportDocument {
  const place = placeOf(report.periods);
  const periods = periodsOf(report.periods);
  const asOf = asOfOf(report.periods);
  const blocks: Block[] = [{ kind: 'paragraph', text: W.opening(place, periods), indent: true }];
  const charts = { n: 0 };
  const section = (title: string, body: Block[]) => {
    const n = blocks.filter((b) => b.kind === 'heading' && b.level === 1).length + 1;
    blocks.push({ kind: 'heading', level: 1, text: `${cnNumeral(n)}、${title}` }, ...body);
  };
  if (!report.tasks.length) blocks.push({ kind: 'paragraph', text: W.noTasks, indent: true });
  else {
    const settings = opts.settings ?? DEFAULT_SETTINGS;
    section(W.overview, overview(report, charts));
    section(W.headline, headline(report));
    section(W.byCategory, byCategory(report, charts, opts.chartUnits ?? 15));
    section(W.redList, redList(report));
    section(W.compare, comparison(report));
    section(W.next, nextSteps(report));
    blocks.push({ kind: 'paragraph', text: W.method(points(settings.redGap), points(settings.yellowGap)), indent: true });
  }
  return {
    title: W.bulletinTitle(place),
    subtitle: [...(periods ? [W.periodLine(periods)] : []), ...(asOf ? [W.asOfLine(cnDate(asOf))] : [])],
    blocks,
    signature: [...(opts.issuer ? [opts.issuer] : []), ...(opts.issued ? [cnDate(opts.issued)] : [])],
  };
}

const points = (gap: number): number => Math.round(gap * 1000) / 10;

/** Lights from red to green, the order the documents list them. */
const LIGHTS_RED_FIRST: readonly Light[] = [...LIGHTS].reverse();

function overview(report: LeadersReport<ReportTask>, charts: { n: number }): Block[] {
  const { summary } = report;
  const total = summary.total;
  const status = Object.fromEntries(summary.status.map((s) => [s.status, s.count])) as Record<(typeof STATUSES)[number], number>;
  const light = Object.fromEntries(summary.lights.map((s) => [s.light, s.count])) as Record<Light, number>;
  const files = new Set(report.tasks.map((t) => t.source?.file).filter(Boolean)).size;
  const chart: ChartSpec = {
    categories: STATUSES.map((s) => STATUS_PHRASE[s]),
    series: [{ name: '任务数', color: STATUS_COLORS.正常, values: STATUSES.map((s) => status[s]) }],
    categoryColors: STATUSES.map((s) => STATUS_COLORS[s]),
    unit: '项',
  };
  return [
    {
      kind: 'paragraph',
      indent: true,
      text: W.overviewText({
        files,
        units: summary.units.length,
        total,
        status: STATUSES.map((s) => W.countPhrase(STATUS_PHRASE[s], status[s], shareOf(status[s], total))).join('，'),
        light: LIGHTS_RED_FIRST.map((l) => W.countPhrase(LIGHT_NAME[l], light[l], shareOf(light[l], total))).join('，'),
      }),
    },
    {
      kind: 'table',
      columns: [
        { title: W.statusColumns[0], width: 3 },
        { title: W.statusColumns[1], width: 2, align: 'center' },
        { title: W.statusColumns[2], width: 2, align: 'center' },
        { title: W.lightColumns[0], width: 3 },
        { title: W.lightColumns[1], width: 2, align: 'center' },
        { title: W.lightColumns[2], width: 2, align: 'center' },
      ],
      rows: STATUSES.map((s, i) => {
        const l = LIGHTS_RED_FIRST[i];
        const lightCells: Cell[] = l ? [lightCell(l, LIGHT_NAME[l]), String(light[l]), shareOf(light[l], total)] : ['', '', ''];
        return [STATUS_PHRASE[s], String(status[s]), shareOf(status[s], total), ...lightCells];
      }),
      total: [W.total, String(total), shareOf(total, total), W.total, String(total), shareOf(total, total)],
    },
    { kind: 'chart', chart, caption: W.statusChart(++charts.n) },
  ];
}

function headline(report: LeadersReport<ReportTask>): Block[] {
  if (!report.headlines.length) return [{ kind: 'paragraph', text: W.headlineNone, indent: true }];
  return report.headlines.map((h) => {
    if (h.current === null) return { kind: 'paragraph', text: W.headlineNotReported(h.jurisdiction), indent: true };
    // the core's verdict: reached under the goal's own comparator (超过18% is not reached at 18)
    const verdict = h.reached === null || h.gap === null ? W.headlineNoGoal : h.reached ? W.headlineMet : h.gap > 0 ? W.headlineGap(String(h.gap)) : W.headlineAtGoal;
    return {
      kind: 'paragraph',
      indent: true,
      text: W.headlineText({
        place: h.jurisdiction,
        current: `${h.current}%`,
        period: h.period ? W.headlinePeriod(h.period) : '',
        goal: h.goal === null ? '' : W.headlineGoal(COMPARATOR_WORD[h.comparator ?? '>='], h.goal, h.goalYear),
        baseline: h.baseline === null ? '' : W.headlineBaseline(h.baseline, h.baselineYear),
        verdict,
      }),
    };
  });
}

/** A row of counts by status, then red, yellow and green (red and yellow in their colours when not 0). */
function groupLine(key: string, g: Pick<GroupSummary, 'total' | 'counts' | 'lights'>): Cell[] {
  return [
    key,
    String(g.total),
    ...STATUSES.map((s) => String(g.counts[s])),
    ...LIGHTS_RED_FIRST.map((l) => (g.lights[l] && l !== '绿' ? lightCell(l, String(g.lights[l])) : String(g.lights[l]))),
  ];
}

function sumGroups(rows: readonly GroupSummary[]): Pick<GroupSummary, 'total' | 'counts' | 'lights'> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, rows.reduce((n, r) => n + r.counts[s], 0)])) as GroupSummary['counts'];
  const lights = Object.fromEntries(LIGHTS.map((l) => [l, rows.reduce((n, r) => n + r.lights[l], 0)])) as GroupSummary['lights'];
  return { total: rows.reduce((n, r) => n + r.total, 0), counts, lights };
}

function groupTable(first: string, rows: readonly GroupSummary[], withTotal: boolean): Block {
  return {
    kind: 'table',
    columns: W.groupColumns(first).map((title, i) => ({ title, width: i === 0 ? 4 : 1.15, align: i === 0 ? ('left' as const) : ('center' as const) })),
    rows: rows.map((r) => groupLine(r.key, r)),
    ...(withTotal ? { total: groupLine(W.total, sumGroups(rows)) } : {}),
  };
}

/** A stacked chart of the lights of some rows, green first and red at the end of the bar. */
function lightChart(categories: string[], lights: Record<Light, number>[]): ChartSpec {
  return {
    categories,
    series: LIGHTS.map((l) => ({ name: LIGHT_NAME[l], color: LIGHT_BAR[l], values: lights.map((x) => x[l]) })),
    unit: '项',
  };
}

/** Units in the order a leader reads them: most red, then most yellow, most not updated, most tasks. */
export function unitOrder(a: UnitSummary, b: UnitSummary): number {
  return b.red - a.red || b.yellow - a.yellow || b.stale - a.stale || b.led - a.led || zhCompare(a.unit, b.unit);
}

function byCategory(report: LeadersReport<ReportTask>, charts: { n: number }, chartUnits: number): Block[] {
  const { populations, projects, others } = report.summary;
  const units = [...report.summary.units].sort(unitOrder);
  const shown = units.slice(0, chartUnits);
  return [
    { kind: 'heading', level: 2, text: `（一）${W.byPopulation}` },
    groupTable(W.populationFirst, populations, true),
    { kind: 'chart', chart: lightChart(populations.map((r) => r.key), populations.map((r) => r.lights)), caption: W.populationChart(++charts.n) },
    { kind: 'heading', level: 2, text: `（二）${W.byProject}` },
    groupTable(W.projectFirst, projects, true),
    { kind: 'chart', chart: lightChart(projects.map((r) => r.key), projects.map((r) => r.lights)), caption: W.projectChart(++charts.n) },
    { kind: 'heading', level: 2, text: `（三）${W.byOthers}` },
    ...(others.total
      ? [{ kind: 'paragraph', text: W.othersText(others.total), indent: true } as const, groupTable(W.othersFirst, [others], false)]
      : [{ kind: 'paragraph', text: W.othersNone, indent: true } as const]),
    { kind: 'heading', level: 2, text: `（四）${W.byUnit}` },
    { kind: 'paragraph', text: W.unitNote, indent: true },
    {
      kind: 'table',
      columns: W.unitColumns.map((title, i) => ({ title, width: i === 0 ? 4 : 1.2, align: i === 0 ? ('left' as const) : ('center' as const) })),
      rows: units.map((u) => [
        u.unit,
        String(u.led),
        String(u.completed),
        String(u.green),
        u.yellow ? lightCell('黄', String(u.yellow)) : '0',
        u.red ? lightCell('红', String(u.red)) : '0',
        String(u.overdue),
        String(u.unreported),
        String(u.stale),
      ]),
    },
    {
      kind: 'chart',
      chart: lightChart(
        shown.map((u) => u.unit),
        shown.map((u) => ({ 绿: u.green, 黄: u.yellow, 红: u.red })),
      ),
      caption: W.unitChart(++charts.n, shown.length, units.length),
    },
  ];
}

/** The task's name, after its jurisdiction when the report has several (two ledgers both have a task 3). */
function nameIn(t: ReportTask, several: boolean): string {
  return several ? `【${t.meta.jurisdiction ?? W.unknownPlace}】${taskName(t)}` : taskName(t);
}

const several = (report: LeadersReport<ReportTask>): boolean => new Set(report.periods.map((p) => p.jurisdiction)).size > 1;

function redList(report: LeadersReport<ReportTask>): Block[] {
  const red = report.tasks.filter((t) => t.light === '红').length;
  if (!red) return [{ kind: 'paragraph', text: W.redNone, indent: true }];
  const many = several(report);
  const out: Block[] = [{ kind: 'paragraph', text: W.redListText(red, report.red.length), indent: true }];
  report.red.forEach(({ unit, tasks }, i) => {
    out.push({ kind: 'heading', level: 2, text: W.redUnit(i + 1, unit, tasks.length) });
    out.push({
      kind: 'table',
      columns: W.redColumns.map((title, c) => ({ title, width: [1, 4, 2, 1.6, 4.5][c]!, align: c === 0 || c === 3 ? ('center' as const) : ('left' as const) })),
      rows: tasks.map((t) => [t.id, nameIn(t, many), dueText(t), lightCell('红', STATUS_PHRASE[t.status]), reasonOf(t)]),
    });
  });
  return out;
}

function comparison(report: LeadersReport<ReportTask>): Block[] {
  const compared = report.periods.filter((p) => p.previous !== null);
  if (!compared.length) return [{ kind: 'paragraph', text: W.compareNone, indent: true }];
  const count = (k: ChangeKind) => report.changed[k].length;
  const previous = report.periods.length === 1 ? compared[0]!.previous! : compared.map((p) => p.jurisdiction + p.previous).join('、');
  const out: Block[] = [
    { kind: 'paragraph', indent: true, text: W.compareText(previous, { done: count('done'), red: count('red'), stillRed: count('still-red'), stale: count('stale') }) },
  ];
  const missing = report.periods.filter((p) => p.previous === null).map((p) => p.jurisdiction);
  if (missing.length) out.push({ kind: 'paragraph', indent: true, text: W.compareMissing(missing.join('、')) });
  const many = several(report);
  let n = 0;
  for (const kind of CHANGE_KINDS) {
    const list = report.changed[kind];
    if (!list.length) continue;
    out.push({ kind: 'heading', level: 2, text: W.changeHeading(++n, CHANGE_LABEL[kind], list.length) });
    out.push(changeTable(list, many));
  }
  return out;
}

function changeTable(list: readonly ChangedTask<ReportTask>[], many: boolean): Block {
  const now = (t: ReportTask): Cell => (t.light === '绿' ? standing(t) : lightCell(t.light, standing(t)));
  return {
    kind: 'table',
    columns: W.changeColumns.map((title, c) => ({ title, width: [1, 4.5, 2.6, 2, 2][c]!, align: c === 0 ? ('center' as const) : ('left' as const) })),
    rows: list.map((c) => [c.task.id, nameIn(c.task, many), leadText(c.task), c.previous ? standing(c.previous) : W.notInPrevious, now(c.task)]),
  };
}

function nextSteps(report: LeadersReport<ReportTask>): Block[] {
  const light = (l: Light) => report.summary.lights.find((x) => x.light === l)?.count ?? 0;
  const unreported = report.summary.status.find((x) => x.status === '未填报')?.count ?? 0;
  const lines: string[] = [];
  if (light('红')) lines.push(W.nextRed);
  if (light('黄')) lines.push(W.nextYellow);
  if (report.changed.stale.length || unreported) lines.push(W.nextStale);
  lines.push(W.nextAll);
  return lines.map((text, i) => ({ kind: 'paragraph', text: `（${cnNumeral(i + 1)}）${text}`, indent: true }));
}
