// What a merge keeps from one file to the next of its batch: the checks'
// readings and directories (CheckCache) and the identity keys. mergeLedgers
// makes one per call unless given one; the dashboard's worker keeps one for
// its life. No module-level state: a cache is shared only by being passed.
// The checked parts files of one template share belong to the reader the
// caller passes (shared/io workbookReader), not to this cache.
import { CheckCache } from '../checks/cache';
import { IdentityCache } from './identity';

export class MergeCache extends CheckCache {
  readonly identity = new IdentityCache();
}
