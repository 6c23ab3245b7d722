// Owner lookup benchmark: our directory index against fuse.js on the same
// labelled queries.
//
// Directory: 146 jurisdictions (districts, counties and some cities) × the
// department names the seeds use (000 锦江区, 004 綦江区), full formal names
// with the short forms plans write as aliases — 6,038 units (README).
// Queries (labelled variant → canonical): alias forms, 与/和 swaps, width and
// stray-space changes, a missing level prefix (with the ledger's jurisdiction
// as context), jurisdiction-name forms and one-character typos.
// fuse.js gets names + aliases as keys, and when a query has a jurisdiction it
// searches that jurisdiction's units only (a separate index each, built before
// timing), which is how one would sensibly use it.
// Top-1: our name, or our first suggestion when we decline to match (that is
// what the user is offered); fuse's first hit.
import Fuse from 'fuse.js';
import type { Unit, UnitKind } from '../shared/model';
import { createDirectory, resolveOwners, type Directory } from '../shared/owners';
import { NATIONAL } from '../shared/data';
import { seededRandom } from '../shared/sample';

type Template = { full: string; short: string[]; kind: UnitKind; party?: boolean; league?: boolean };

// Department names of the seeds (bare, without the jurisdiction): full formal name and the plan's short forms.
const DEPARTMENTS: Template[] = [
  { full: '委办公室', short: ['委办公室', '委办'], kind: '党委部门', party: true },
  { full: '委组织部', short: ['委组织部'], kind: '党委部门', party: true },
  { full: '委宣传部', short: ['委宣传部'], kind: '党委部门', party: true },
  { full: '委统一战线工作部', short: ['委统战部'], kind: '党委部门', party: true },
  { full: '委网络安全和信息化委员会办公室', short: ['委网信办'], kind: '党委部门', party: true },
  { full: '委城乡社区发展治理委员会', short: ['委社治委'], kind: '党委部门', party: true },
  { full: '委直属机关工作委员会', short: ['委直属机关工委', '直机关工委'], kind: '党委部门', party: true },
  { full: '委老干部局', short: ['委老干局'], kind: '党委部门', party: true },
  { full: '委党校', short: ['委党校'], kind: '党委部门', party: true },
  { full: '人民政府办公室', short: ['政府办公室', '政府办'], kind: '政府部门' },
  { full: '发展和改革委员会', short: ['发展改革委', '发改委'], kind: '政府部门' },
  { full: '教育局', short: ['教育局'], kind: '政府部门' },
  { full: '科学技术局', short: ['科技局'], kind: '政府部门' },
  { full: '新经济和科技局', short: ['新经济和科技局'], kind: '政府部门' },
  { full: '经济和信息化局', short: ['经信局'], kind: '政府部门' },
  { full: '民政局', short: ['民政局'], kind: '政府部门' },
  { full: '财政局', short: ['财政局'], kind: '政府部门' },
  { full: '人力资源和社会保障局', short: ['人力社保局', '人社局'], kind: '政府部门' },
  { full: '规划和自然资源局', short: ['规划和自然资源局'], kind: '政府部门' },
  { full: '生态环境局', short: ['生态环境局'], kind: '政府部门' },
  { full: '住房和城乡建设委员会', short: ['住房城乡建委'], kind: '政府部门' },
  { full: '住房建设和交通运输局', short: ['住建和交通局'], kind: '政府部门' },
  { full: '城市管理局', short: ['城市管理局'], kind: '政府部门' },
  { full: '公园城市建设局', short: ['公园城市局'], kind: '政府部门' },
  { full: '交通局', short: ['交通局'], kind: '政府部门' },
  { full: '水利局', short: ['水利局'], kind: '政府部门' },
  { full: '农业农村委员会', short: ['农业农村委'], kind: '政府部门' },
  { full: '商务委员会', short: ['商务委'], kind: '政府部门' },
  { full: '文化和旅游发展委员会', short: ['文化旅游委'], kind: '政府部门' },
  { full: '文化体育和旅游局', short: ['文体旅局'], kind: '政府部门' },
  { full: '卫生健康委员会', short: ['卫生健康委', '卫健委'], kind: '政府部门' },
  { full: '卫生健康局', short: ['卫健局'], kind: '政府部门' },
  { full: '应急管理局', short: ['应急局'], kind: '政府部门' },
  { full: '市场监督管理局', short: ['市场监管局'], kind: '政府部门' },
  { full: '综合行政执法局', short: ['综合执法局'], kind: '政府部门' },
  { full: '大数据发展局', short: ['大数据发展局'], kind: '政府部门' },
  { full: '气象局', short: ['气象局'], kind: '其他' },
  { full: '融媒体中心', short: ['融媒体中心'], kind: '其他' },
  { full: '委员会', short: ['团委'], kind: '群团', league: true },
  { full: '总工会', short: ['总工会'], kind: '群团' },
  { full: '妇女联合会', short: ['妇联'], kind: '群团' },
  { full: '科学技术协会', short: ['科协'], kind: '群团' },
  { full: '社会科学界联合会', short: ['社科联'], kind: '群团' },
  { full: '文学艺术界联合会', short: ['文联'], kind: '群团' },
  { full: '工商业联合会', short: ['工商联'], kind: '群团' },
  { full: '红十字会', short: ['红十字会'], kind: '群团' },
];

