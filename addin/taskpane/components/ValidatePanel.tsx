import { useState } from 'react';
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../../shared/model';
import { clearHighlights, runValidate, selectFinding, selectTask, type TaskLine, type ValidateResult } from '../../commands/validate';
import { SEVERITY_LABEL } from '../../../shared/checks';
import type { PanelProps } from '../host';
import { topicOf } from '../labels';
import { LightList } from './LightList';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  group: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '6px', marginTop: '6px' },
  groupHead: { display: 'flex', gap: '6px', alignItems: 'center', cursor: 'pointer', background: 'none', border: 'none', padding: 0, textAlign: 'left', width: '100%', font: 'inherit' },
  list: { listStyle: 'none', margin: '4px 0 0 0', padding: 0 },
  item: {
    display: 'block', width: '100%', textAlign: 'left', border: 'none', background: 'none', padding: '4px 6px', cursor: 'pointer', font: 'inherit', borderRadius: '4px',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  where: { color: tokens.colorNeutralForeground3, marginRight: '6px', fontVariantNumeric: 'tabular-nums' },
  fix: { color: tokens.colorNeutralForeground3, display: 'block', fontSize: tokens.fontSizeBase200 },
});

const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function ValidatePanel({ gateway, runner, asOf, jurisdiction, cache }: PanelProps) {
  const s = useStyles();
  const [result, setResult] = useState<ValidateResult | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());

  const validate = () =>
    runner.run('正在校验', () => runValidate(gateway, { asOf, jurisdiction, cache }), (r) => {
      setResult(r);
      setOpen(new Set(r.groups.slice(0, 3).map((g) => `${g.severity}|${g.code}`)));
      return `已校验「${r.sheet}」${r.tasks} 项任务：错误 ${r.counts.error}，警告 ${r.counts.warning}，提示 ${r.counts.info}；已高亮 ${r.highlighted} 个单元格。`;
    });

  const select = (f: Finding) =>
    runner.run('正在定位', async () => ({ ok: true as const, value: await selectFinding(gateway, f) }), (done) =>
      done ? `已选中 ${f.sheet} 第 ${f.row} 行${f.column ? `「${f.column}」` : ''}。` : '此问题不对应具体单元格。',
    );

  const selectLine = (t: TaskLine) =>
    result &&
    runner.run('正在定位', async () => ({ ok: true as const, value: await selectTask(gateway, result.sheet, t) }), () => `已选中 ${result.sheet} 第 ${t.row} 行(序号 ${t.id})。`);

  const clear = () =>
    result &&
    runner.run('正在清除高亮', async () => ({ ok: true as const, value: await clearHighlights(gateway, result.sheet) }), () => `已清除「${result.sheet}」中的校验高亮。`);

  const toggle = (k: string) => setOpen((o) => { const n = new Set(o); n.has(k) ? n.delete(k) : n.add(k); return n; });

  return (
    <section aria-label="校验" data-testid="panel-validate">
      <div className={s.row}>
        <Button appearance="primary" onClick={validate} disabled={runner.busy} data-testid="run-validate">校验当前工作表</Button>
        <Button onClick={clear} disabled={runner.busy || !result} data-testid="clear-highlights">清除高亮</Button>
      </div>
      {result && (
        <div data-testid="validate-result">
          <div className={s.row} style={{ marginTop: 8 }}>
            <Badge appearance="filled" color="danger" data-testid="count-error">错误 {result.counts.error}</Badge>
            <Badge appearance="filled" color="warning" data-testid="count-warning">警告 {result.counts.warning}</Badge>
            <Badge appearance="filled" color="informative" data-testid="count-info">提示 {result.counts.info}</Badge>
          </div>
          <LightList key={`${result.sheet}|${result.asOf}|${result.tasks}`} lights={result.lights} asOf={result.asOf} asOfSource={result.asOfSource} onSelect={selectLine} />
          {result.groups.length === 0 && <Text block style={{ marginTop: 8 }}>没有发现问题。</Text>}
          {result.groups.map((g) => {
            const k = `${g.severity}|${g.code}`;
            return (
              <div key={k} className={s.group} data-testid="finding-group" data-code={g.code} data-severity={g.severity}>
                <button className={s.groupHead} onClick={() => toggle(k)} aria-expanded={open.has(k)}>
                  <Badge appearance="tint" color={COLOR[g.severity]}>{SEVERITY_LABEL[g.severity]}</Badge>
                  <Text weight="semibold">{topicOf(g.code)}</Text>
                  <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>{g.code}</Text>
                  <Badge appearance="outline" data-testid="group-count">{g.count}</Badge>
                </button>
                {open.has(k) && (
                  <ul className={s.list}>
                    {g.findings.slice(0, 200).map((f, i) => (
                      <li key={i}>
                        <button className={s.item} onClick={() => select(f)} data-testid="finding" data-row={f.row ?? ''} data-col={f.col ?? ''} title="点击选中该单元格">
                          <span className={s.where}>{f.row != null ? `第${f.row}行` : '整表'}{f.column ? ` · ${f.column}` : ''}</span>
                          <span>{f.message}</span>
                          {f.fix && <span className={s.fix}>建议：{f.fix}</span>}
                        </button>
                      </li>
                    ))}
                    {g.findings.length > 200 && <li><Text size={200}>另有 {g.findings.length - 200} 条未列出。</Text></li>}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
