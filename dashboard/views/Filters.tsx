// The six filters of the table and charts, plus the chips of what is active.
import type { ChangeKind, FilterKey, TaskFilter } from '../../shared/aggregate';
import { FILTER_KEYS } from '../../shared/aggregate';
import type { Light, Status } from '../../shared/model';

const FILTER_LABELS: Record<FilterKey, string> = {
  jurisdiction: '辖区',
  period: '报告期',
  population: '人群',
  project: '工程',
  unit: '牵头单位',
  status: '状态',
  light: '红黄绿灯',
  change: '变化',
};

export function Filters(props: { filter: TaskFilter; options: Record<FilterKey, string[]>; onChange: (f: TaskFilter) => void }) {
  const set = (k: FilterKey, v: string) => {
    const next = { ...props.filter };
    if (v === '') delete next[k];
    else if (k === 'status') next.status = v as Status;
    else if (k === 'light') next.light = v as Light;
    else if (k === 'change') next.change = v as ChangeKind;
    else next[k] = v;
    props.onChange(next);
  };
  const active = FILTER_KEYS.filter((k) => props.filter[k] !== undefined);
  return (
    <div className="filters" data-testid="filters">
      {FILTER_KEYS.map((k) => (
        <label key={k}>
          {FILTER_LABELS[k]}
          <select value={props.filter[k] ?? ''} onChange={(e) => set(k, e.target.value)} data-filter={k}>
            <option value="">全部</option>
            {props.options[k].map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
            {props.filter[k] !== undefined && !props.options[k].includes(props.filter[k]!) && <option value={props.filter[k]}>{props.filter[k]}</option>}
          </select>
        </label>
      ))}
      {active.length > 0 && (
        <span className="active-filters">
          {active.map((k) => (
            <button key={k} className="chip" onClick={() => set(k, '')} title="取消这个筛选" data-active-filter={k}>
              {FILTER_LABELS[k]}：{props.filter[k]} ×
            </button>
          ))}
          <button onClick={() => props.onChange({})} data-clear-filters>
            清除筛选
          </button>
        </span>
      )}
    </div>
  );
}