const CITIES = [
  '成都市', '重庆市', '绵阳市', '德阳市', '宜宾市', '南充市', '西安市', '武汉市', '长沙市', '杭州市', '宁波市', '南京市',
  '苏州市', '合肥市', '郑州市', '济南市', '青岛市', '福州市', '厦门市', '广州市', '深圳市', '昆明市', '贵阳市', '南宁市',
  '兰州市', '太原市', '沈阳市', '长春市', '南昌市', '海口市', '银川市', '西宁市',
];
const DISTRICTS = [
  '锦江区', '青羊区', '金牛区', '武侯区', '成华区', '龙泉驿区', '新都区', '温江区', '双流区', '郫都区', '江北区', '渝中区',
  '南岸区', '沙坪坝区', '九龙坡区', '綦江区', '长寿区', '江津区', '合川区', '永川区', '雁塔区', '碑林区', '莲湖区', '未央区',
  '江汉区', '洪山区', '岳麓区', '天心区', '西湖区', '拱墅区', '鼓楼区', '玄武区', '秦淮区', '蜀山区', '金水区', '历下区',
  '市南区', '思明区', '天河区', '越秀区', '福田区', '南山区', '五华区', '南明区', '青秀区', '城关区', '小店区', '和平区',
  '朝阳区', '东湖区', '美兰区', '兴庆区', '城西区', '平和县', '长丰县', '安宁县', '宁乡县', '桐庐县', '淳安县', '高淳县',
];

interface Query {
  text: string;
  jurisdiction?: string;
  expect: string;
  kind: string;
}

