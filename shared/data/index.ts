// Bundled directory data (单位名录 built from the seeds). Plain tables; the
// owners module builds indexes over them.
export { JINJIANG } from './jinjiang';
export { NATIONAL } from './national';
export { QIJIANG } from './qijiang';
export type { BundledJurisdiction, SeedRow } from './types';
import { JINJIANG } from './jinjiang';
import { NATIONAL } from './national';
import { QIJIANG } from './qijiang';

export const BUNDLED = [JINJIANG, NATIONAL, QIJIANG] as const;
