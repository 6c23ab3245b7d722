import { useState } from 'react';
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { runExport } from '../../commands/export';
import { ADDIN_MESSAGES } from '../../messages';
import type { PaneHost, PanelProps } from '../host';

export interface ExportPanelProps extends PanelProps {
  download: PaneHost['download'];
}

export function ExportPanel({ gateway, runner, asOf, jurisdiction, cache, download }: ExportPanelProps) {
  const [period, setPeriod] = useState('');
  const [last, setLast] = useState<{ name: string; url: string | null } | null>(null);
  const go = () =>
    runner.run('正在导出标准台账', async () => {
      const r = await runExport(gateway, { asOf, jurisdiction, cache, period: period.trim() || undefined });
      if (!r.ok) return r;
      const handed = await download(r.value.bytes, r.value.fileName);
      return { ok: true as const, value: { ...r.value, url: handed.kind === 'link' ? handed.url : null } };
    }, (r) => {
      setLast((old) => {
        if (old?.url) URL.revokeObjectURL(old.url);
        return { name: r.fileName, url: r.url };
      });
      return r.url === null ? ADDIN_MESSAGES.exportOpened({ file: r.fileName, tasks: r.tasks }) : ADDIN_MESSAGES.exportSaved({ file: r.fileName, tasks: r.tasks });
    });
  return (
    <section aria-label="导出" data-testid="panel-export">
      <Text block>导出看板使用的标准台账（任务台账、说明、单位名录三个工作表）。辖区与截至日期取自上方设置。</Text>
      <Field label="报告期（如 2023年上半年，留空则从表头识别）" style={{ marginTop: 8 }}>
        <Input value={period} onChange={(_e, d) => setPeriod(d.value)} data-testid="export-period" />
      </Field>
      <Button appearance="primary" onClick={go} disabled={runner.busy} style={{ marginTop: 8 }} data-testid="run-export">导出标准台账</Button>
      {last && (
        <Text block size={200} style={{ marginTop: 8 }} data-testid="export-file">
          {last.url ? <a href={last.url} download={last.name}>下载「{last.name}」</a> : last.name}
        </Text>
      )}
    </section>
  );
}
