// What turning rows into tasks reads once per distinct text: owner cells,
// target phrases, a task's class, 人群 / 工程 labels. A ledger repeats the same
// 牵头单位 strings on hundreds of rows, and a clerk's batch (the dashboard's
// thousand files) repeats one plan's task texts and owner cells in every file.
//
// Owned by whoever passes it (validate makes one per call unless given one, a
// merge one per batch, the dashboard's worker one for its life): no
// module-level state, so two callers never share readings unless they pass
// the same cache. Every table is cleared when full (TextCache's policy).
import type { Directory, Label, OwnerMatch, Target } from './deps';
import { classify, classifyPopulation, classifyProject, parseTargets, resolveOwners } from './deps';
import { TextCache } from '../text-cache';

export type Classes = ReturnType<typeof classify>;

const NO_DIRECTORY = {};
/** Classes kept before the table is cleared (TextCache's policy). */
const CLASSES_MAX = 50_000;

export class TaskCache {
  // Owner results depend on the directory: kept per directory object (directoryFor
  // reuses one directory for equal 单位名录 through its DirectoryCache), then per jurisdiction.
  private readonly owners = new WeakMap<object, Map<string, TextCache<readonly OwnerMatch[]>>>();
  // The ledger's year resolves 年底 / 今年 / 上半年 in targets.
  private readonly targets = new Map<string, TextCache<readonly Target[]>>();
  // category → title → content: no concatenated keys of long texts per row.
  private classes = new Map<string, Map<string, Map<string, Classes>>>();
  private classCount = 0;
  // Called through arrows so an import cycle cannot capture an unset binding.
  readonly populationLabels = new TextCache<Label | null>((t) => classifyPopulation(t));
  readonly projectLabels = new TextCache<Label | null>((t) => classifyProject(t));
  /** Rows with the same content share one targets array; their reorderings are shared too (primaryFirst). */
  readonly reordered = new WeakMap<readonly Target[], Target[][]>();

  /** Owner cells resolved against `directory` in `jurisdiction`'s context. */
  ownersFor(directory: Directory | null, jurisdiction: string | undefined): TextCache<readonly OwnerMatch[]> {
    const dirKey: object = directory ?? NO_DIRECTORY;
    let byJuris = this.owners.get(dirKey);
    if (!byJuris) this.owners.set(dirKey, (byJuris = new Map()));
    let cache = byJuris.get(jurisdiction ?? '');
    if (!cache) byJuris.set(jurisdiction ?? '', (cache = new TextCache((t) => (t.trim() ? resolveOwners(t, directory, { jurisdiction }) : []))));
    return cache;
  }

  /** Target phrases read with the ledger's year. */
  targetsIn(year: number | null | undefined): TextCache<readonly Target[]> {
    const key = String(year ?? '');
    let cache = this.targets.get(key);
    if (!cache) {
      const opts = { year: year ?? undefined };
      this.targets.set(key, (cache = new TextCache((t) => (t.trim() ? parseTargets(t, opts) : []))));
    }
    return cache;
  }

  /** A task's 人群 and 工程 read from its 类别, 重点任务 and 任务内容. */
  classOf(category: string, title: string, content: string): Classes {
    if (this.classCount >= CLASSES_MAX) {
      this.classes = new Map();
      this.classCount = 0;
    }
    let byTitle = this.classes.get(category);
    if (!byTitle) this.classes.set(category, (byTitle = new Map()));
    let byContent = byTitle.get(title);
    if (!byContent) byTitle.set(title, (byContent = new Map()));
    let c = byContent.get(content);
    if (!c) {
      byContent.set(content, (c = classify({ category, title, content })));
      this.classCount++;
    }
    return c;
  }
}
