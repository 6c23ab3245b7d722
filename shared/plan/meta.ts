// Plan metadata: where the plan body starts (after a notice wrapper), its title,
// jurisdiction and level, period and headline goal.
import type { PlanPeriod } from '../model';
import { fold } from './normalize';
import { markerOf, type Line } from './outline';
import type { PlanGoal } from './types';

const TITLE_END = /(方案|纲要|要点|规划|计划|意见|安排|清单|任务)(\([^()]{0,24}\))?$/;

function isTitleCandidate(line: string): boolean {
  const f = fold(line).trim();
  if (f.length < 4 || f.length > 90 || f.includes('\t')) return false;
  if (/[《》]/.test(f) || /^(附件|印发|根据|为了?|按照|现将|经|现向)/.test(f)) return false;
  if (/[。:;,]$/.test(f) || /。/.test(f)) return false;
  if (markerOf(f)) return false;
  return TITLE_END.test(f);
}

export interface Body {
  title: string;
  /** Index in `lines` of the first line after the title (and a 征求意见稿 note). */
  start: number;
  draft: boolean;
}

/**
 * The plan title and where the body starts. A notice (关于印发《…》的通知,
 * 关于公开征求…意见的公告) often wraps the plan and repeats its title; the plan's
 * own title is the last stand-alone title line before the first 一、 section.
 */
