import { useState } from 'react';
import { Button, Text, makeStyles } from '@fluentui/react-components';
import { ENRICH_HEADERS, removeEnrich, runEnrich } from '../../commands/enrich';
import type { PanelProps } from '../host';

const useStyles = makeStyles({ row: { display: 'flex', gap: '8px', flexWrap: 'wrap' }, cols: { marginTop: '8px', display: 'block' } });

export function EnrichPanel({ gateway, runner, asOf, jurisdiction, cache }: PanelProps) {
  const s = useStyles();
  const [range, setRange] = useState<string | null>(null);
  const enrich = () =>
    runner.run('正在补全', () => runEnrich(gateway, { asOf, jurisdiction, cache }), (r) => {
      setRange(r.range);
      return `已在「${r.sheet}」${r.range} 列${r.block.existing ? '更新' : '写入'} ${r.tasks} 项任务的补全列；原有单元格未改动。`;
    });
  const remove = () =>
    runner.run('正在移除补全列', () => removeEnrich(gateway), (r) => {
      setRange(null);
      return `已移除「${r.sheet}」的补全列 ${r.range}。`;
    });
  return (
    <section aria-label="补全" data-testid="panel-enrich">
      <Text block>在台账右侧添加以下列（不覆盖已有列；再次运行会更新同一批列）：</Text>
      <Text className={s.cols} size={200}>{ENRICH_HEADERS.join('、')}</Text>
      <div className={s.row} style={{ marginTop: 8 }}>
        <Button appearance="primary" onClick={enrich} disabled={runner.busy} data-testid="run-enrich">补全当前台账</Button>
        <Button onClick={remove} disabled={runner.busy} data-testid="remove-enrich">移除补全列</Button>
      </div>
      {range && <Text block style={{ marginTop: 8 }} data-testid="enrich-range">补全列位置：{range}</Text>}
    </section>
  );
}
