// merge: 1,000 generated ledgers of 100 rows each (the officials' layout:
// title rows with 辖区/报告期/截至日期, merged 类别, the example's columns),
// merged in a child process so its peak memory is the merge's own.
//   merge.files_per_s  files read, checked and merged per second
//   merge.peak_mb      peak RSS of the child (maxRSS and 100 ms samples)
// Generation (writeWorkbook into a temp folder) is not timed. About 5% of the
// rows repeat a row of another unit of the same district and quarter, so the
// duplicate detection works on the full volume.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellValue } from '../shared/model';
import { writeWorkbook, type WorkbookSpec } from '../shared/io';

const here = path.dirname(fileURLToPath(import.meta.url));
const FILES = Number(process.env.KESU_BENCH_MERGE_FILES ?? 1000);
const ROWS = 100;

const DISTRICTS = ['锦江区', '青羊区', '金牛区', '武侯区', '成华区', '龙泉驿区', '新都区', '温江区', '双流区', '郫都区', '綦江区', '渝中区', '江北区', '沙坪坝区', '九龙坡区', '南岸区', '北碚区', '大足区', '璧山区', '铜梁区'];
const QUARTERS: [string, string][] = [
  ['2023年第一季度', '2023年3月31日'],
  ['2023年第二季度', '2023年6月30日'],
  ['2023年第三季度', '2023年9月30日'],
  ['2023年第四季度', '2023年12月31日'],
];
const UNITS = ['区教育局', '区科协', '区卫健局', '区文体旅局', '区应急局', '区市场监管局', '区新经济和科技局', '区人社局', '区农业农村局', '团区委', '区妇联', '区总工会', '区委宣传部'];
const CATEGORIES = ['实施青少年科学素质提升行动', '实施农民科学素质提升行动', '实施产业工人科学素质提升行动', '实施老年人科学素质提升行动', '实施领导干部和公务员科学素质提升行动', '实施科普基础设施工程', '实施科普信息化提升工程'];
const TASKS: [string, string][] = [
  ['培养青少年科学精神', '开好科学课,建立现代课程教学示范校{n}所,积极开展启发式、探究式、体验式课堂教学。'],
  ['开展青少年科技活动', '推动中小学每年开展“科技月”“院士(专家)进校园”等科普活动不少于{n}场。'],
  ['加强农民教育培训', '依托农广校等平台开展农民教育培训{n}人次以上,培育高素质农民。'],
  ['提升职工技能', '每年培训不少于{n}名专业技能工人,开展职业技能竞赛。'],
  ['开展老年人智能技术培训', '组织老年人智能手机使用培训{n}场,帮助老年人跨越数字鸿沟。'],
  ['加强领导干部科学素质教育', '举办领导干部科学素质专题讲座{n}期,纳入干部教育培训内容。'],
  ['建设科普基地', '到2025年,新建区级科普教育基地{n}个,推动科普场馆免费开放。'],
  ['推进科普信息化', '运营科普新媒体平台,全年发布科普作品{n}篇,提升科普内容传播力。'],
  ['加强科技志愿服务', '力争科技志愿服务队伍人数不少于{n}人,常态化开展科普宣讲。'],
  ['开展全国科普日活动', '组织全国科普日系列活动{n}场,营造学科学、用科学的良好氛围。'],
];

