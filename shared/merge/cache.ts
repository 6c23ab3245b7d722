// What a merge keeps from one file to the next of its batch: the checks'
// readings and directories (CheckCache), the identity keys, and the checked
// parts files of one template share (shared/io/part-cache.ts). mergeLedgers
// makes one per call unless given one; the dashboard's worker keeps one for
// its life. No module-level state: a cache is shared only by being passed.
import { CheckCache } from '../checks/cache';
import { PartCache } from '../io/part-cache';
import { IdentityCache } from './identity';

export class MergeCache extends CheckCache {
  readonly identity = new IdentityCache();
  readonly parts = new PartCache();
}