function build(): { units: Unit[]; queries: Query[]; jurisdictions: string[] } {
  // seeded (mulberry32, the sample data's) so runs compare
  const rand = seededRandom(20231);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const jurisdictions: string[] = [];
  for (const city of CITIES) {
    const n = 3 + Math.floor(rand() * 3);
    const pool = [...DISTRICTS].sort(() => rand() - 0.5).slice(0, n);
    for (const d of pool) jurisdictions.push(city + d);
  }
  for (const city of CITIES.slice(0, 16)) jurisdictions.push(city);
  const units: Unit[] = [];
  for (const j of jurisdictions) {
    const level = j.endsWith('区') ? '区' : j.endsWith('县') ? '县' : '市';
    const templates = DEPARTMENTS.filter(() => rand() < 0.9);
    for (const t of templates) {
      let name: string;
      let aliases: string[];
      if (t.party) {
        name = `中共${j}${t.full}`;
        aliases = t.short.map((s) => level + s);
      } else if (t.league) {
        name = `共青团${j}委员会`;
        aliases = [`团${level}委`];
      } else {
        name = j + t.full;
        aliases = t.short.map((s) => level + s);
      }
      units.push({ name, aliases, kind: t.kind, jurisdiction: j });
    }
  }

  const byJ = new Map<string, Unit[]>();
  for (const u of units) byJ.set(u.jurisdiction, [...(byJ.get(u.jurisdiction) ?? []), u]);
  const hanzi = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
  const typo = (s: string, from: number) => {
    const i = from + Math.floor(rand() * (s.length - from));
    let c = pick([...hanzi]);
    while (c === s[i]) c = pick([...hanzi]);
    return s.slice(0, i) + c + s.slice(i + 1);
  };

  const queries: Query[] = [];
  const sample = () => pick(units);
  const add = (q: Query) => queries.push(q);
  // Most queries carry the ledger's jurisdiction (a ledger belongs to one); a
  // share has none and must be found among all units (typos in full names,
  // 锦江区教育局-style names). fuse.js is slow on the whole directory, so that
  // share is kept small enough for the bench to finish in a few minutes.
  for (let i = 0; i < 1200; i++) {
    const u = sample();
    const j = u.jurisdiction;
    const alias = pick(u.aliases);
    const level = alias[0] === '团' ? alias[1] : alias[0];
    const short = j.replace(/^.+?市(?=.)/, '');
    switch (i % 20) {
      case 0:
      case 1:
      case 2:
        add({ text: alias, jurisdiction: j, expect: u.name, kind: 'alias' });
        break;
      case 3:
      case 4: {
        const src = /和/.test(alias) ? alias : /和/.test(u.name) ? u.name : null;
        if (src) add({ text: src.replace('和', '与'), jurisdiction: j, expect: u.name, kind: 'and-swap' });
        else add({ text: u.name.replace(/^(中共|共青团)?(.+?[区县市])/, '$1$2 '), jurisdiction: j, expect: u.name, kind: 'spaces' });
        break;
      }
      case 5:
      case 6:
        add({ text: u.name.replace(/(.)(.)/, '$1 $2').replace(/局$/, ' 局'), jurisdiction: j, expect: u.name, kind: 'spaces' });
        break;
      case 7:
      case 8:
        add({ text: alias.replace(/^(区|县|市)(?!委)/, '$1　'), jurisdiction: j, expect: u.name, kind: 'width' });
        break;
      case 9:
      case 10:
      case 11:
        if (alias.startsWith(level) && !alias.startsWith(level + '委') && alias[0] !== '团')
          add({ text: alias.slice(1), jurisdiction: j, expect: u.name, kind: 'missing-level' });
        else add({ text: alias, jurisdiction: j, expect: u.name, kind: 'alias' });
        break;
      case 12:
      case 13:
        if (alias[0] === level && !j.endsWith('市') && alias[0] !== '团')
          add({ text: short + alias.slice(1), jurisdiction: j, expect: u.name, kind: 'jurisdiction-name' });
        else add({ text: u.name, jurisdiction: j, expect: u.name, kind: 'exact' });
        break;
      case 14:
      case 15:
      case 16:
        add({ text: alias.length >= 5 ? typo(alias, 1) : alias, jurisdiction: j, expect: u.name, kind: alias.length >= 5 ? 'typo-alias' : 'alias' });
        break;
      case 17:
        add({ text: typo(u.name, Math.max(2, u.name.length - 6)), expect: u.name, kind: 'typo-full (全库)' });
        break;
      case 18:
        if (alias[0] === level && !j.endsWith('市') && alias[0] !== '团')
          add({ text: short + alias.slice(1), expect: u.name, kind: 'short-name (全库)' });
        else add({ text: u.name.replace('和', '与'), expect: u.name, kind: 'variant (全库)' });
        break;
      case 19:
        add({ text: u.name.replace(/^(中共|共青团)?(.+?[区县市])/, '$1$2 '), expect: u.name, kind: 'variant (全库)' });
        break;
    }
  }
  return { units, queries, jurisdictions };
}

// Context-free enumerations (issue 13): owner fields as plans write them, looked
// up with no jurisdiction given, so the context must come from the names
// themselves. Each name is scored on its own.
//  enum-local     a district's or county's units, one of them written in full (it
//                 names the jurisdiction), the others as aliases or bare names
//  enum-city      the same for a city (16 cities share every 市 alias)
//  enum-national  national units as seed 003 writes them (教育部、气象局、社科院)
//  enum-province  a province's units: no province in the directory, so the
//                 names resolve by rule (教育厅 → 省教育厅), never to a city's or
//                 the nation's unit
//  enum-city-bare a city enumeration with no full name: which city is unknown, so
//                 no name may resolve to any directory unit
interface EnumQuery {
  text: string;
  /** Expected name per position: a canonical name, a rule-made name, or null (must not resolve to a unit). */
  expect: (string | null)[];
  kind: string;
}

