// The filters of the table and charts, plus the chips of what differs from
// the default view (each jurisdiction's latest period, DEFAULT_FILTER). The
// period selector offers 各辖区最新一期 first, then every period, and 全部
// (every period added up).
import type { ChangeKind, FilterKey, TaskFilter } from '../../shared/aggregate';
import { CHANGE_LABEL, DEFAULT_FILTER, FILTER_KEYS, periodChoices } from '../../shared/aggregate';
import type { Light, Status } from '../../shared/model';

const FILTER_LABELS: Record<FilterKey, string> = {
  jurisdiction: '辖区',
  period: '报告期',
  population: '人群',
  project: '工程',
  unit: '牵头单位',
  status: '状态',
  light: '红黄绿灯',
  change: '与上期相比',
};

/** How a value reads in a select and a chip (the change kinds by their Chinese label). */
const shown = (k: FilterKey, v: string | undefined): string => (v === undefined ? (k === 'period' ? '全部报告期' : '全部') : k === 'change' ? CHANGE_LABEL[v as ChangeKind] ?? v : v);

/** The filter with k set to v ('' or undefined: all). */
export function withFilter(f: TaskFilter, k: FilterKey, v: string | undefined): TaskFilter {
  const next = { ...f };
  if (v === undefined || v === '') delete next[k];
  else if (k === 'status') next.status = v as Status;
  else if (k === 'light') next.light = v as Light;
  else if (k === 'change') next.change = v as ChangeKind;
  else next[k] = v;
  return next;
}

export function Filters(props: { filter: TaskFilter; options: Record<FilterKey, string[]>; onChange: (f: TaskFilter) => void }) {
  const set = (k: FilterKey, v: string | undefined) => props.onChange(withFilter(props.filter, k, v));
  const active = FILTER_KEYS.filter((k) => props.filter[k] !== DEFAULT_FILTER[k]);
  const choices = (k: FilterKey): string[] => (k === 'period' ? periodChoices(props.options.period) : props.options[k]);
  return (
    <div className="filters" data-testid="filters">
      {FILTER_KEYS.map((k) => (
        <label key={k}>
          {FILTER_LABELS[k]}
          <select value={props.filter[k] ?? ''} onChange={(e) => set(k, e.target.value)} data-filter={k}>
            <option value="">{shown(k, undefined)}</option>
            {choices(k).map((o) => (
              <option key={o} value={o}>
                {shown(k, o)}
              </option>
            ))}
            {props.filter[k] !== undefined && !choices(k).includes(props.filter[k]!) && <option value={props.filter[k]}>{shown(k, props.filter[k])}</option>}
          </select>
        </label>
      ))}
      {active.length > 0 && (
        <span className="active-filters">
          {active.map((k) => (
            <button key={k} className="chip" onClick={() => set(k, DEFAULT_FILTER[k])} title="取消这个筛选" data-active-filter={k}>
              {FILTER_LABELS[k]}：{shown(k, props.filter[k])} ×
            </button>
          ))}
          <button onClick={() => props.onChange({ ...DEFAULT_FILTER })} data-clear-filters>
            清除筛选
          </button>
        </span>
      )}
    </div>
  );
}