export function ledgerSpec(f: number): WorkbookSpec {
  const district = DISTRICTS[f % DISTRICTS.length]!;
  const [period, asOf] = QUARTERS[Math.floor(f / DISTRICTS.length) % QUARTERS.length]!;
  const unit = UNITS[f % UNITS.length]!;
  const header = ['序号', '类别', '重点任务', '任务内容', '牵头单位', '责任单位', '完成时限', `${period}工作进展`, '完成值', '备注'];
  const rows: CellValue[][] = [
    [`${district}全民科学素质行动规划纲要实施方案重点任务台账（${period}）`, ...Array(9).fill(null)],
    [`填报单位：${unit}　　截至日期：${asOf}`, ...Array(9).fill(null)],
    header,
  ];
  for (let j = 0; j < ROWS; j++) {
    // ~5%: the same task as the previous unit of this district and quarter reported
    const twin = j % 20 === 7 && f >= DISTRICTS.length * QUARTERS.length;
    const owner = twin ? f - DISTRICTS.length * QUARTERS.length : f;
    const k = (owner * 31 + j) % TASKS.length;
    const [title, content] = TASKS[k]!;
    const n = 5 + ((owner * 7 + j * 13) % 95);
    const actual = (owner + j) % 4 === 0 ? null : Math.round(n * (((owner + j) % 10) / 10 + 0.2));
    rows.push([
      j + 1,
      CATEGORIES[Math.floor(j / 15) % CATEGORIES.length]!,
      `${title}(${UNITS[owner % UNITS.length]}第${j + 1}项)`,
      content.replace('{n}', String(n)),
      `${UNITS[(owner + j) % UNITS.length]}、区科协`,
      `${UNITS[(owner + j + 3) % UNITS.length]}、各街道`,
      j % 3 ? '2025年' : '每年',
      actual === null ? '' : `已完成${actual}`,
      actual,
      '',
    ]);
  }
  // 类别 merged down each block of 15 rows, as officials lay it out
  const merges = [];
  for (let start = 0; start < ROWS; start += 15)
    merges.push({ top: 3 + start, left: 1, bottom: 3 + Math.min(start + 14, ROWS - 1), right: 1 });
  for (const m of merges) for (let r = m.top + 1; r <= m.bottom; r++) rows[r]![1] = null;
  merges.push({ top: 0, left: 0, bottom: 0, right: 9 }, { top: 1, left: 0, bottom: 1, right: 9 });
  return { sheets: [{ name: '任务台账', rows, merges, headerRow: 2 }] };
}

interface ChildReport {
  seconds: number;
  files: number;
  ok: number;
  tasks: number;
  duplicates: number;
  maxRssMb: number;
  sampledMb: number;
}

/** The child: merge every file of dir, report time and peak memory as JSON on stdout. */
async function child(dir: string): Promise<void> {
  const { mergeLedgers } = await import('../shared/merge');
  const { workbookReader } = await import('../shared/io');
  let sampled = process.memoryUsage().rss;
  const timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 100);
  const names = readdirSync(dir).sort();
  const started = performance.now();
  const result = await mergeLedgers(
    names.map((n) => ({ name: n, bytes: async () => new Uint8Array(readFileSync(path.join(dir, n))) })),
    { read: workbookReader(), asOf: new Date(2023, 11, 31) },
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  sampled = Math.max(sampled, process.memoryUsage().rss);
  const report: ChildReport = {
    seconds,
    files: names.length,
    ok: result.files.filter((f) => f.status === 'ok').length,
    tasks: result.tasks.length,
    duplicates: result.duplicates.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    sampledMb: sampled / 2 ** 20,
  };
  process.stdout.write(JSON.stringify(report) + '\n');
}

function runChild(dir: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', dir], {
      cwd: path.resolve(here, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`子进程退出码 ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line) as ChildReport);
    });
  });
}

export async function run(log: (s: string) => void): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-bench-merge-'));
  try {
    const t0 = performance.now();
    for (let f = 0; f < FILES; f++) {
      writeFileSync(path.join(dir, `台账-${String(f).padStart(4, '0')}.xlsx`), await writeWorkbook(ledgerSpec(f)));
    }
    log(`生成 ${FILES} 份台账 × ${ROWS} 行: ${((performance.now() - t0) / 1000).toFixed(1)} s (不计时)`);
    const r = await runChild(dir);
    log(`合并: ${r.seconds.toFixed(1)} s, 成功 ${r.ok}/${r.files}, 任务 ${r.tasks}, 重复 ${r.duplicates} 组`);
    log(`峰值内存: maxRSS ${r.maxRssMb.toFixed(0)} MB, 采样 ${r.sampledMb.toFixed(0)} MB (逐个读取,原始表格读完即释放;余下为 ${r.tasks} 项任务本身)`);
    return {
      'merge.files_per_s': r.files / r.seconds,
      'merge.peak_mb': Math.max(r.maxRssMb, r.sampledMb),
      'merge.tasks': r.tasks,
      'merge.duplicates': r.duplicates,
      'merge.files': r.files,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]!);
}