const NATIONAL_ONLY = ['教育部', '科技部', '中国科协', '中央宣传部', '民政部', '全国妇联', '共青团中央', '中科院', '农业农村部', '自然资源部'];
const NATIONAL_BARE = ['气象局', '地震局', '社科院', '统计局', '文物局'];
const PROVINCE_DEPTS = ['教育厅', '科技厅', '民政厅', '财政厅', '农业农村厅', '卫生健康委', '气象局', '科协', '妇联', '总工会', '社科院', '社科联'];
const CITY_BARE = ['科协', '妇联', '气象局', '社科院', '民族宗教局', '总工会', '文联'];

function buildEnums(units: Unit[]): EnumQuery[] {
  const rand = seededRandom(4242);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const byJ = new Map<string, Unit[]>();
  for (const u of units) byJ.set(u.jurisdiction, [...(byJ.get(u.jurisdiction) ?? []), u]);
  const locals = [...byJ.keys()].filter((j) => j !== '国家' && !j.endsWith('市'));
  const cities = [...byJ.keys()].filter((j) => j.endsWith('市'));
  const out: EnumQuery[] = [];
  const sample = <T>(xs: readonly T[], n: number): T[] => [...xs].sort(() => rand() - 0.5).slice(0, n);
  // One unit of j as a plan writes it: alias (区科协), or bare (科协) when the alias is plain prefix + name.
  const written = (u: Unit, level: string, allowBare: boolean): string => {
    const alias = pick(u.aliases);
    const plain = alias.startsWith(level) && !alias.startsWith(level + '委') && alias[0] !== '团';
    return allowBare && plain && rand() < 0.5 ? alias.slice(level.length) : alias;
  };
  const localEnum = (j: string, kind: string) => {
    const level = j.endsWith('县') ? '县' : j.endsWith('区') ? '区' : '市';
    const us = sample(byJ.get(j)!, 3 + Math.floor(rand() * 4));
    const texts = us.map((u, i) => (i === 0 ? u.name : written(u, level, true)));
    out.push({ text: texts.join('、') + (rand() < 0.3 ? '等单位' : ''), expect: us.map((u) => u.name), kind });
  };
  for (let i = 0; i < 120; i++) localEnum(pick(locals), 'enum-local');
  for (let i = 0; i < 30; i++) localEnum(pick(cities), 'enum-city');
  const nat = units.filter((u) => u.jurisdiction === '国家');
  const natBy = (alias: string) => nat.find((u) => u.aliases.includes(alias))!;
  for (let i = 0; i < 30; i++) {
    const names = [pick(NATIONAL_ONLY), ...sample(NATIONAL_ONLY.map(natBy), 2).map((u) => u.aliases[0]!), ...sample(NATIONAL_BARE.map(natBy), 2).map((u) => NATIONAL_BARE.find((a) => u.aliases.includes(a))!)];
    const uniq = [...new Set(names)];
    out.push({ text: uniq.join('、'), expect: uniq.map((a) => natBy(a).name), kind: 'enum-national' });
  }
  for (let i = 0; i < 20; i++) {
    const level = i % 4 === 0 ? '自治区' : '省';
    const ds = sample(PROVINCE_DEPTS, 3 + Math.floor(rand() * 3));
    const texts = ds.map((d, k) => (k === 0 ? level + d : d));
    out.push({ text: texts.join('、'), expect: ds.map((d) => level + d), kind: 'enum-province' });
  }
  for (let i = 0; i < 20; i++) {
    const ds = sample(CITY_BARE, 2 + Math.floor(rand() * 3));
    const texts = ['市教育局', '市委宣传部', ...ds];
    out.push({ text: texts.join('、'), expect: texts.map(() => null), kind: 'enum-city-bare' });
  }
  return out;
}

interface EnumScore {
  names: number;
  top1: number;
  wrong: number;
  /** Resolved to a directory unit of a jurisdiction other than the expected one (another level, another place). */
  otherPlace: number;
  byKind: Map<string, { n: number; ok: number; wrong: number }>;
}