const squash = (s: string) => fold(s).replace(/[\s"“”《》]/g, '');

/** Groups of consecutive title lines (a title may be split over two lines). */
function titleGroups(lines: Line[], from: number, to: number): { at: number; len: number }[] {
  const out: { at: number; len: number }[] = [];
  for (let i = from; i < to; i++) {
    if (!isTitleCandidate(lines[i]!.text)) continue;
    let j = i;
    while (j + 1 < to && isTitleCandidate(lines[j + 1]!.text)) j++;
    out.push({ at: i, len: j - i + 1 });
    i = j;
  }
  return out;
}

const joined = (lines: Line[], g: { at: number; len: number }) =>
  lines
    .slice(g.at, g.at + g.len)
    .map((l) => l.text.trim())
    .join('');

/**
 * The plan a notice names (关于印发《X》的通知, 《X》已经区政府同意) and where the
 * document repeats X as a title line of its own: that line starts the plan,
 * even when the notice itself has numbered paragraphs.
 */
function namedTitle(lines: Line[]): { at: number; len: number } | null {
  const head = Math.min(lines.length, 60);
  for (let i = 0; i < head; i++) {
    const f = fold(lines[i]!.text);
    if (!/印发|征求|公布|发布|通知|公告|同意/.test(f)) continue;
    const m = /《([^》]{4,90}?)》/.exec(f);
    if (!m || !/(方案|纲要|要点|规划|计划|意见|安排|清单)(\([^()]*\))*$/.test(m[1]!)) continue;
    const name = squash(m[1]!);
    for (const g of titleGroups(lines, i + 1, lines.length)) {
      const t = squash(joined(lines, g));
      if (t.length >= 8 && (name.startsWith(t) || t.startsWith(name))) return g;
    }
  }
  return null;
}

export function findBody(lines: Line[]): Body {
  const named = namedTitle(lines);
  if (named) return afterTitle(lines, joined(lines, named), named.at + named.len);
  const firstSection = lines.findIndex((l) => markerOf(l.text.trim())?.rank === 1);
  const end = firstSection < 0 ? Math.min(lines.length, 40) : firstSection;
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < end; i++) {
    if (!isTitleCandidate(lines[i]!.text)) continue;
    // A title split over two lines (…规划纲要 / 实施方案（2021―2025年）).
    let j = i;
    while (j + 1 < end && isTitleCandidate(lines[j + 1]!.text)) j++;
    best = i;
    bestLen = j - i + 1;
    i = j;
  }
  let title = '';
  let start = 0;
  if (best >= 0) {
    title = lines
      .slice(best, best + bestLen)
      .map((l) => l.text.trim())
      .join('');
    start = best + bestLen;
  } else {
    // No stand-alone title: take it from 《…》 in a notice line.
    for (let i = 0; i < end; i++) {
      const m = /《([^》]{4,80}(方案|纲要|要点|规划|计划|意见|安排|清单))》/.exec(lines[i]!.text);
      if (m) {
        title = m[1]!;
        start = i + 1;
        break;
      }
    }
    if (firstSection >= 0 && !title) start = firstSection;
  }
  return afterTitle(lines, title, start);
}

/** The period on a line of its own under the title: （2016—2020年）. */
const PERIOD_LINE = /^[(（]\s*(?:19|20)\d{2}\s*年?\s*[-—–―─~～至]+\s*(?:19|20)\d{2}\s*年?\s*[)）]$/;

function afterTitle(lines: Line[], title: string, from: number): Body {
  let start = from;
  let draft = false;
  while (start < lines.length && !lines[start]!.text.trim()) start++;
  if (title && start < lines.length && PERIOD_LINE.test(lines[start]!.text.trim()) && !/(19|20)\d{2}/.test(title)) {
    title += lines[start]!.text.trim();
    start++;
    while (start < lines.length && !lines[start]!.text.trim()) start++;
  }
  if (start < lines.length && /^[(（]?\s*(征求意见稿|送审稿|讨论稿|草案|试行)\s*[)）]?$/.test(lines[start]!.text.trim())) {
    draft = true;
    start++;
  }
  return { title, start, draft };
}

const ADMIN = /^[\u4e00-\u9fa5]{1,24}?(省|自治区|特别行政区|市|自治州|州|盟|地区|区|县|旗)$/;

/**
 * Jurisdiction from the title: the place name before 全民科学素质 / 科学素质 /
 * 科普. A title with no place (2023年全民科学素质行动工作要点) is national.
 */
export function jurisdictionOf(title: string, wrapper: string): string | null {
  const t = fold(title)
    .replace(/^\d{4}年(度)?/, '')
    .replace(/^(关于印发|关于|印发)/, '');
  const m = /^(.*?)(全民科学素质|公民科学素质|科学素质|全民科普|科普|科学技术普及)/.exec(t);
  const prefix = (m ? m[1]! : '').replace(/[\s\d年度()]/g, '');
  if (prefix && ADMIN.test(prefix)) return prefix;
  if (!prefix || /^(全国|国家|中国)$/.test(prefix)) {
    // A district's work points may leave the place out of the title; the issuer
    // in the notice wrapper then tells (綦江区人民政府办公室, 锦江区科学技术协会).
    const issuer = /([\u4e00-\u9fa5]{2,12}?(?:省|自治区|市|州|区|县|旗))(?:人民政府|科学技术协会|科协|全民科学素质)/.exec(fold(wrapper));
    if (issuer && ADMIN.test(issuer[1]!) && !/全国|国务院|中国/.test(issuer[1]!)) return issuer[1]!;
    return '国家';
  }
  // 宜州市关于进一步加强… → the longest place-shaped start (宜州市, not 宜州).
  const head = prefix.split(/关于|印发|进一步|加强|推进|深入|实施|的/)[0]!;
  for (let i = Math.min(head.length, 24); i >= 2; i--) if (ADMIN.test(head.slice(0, i))) return head.slice(0, i);
  return null;
}

/** 2021—2025 (any dash), 2016-2020年, or a single year (2023年…工作要点). */
export function periodOf(title: string, text: string): PlanPeriod | null {
  const f = fold(title);
  const range = /((?:19|20)\d{2})\s*年?\s*-+\s*((?:19|20)\d{2})/.exec(f);
  if (range) return { start: Number(range[1]), end: Number(range[2]) };
  const single = /((?:19|20)\d{2})\s*年/.exec(f);
  if (single) return { start: Number(single[1]), end: Number(single[1]) };
  // 十四五 / 十三五 in the title
  if (/十四五/.test(f)) return { start: 2021, end: 2025 };
  if (/十三五/.test(f)) return { start: 2016, end: 2020 };
  void text;
  return null;
}

const INDICATOR = /(公民|居民)?具备(基本)?科学素质(的)?(比例|比率|人口比例)/;

/** Sentences of the text (split at 。；; and line ends). */
function sentences(text: string): string[] {
  return text.split(/[。;；\n]/).map((s) => s.trim()).filter(Boolean);
}

/**
 * The headline goal: indicator, baseline values with years, target year and
 * value with stretch. 到2025年…比例超过18%，力争达到20% / 2020年…达到8.8%，比2017年的6.5%…
 */
export function goalOf(text: string, period: PlanPeriod | null): PlanGoal | null {
  const all = sentences(text);
  const hits = all.filter((s) => INDICATOR.test(fold(s)) || /科学素质(水平)?比例/.test(s));
  if (!hits.length) return null;
  const indicator = '公民具备科学素质的比例';
  let target: PlanGoal['target'] = null;
  let targetText: string | null = null;
  const baseline: PlanGoal['baseline'] = [];
  for (let k = 0; k < hits.length; k++) {
    const s = hits[k]!;
    const f = fold(s);
    const idx = f.search(INDICATOR);
    const after = idx >= 0 ? f.slice(idx) : f;
    // A target names a future year with 到/至/力争到 (or none) and a comparator.
    const tm = /(超过|高于|不低于|达到|提高到|提升到|力争达到|力争超过)\s*(\d+(?:\.\d+)?)\s*%/.exec(after);
    const yearTo = /(?:到|至|力争到|截至)\s*((?:19|20)\d{2})\s*年/.exec(f);
    // A work-point year's own sentence (2023年，…力争…达到13%) states its target.
    const ownYear = period && period.start === period.end ? new RegExp(`^${period.end}\\s*年`).test(f.trim()) : false;
    if (tm && (yearTo || ownYear || (!/(19|20)\d{2}\s*年/.test(f.slice(0, idx)) && !target))) {
      if (!target || yearTo) {
        const stretch = /力争(?:达到|超过)?\s*(\d+(?:\.\d+)?)\s*%/.exec(after.slice(tm.index + tm[0].length));
        target = {
          year: yearTo ? Number(yearTo[1]) : (period?.end ?? null),
          value: Number(tm[2]),
          stretch: stretch ? Number(stretch[1]) : null,
          comparator: /超过|高于|力争超过/.test(tm[1]!) ? '>' : '>=',
        };
        targetText = s;
        if (/力争/.test(tm[1]!) && stretch === null) target.stretch = null;
      }
      continue;
    }
    // Baselines: every "YYYY年 … N%" pair of a past sentence.
    const re = /((?:19|20)\d{2})\s*年[^%。\d]{0,30}?(\d+(?:\.\d+)?)\s*%/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(f))) {
      const year = Number(m[1]);
      if (!baseline.some((b) => b.year === year)) baseline.push({ year, value: Number(m[2]) });
    }
  }
  // A baseline never lies in or after the target year.
  const kept = target?.year ? baseline.filter((b) => b.year < target!.year!) : baseline;
  kept.sort((a, b) => b.year - a.year);
  return { indicator, baseline: kept, target, text: targetText };
}
