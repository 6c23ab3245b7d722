import { useRef, useState } from 'react';
import { Button, Field, Textarea, Text, makeStyles } from '@fluentui/react-components';
import type { WorkbookGateway } from '../../gateway';
import { planTextFromFile, runGenerate } from '../../commands/generate';
import type { Runner } from '../useRunner';

const useStyles = makeStyles({ row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center', marginTop: '8px' } });

export interface GeneratePanelProps {
  gateway: WorkbookGateway;
  runner: Runner;
}

export function GeneratePanel({ gateway, runner }: GeneratePanelProps) {
  const s = useStyles();
  const [text, setText] = useState('');
  const [file, setFile] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);

  const choose = async (f: File | undefined) => {
    if (!f) return;
    await runner.run(`正在读取「${f.name}」`, async () => planTextFromFile(f.name, new Uint8Array(await f.arrayBuffer())), (t) => {
      setText(t);
      setFile(f.name);
      return `已读取「${f.name}」，共 ${t.length} 字。点击「生成台账」继续。`;
    });
    if (input.current) input.current.value = '';
  };
  const generate = () =>
    runner.run('正在生成台账', () => runGenerate(gateway, text, file), (r) => `已生成工作表「${r.sheet}」，共 ${r.tasks} 项任务${r.findings.length ? `；${r.findings.length} 条提示` : ''}。`);

  return (
    <section aria-label="生成台账" data-testid="panel-generate">
      <Field label="方案文本（实施方案、工作要点）">
        <Textarea value={text} onChange={(_e, d) => { setText(d.value); setFile(undefined); }} rows={8} resize="vertical" placeholder="在此粘贴方案全文，或选择 .docx / .txt 文件" data-testid="plan-text" />
      </Field>
      <div className={s.row}>
        <input ref={input} type="file" accept=".docx,.txt,.md,.html,.htm" hidden onChange={(e) => choose(e.target.files?.[0])} data-testid="plan-file" />
        <Button onClick={() => input.current?.click()} disabled={runner.busy}>选择文件…</Button>
        <Button appearance="primary" onClick={generate} disabled={runner.busy || !text.trim()} data-testid="run-generate">生成台账</Button>
        {file && <Text size={200}>来自：{file}</Text>}
      </div>
    </section>
  );
}
