// shared/sample: the built-in sample data of the dashboard. Pure: plan text in,
// workbook descriptions out; scripts/make-sample-data.ts reads the seeds and
// writes the files.
import { importPlan, planToWorkbook } from '../plan';
import type { SamplePlan } from './plans';
import { SAMPLE_PLANS } from './plans';
import { quarterlyWorkbooks } from './progress';
import type { SampleFile } from './progress';

export { SAMPLE_PLANS, SAMPLE_MARK, QUARTERS } from './plans';
export type { SamplePlan } from './plans';
export type { SampleFile } from './progress';
export { quarterlyWorkbooks } from './progress';
export { seededRandom } from './random';

/** Bump when the generator changes, so cached samples are rebuilt. */
export const SAMPLE_VERSION = 2;

/** Twelve workbooks: three plans × four quarters of 2023. texts: seed file → plan text. */
export function sampleWorkbooks(texts: Record<string, string>): { files: SampleFile[]; problems: string[] } {
  const files: SampleFile[] = [];
  const problems: string[] = [];
  for (const plan of SAMPLE_PLANS) {
    const text = texts[plan.seed];
    if (text === undefined) {
      problems.push(`缺少规划文本 ${plan.seed}`);
      continue;
    }
    const imp = importPlan(text, plan.seed);
    if ('problem' in imp) {
      problems.push(imp.problem.message);
      continue;
    }
    const out = quarterlyWorkbooks(planToWorkbook(imp), plan as SamplePlan);
    if (!out.length) problems.push(`${plan.seed}: 生成的工作簿没有任务台账`);
    files.push(...out);
  }
  return { files, problems };
}
