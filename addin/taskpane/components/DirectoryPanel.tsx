import { useState } from 'react';
import { Badge, Button, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { acceptSuggestions, addOwnerLists, fieldLabel, loadSuggestions, openDirectory, type OwnerSuggestion } from '../../commands/directory';
import { cellA1 } from '../../a1';
import type { PanelProps } from '../host';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  pickRow: { display: 'flex', gap: '8px', alignItems: 'center' },
  card: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: '6px 0', display: 'grid', gap: '4px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function DirectoryPanel({ gateway, runner, asOf, jurisdiction, cache }: PanelProps) {
  const s = useStyles();
  const [items, setItems] = useState<OwnerSuggestion[] | null>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});

  const open = () =>
    runner.run('正在打开单位名录', () => openDirectory(gateway, jurisdiction), (r) =>
      r.created ? `已创建「单位名录」工作表，含 ${r.units} 个单位${jurisdiction ? `（${jurisdiction}）` : ''}，可直接编辑。` : `已打开「单位名录」工作表（${r.units} 行）。`,
    );
  const lists = () =>
    runner.run('正在添加下拉列表', () => addOwnerLists(gateway, { asOf, jurisdiction, cache }), (r) => `已为「${r.columns.join('」「')}」列添加单位下拉列表（仍可输入多个单位）。`);
  const load = () =>
    runner.run('正在查找未识别的单位', () => loadSuggestions(gateway, { asOf, jurisdiction, cache }), (r) => {
      setItems(r);
      setChoice({});
      return r.length ? `发现 ${r.length} 个未识别的单位名称，请选择建议。` : '所有单位名称均已识别。';
    });
  const pick = (it: OwnerSuggestion) => choice[it.id] ?? it.suggestions[0]?.name ?? '';
  const accept = (list: OwnerSuggestion[]) =>
    runner.run('正在替换单位名称', () => acceptSuggestions(gateway, list.map((it) => ({ suggestion: it, name: pick(it) }))), (r) => {
      const done = new Set(list.map((it) => it.id));
      // Cells written are no longer as read: drop their other suggestions too; the user reruns to see them.
      const cells = new Set(list.map((it) => `${it.row},${it.col}`));
      setItems((cur) => (cur ?? []).filter((it) => !done.has(it.id) && !cells.has(`${it.row},${it.col}`)));
      const warn = r.report.warnings.join('');
      return { text: `已替换 ${r.cells} 个单元格中的单位名称，原值记在各单元格的备注（或批注）中。${warn}`, warning: !!warn };
    });

  return (
    <section aria-label="单位名录" data-testid="panel-directory">
      <div className={s.row}>
        <Button appearance="primary" onClick={open} disabled={runner.busy} data-testid="open-directory">创建/打开单位名录</Button>
        <Button onClick={lists} disabled={runner.busy} data-testid="add-lists">添加下拉列表</Button>
        <Button onClick={load} disabled={runner.busy} data-testid="load-suggestions">查找未识别单位</Button>
      </div>
      {items && items.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <div className={s.row}>
            <Text weight="semibold">未识别的单位 <Badge appearance="outline">{items.length}</Badge></Text>
            <Button size="small" onClick={() => accept(items)} disabled={runner.busy} data-testid="accept-all">全部接受</Button>
          </div>
          {items.map((it) => (
            <div key={it.id} className={s.card} data-testid="suggestion" data-cell={cellA1(it.row, it.col)}>
              <Text size={200} className={s.muted}>{cellA1(it.row, it.col)} · {fieldLabel(it.field)}</Text>
              <Text>「{it.input}」→ 建议改为：</Text>
              <div className={s.pickRow}>
                <Select size="small" style={{ flex: 1, minWidth: 0 }} value={pick(it)} onChange={(_e, d) => setChoice((c) => ({ ...c, [it.id]: d.value }))} aria-label={`「${it.input}」的建议`}>
                  {it.suggestions.map((sg) => (
                    <option key={sg.name} value={sg.name}>{sg.name}（{Math.round(sg.score * 100)}%）</option>
                  ))}
                </Select>
                <Button size="small" onClick={() => accept([it])} disabled={runner.busy} data-testid="accept-one">接受</Button>
              </div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
