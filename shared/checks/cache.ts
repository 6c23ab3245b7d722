// What checking ledgers keeps from one ledger to the next of a batch, owned by
// the caller that passes it (ValidateContext.cache): validate makes a new one
// per call unless given one; `kesu validate` one per run; a merge one per
// batch; the dashboard's worker one for its life. No module-level state: two
// callers never share readings unless they pass the same cache.
import type { Directory } from '../owners';
import { JudgeCache } from '../progress';
import { TaskCache } from '../ledger/task-cache';

/** Directories built from a workbook's 单位名录, by jurisdiction and content. */
export class DirectoryCache {
  private readonly built = new Map<string, Directory>();
  constructor(private readonly max = 32) {}

  /** The directory kept under `key`, else the one `build` makes (kept; the table is cleared when full). */
  get(key: string, build: () => Directory): Directory {
    let dir = this.built.get(key);
    if (!dir) {
      if (this.built.size >= this.max) this.built.clear();
      this.built.set(key, (dir = build()));
    }
    return dir;
  }
}

export class CheckCache {
  /** Status words, shares, progress texts and deadlines. */
  readonly judge = new JudgeCache();
  /** Owner cells, target phrases, classes: keyed by directory object, so it pairs with `directories`. */
  readonly tasks = new TaskCache();
  /** Files of one batch usually carry the same 单位名录: its index is built once. */
  readonly directories = new DirectoryCache();
}