function scoreEnums(dir: Directory, enums: EnumQuery[], unitJ: Map<string, string>): EnumScore {
  const s: EnumScore = { names: 0, top1: 0, wrong: 0, otherPlace: 0, byKind: new Map() };
  for (const q of enums) {
    const ms = resolveOwners(q.text, dir);
    const k = s.byKind.get(q.kind) ?? { n: 0, ok: 0, wrong: 0 };
    s.byKind.set(q.kind, k);
    q.expect.forEach((want, i) => {
      const m = ms[i];
      s.names++;
      k.n++;
      if (!m) return;
      const resolvedToUnit = m.matched !== 'none' && m.matched !== 'group' && m.name !== null && unitJ.has(m.name);
      const ok = want === null ? !resolvedToUnit : m.matched !== 'none' && m.name === want;
      if (ok) {
        s.top1++;
        k.ok++;
      }
      if (m.matched !== 'none' && m.matched !== 'group' && m.name !== want) {
        s.wrong++;
        k.wrong++;
      }
      const wantJ = want === null ? null : (unitJ.get(want) ?? 'rule');
      if (resolvedToUnit && unitJ.get(m.name!) !== wantJ) s.otherPlace++;
    });
  }
  return s;
}

function timeIt(fn: () => void, minMs: number): { runs: number; ms: number } {
  let runs = 0;
  const t0 = performance.now();
  let ms = 0;
  do {
    fn();
    runs++;
    ms = performance.now() - t0;
  } while (ms < minMs);
  return { runs, ms };
}

