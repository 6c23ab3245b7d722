// 校验's tasks by light (红黄绿灯): a count per light, the date they were judged
// as of, and the red and yellow tasks listed with why; a click selects the
// task's 序号 cell, which 校验 painted in the same colour.
import { useState } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Light } from '../../../shared/model';
import { LIGHT_FILL, LIGHT_FONT } from '../../../shared/progress';
import type { LightGroup, TaskLine } from '../../commands/validate';
import type { AsOfSource } from '../../commands/context';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center', marginTop: '8px' },
  chip: { border: 'none', borderRadius: '10px', padding: '2px 10px', cursor: 'pointer', font: 'inherit', fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: '4px 0 0 0', padding: 0 },
  item: {
    display: 'block', width: '100%', textAlign: 'left', border: 'none', background: 'none', padding: '4px 6px', cursor: 'pointer', font: 'inherit', borderRadius: '4px',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  where: { color: tokens.colorNeutralForeground3, marginRight: '6px', fontVariantNumeric: 'tabular-nums' },
  why: { color: tokens.colorNeutralForeground3, display: 'block', fontSize: tokens.fontSizeBase200 },
});

const SOURCE: Record<AsOfSource, string> = { chosen: '所选日期', ledger: '台账标题中的截至日期', today: '今天(台账未注明截至日期)' };
const SHOWN = 200;

export function LightList(props: { lights: LightGroup[]; asOf: string; asOfSource: AsOfSource; onSelect: (t: TaskLine) => void }) {
  const s = useStyles();
  // Red open first; green stays closed (nothing to act on).
  const [open, setOpen] = useState<Light | null>(() => props.lights.find((g) => g.light !== '绿' && g.count)?.light ?? null);
  const shown = props.lights.find((g) => g.light === open);
  return (
    <div data-testid="lights">
      <Text size={200} block style={{ marginTop: 8, color: tokens.colorNeutralForeground3 }} data-testid="as-of-used" data-as-of={props.asOf} data-source={props.asOfSource}>
        截至 {props.asOf}({SOURCE[props.asOfSource]})的红黄绿灯
      </Text>
      <div className={s.row}>
        {props.lights.map((g) => (
          <button
            key={g.light}
            className={s.chip}
            style={{ background: LIGHT_FILL[g.light], color: LIGHT_FONT[g.light], outline: open === g.light ? `2px solid ${LIGHT_FONT[g.light]}` : undefined }}
            onClick={() => setOpen(open === g.light ? null : g.light)}
            aria-expanded={open === g.light}
            data-testid="light-count"
            data-light={g.light}
          >
            {g.light}灯 {g.count}
          </button>
        ))}
      </div>
      {shown && (
        <ul className={s.list} data-testid="light-tasks" data-light={shown.light}>
          {shown.tasks.slice(0, SHOWN).map((t) => (
            <li key={t.row}>
              <button className={s.item} onClick={() => props.onSelect(t)} data-testid="light-task" data-row={t.row} data-status={t.status} title="点击选中该任务">
                <span className={s.where}>第{t.row}行 · {t.id}</span>
                <span>{t.title}</span> <Text weight="semibold">{t.status}</Text>
                <span className={s.why}>{t.why}{t.due ? ` · 完成时限 ${t.due}` : ''}</span>
              </button>
            </li>
          ))}
          {shown.tasks.length > SHOWN && <li><Text size={200}>另有 {shown.tasks.length - SHOWN} 项未列出。</Text></li>}
        </ul>
      )}
    </div>
  );
}