export async function run(log: (s: string) => void): Promise<Record<string, number | string>> {
  const { units, queries, jurisdictions } = build();
  log(`单位 ${units.length} 个(另加国家级 ${NATIONAL.units.length} 个),辖区 ${jurisdictions.length} 个,查询 ${queries.length} 条`);

  // National units are in every directory a ledger is checked against.
  const all = [...units, ...NATIONAL.units];
  let t0 = performance.now();
  const dir = createDirectory(all);
  const buildMs = performance.now() - t0;

  // Ours.
  const ours = (q: Query) => {
    const m = dir.lookup(q.text, q.jurisdiction ? { jurisdiction: q.jurisdiction } : undefined);
    return { top: m.name ?? m.suggestions[0]?.name ?? null, matched: m.matched };
  };
  const outOurs = queries.map(ours);
  const oursTime = timeIt(() => {
    for (const q of queries) dir.lookup(q.text, q.jurisdiction ? { jurisdiction: q.jurisdiction } : undefined);
  }, 2000);
  const oursOps = (queries.length * oursTime.runs) / (oursTime.ms / 1000);

  // fuse.js: one index over everything, one per jurisdiction (built before timing).
  t0 = performance.now();
  const options = { keys: ['name', 'aliases'], threshold: 0.4, ignoreLocation: true, includeScore: true };
  const fuseAll = new Fuse(units, options);
  const fuseByJ = new Map<string, Fuse<Unit>>();
  for (const j of jurisdictions) fuseByJ.set(j, new Fuse(units.filter((u) => u.jurisdiction === j), options));
  const fuseBuildMs = performance.now() - t0;
  const fuse = (q: Query) => {
    const f = (q.jurisdiction && fuseByJ.get(q.jurisdiction)) || fuseAll;
    return f.search(q.text, { limit: 5 })[0]?.item.name ?? null;
  };
  // One timed pass (fuse.js is slow on the whole directory; one pass is enough to time it).
  // Each query timed on its own, so the per-scope figures below need no second pass.
  const fuseMs = new Float64Array(queries.length);
  const outFuse = queries.map((q, i) => {
    const t = performance.now();
    const top = fuse(q);
    fuseMs[i] = performance.now() - t;
    return top;
  });
  const fuseOps = queries.length / (fuseMs.reduce((a, b) => a + b, 0) / 1000);

  // The same split by scope: queries with a jurisdiction (small per-jurisdiction
  // fuse.js index) and without (the whole directory), so neither hides the other.
  const scoped = (local: boolean) => {
    const qs = queries.filter((q) => !!q.jurisdiction === local);
    const ot = timeIt(() => {
      for (const q of qs) dir.lookup(q.text, q.jurisdiction ? { jurisdiction: q.jurisdiction } : undefined);
    }, 1000);
    const fms = queries.reduce((sum, q, i) => (!!q.jurisdiction === local ? sum + fuseMs[i] : sum), 0);
    return { ours: (qs.length * ot.runs) / (ot.ms / 1000), fuse: qs.length / (fms / 1000), n: qs.length };
  };
  const local = scoped(true);
  const global = scoped(false);
  log(`有辖区 ${local.n} 条: 本项目 ${Math.round(local.ours)}/s, fuse.js ${Math.round(local.fuse)}/s; 全库 ${global.n} 条: 本项目 ${Math.round(global.ours)}/s, fuse.js ${Math.round(global.fuse)}/s`);

  const acc = (tops: (string | null)[]) => tops.filter((t, i) => t === queries[i].expect).length / queries.length;
  const top1 = acc(outOurs.map((o) => o.top));
  const fuseTop1 = acc(outFuse);
  // Resolved without asking (exact/alias/rule/fuzzy) and how often that was wrong.
  const resolved = outOurs.filter((o) => o.matched !== 'none' && o.matched !== 'group');
  const wrong = outOurs.filter((o, i) => o.matched !== 'none' && o.top !== queries[i].expect);

  // Context-free enumerations, scored name by name.
  const enums = buildEnums(all);
  const unitJ = new Map(all.map((u) => [u.name, u.jurisdiction]));
  const es = scoreEnums(dir, enums, unitJ);
  for (const [k, v] of es.byKind) log(`${k.padEnd(20)} ${String(v.n).padStart(4)} 名  本项目 ${((v.ok / v.n) * 100).toFixed(1)}%  误判 ${v.wrong}`);
  log(`列举 ${enums.length} 条 ${es.names} 个单位名: 正确 ${((es.top1 / es.names) * 100).toFixed(1)}%, 误判 ${es.wrong}, 判到别的辖区或层级 ${es.otherPlace}`);

  const kinds = [...new Set(queries.map((q) => q.kind))];
  for (const k of kinds) {
    const idx = queries.map((q, i) => (q.kind === k ? i : -1)).filter((i) => i >= 0);
    const a = idx.filter((i) => outOurs[i].top === queries[i].expect).length / idx.length;
    const b = idx.filter((i) => outFuse[i] === queries[i].expect).length / idx.length;
    log(`${k.padEnd(20)} ${String(idx.length).padStart(4)} 条  本项目 ${(a * 100).toFixed(1)}%  fuse.js ${(b * 100).toFixed(1)}%`);
  }
  log(`建索引 ${buildMs.toFixed(0)} ms (fuse.js ${fuseBuildMs.toFixed(0)} ms);目标:吞吐 ≥ fuse.js 的 10 倍,准确率不低于 fuse.js`);

  return {
    'lookup.units': units.length,
    'lookup.queries': queries.length,
    'lookup.ops_per_s': Math.round(oursOps),
    // Single lookups and the enumerations' names together.
    'lookup.top1': +((top1 * queries.length + es.top1) / (queries.length + es.names)).toFixed(4),
    'lookup.single_top1': +top1.toFixed(4),
    'lookup.enum_names': es.names,
    'lookup.enum_top1': +(es.top1 / es.names).toFixed(4),
    'lookup.enum_wrong_resolved': es.wrong,
    'lookup.other_place': es.otherPlace,
    'lookup.fuse_ops_per_s': Math.round(fuseOps),
    'lookup.fuse_top1': +fuseTop1.toFixed(4),
    'lookup.speedup': +(oursOps / fuseOps).toFixed(1),
    'lookup.local_ops_per_s': Math.round(local.ours),
    'lookup.fuse_local_ops_per_s': Math.round(local.fuse),
    'lookup.global_ops_per_s': Math.round(global.ours),
    'lookup.fuse_global_ops_per_s': Math.round(global.fuse),
    'lookup.resolved_share': +(resolved.length / queries.length).toFixed(4),
    'lookup.wrong_resolved': wrong.length + es.wrong,
    'lookup.build_ms': Math.round(buildMs),
  };
}
