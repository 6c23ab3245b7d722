// The task pane: five tools over the open workbook, one status line, and the
// two settings every check needs (辖区 for the bundled directory, 截至日期 for
// the status rules). The host comes in as props: Excel or the demo's memory
// workbook, the pane cannot tell.
import { useState } from 'react';
import { Field, FluentProvider, Input, Select, Spinner, Tab, TabList, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { PaneHost } from './host';
import { CheckCache } from '../../shared/checks';
import { ADDIN_MESSAGES } from '../messages';
import { useRunner } from './useRunner';
import { ValidatePanel } from './components/ValidatePanel';
import { EnrichPanel } from './components/EnrichPanel';
import { DirectoryPanel } from './components/DirectoryPanel';
import { GeneratePanel } from './components/GeneratePanel';
import { ExportPanel } from './components/ExportPanel';
import { dateOf, isoDate, todayDate } from '../../shared/merge';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', boxSizing: 'border-box', fontFamily: tokens.fontFamilyBase },
  head: { padding: '10px 12px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  settings: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '8px', marginTop: '6px' },
  body: { flex: 1, minHeight: 0, overflowY: 'auto', padding: '10px 12px' },
  status: { padding: '6px 12px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, display: 'flex', gap: '6px', alignItems: 'center', minHeight: '28px', fontSize: tokens.fontSizeBase200 },
  details: { display: 'block', marginTop: '2px', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, wordBreak: 'break-all' },
});

const STATUS_COLOR = {
  idle: tokens.colorNeutralForeground3,
  busy: tokens.colorNeutralForeground2,
  success: tokens.colorPaletteGreenForeground1,
  warning: tokens.colorPaletteDarkOrangeForeground1,
  error: tokens.colorPaletteRedForeground1,
};

type TabKey = 'validate' | 'enrich' | 'directory' | 'generate' | 'export';
const TABS: [TabKey, string][] = [
  ['validate', '校验'],
  ['enrich', '补全'],
  ['directory', '单位名录'],
  ['generate', '生成台账'],
  ['export', '导出'],
];

export function App({ host, initialAsOf }: { host: PaneHost; initialAsOf?: Date }) {
  const s = useStyles();
  const runner = useRunner(host.gateway, host.busyHint);
  // One for the pane's life: a click reuses the directory and readings of the last.
  const [cache] = useState(() => new CheckCache());
  const [tab, setTab] = useState<TabKey>('validate');
  // Empty by default: each ledger is judged as of its own 截至日期 (its title
  // rows or 说明 sheet), today when it states none; a date picked here wins.
  const [asOfText, setAsOfText] = useState(initialAsOf ? isoDate(initialAsOf) : '');
  const [jurisdiction, setJurisdiction] = useState('');
  // The checks count UTC calendar days (shared/merge/combine.ts): the date picked is that day at 00:00 UTC.
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(asOfText) ? dateOf(asOfText) : null;
  const asOf = asOfText ? parsed ?? todayDate() : undefined;
  const common = { gateway: host.gateway, runner, asOf, jurisdiction, cache };

  return (
    <FluentProvider theme={webLightTheme} className={s.root} lang="zh-CN">
      <header className={s.head}>
        <Text weight="semibold" size={400}>科素台账</Text> <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>{host.label}</Text>
        <div className={s.settings}>
          <Field label="截至日期" size="small" hint={asOfText ? undefined : '留空:取台账标题中的截至日期'} validationMessage={!asOfText || parsed ? undefined : ADDIN_MESSAGES.badDate()}>
            <Input type="date" size="small" value={asOfText} onChange={(_e, d) => setAsOfText(d.value)} data-testid="as-of" />
          </Field>
          <Field label="辖区（单位名录）" size="small">
            <Select size="small" value={jurisdiction} onChange={(_e, d) => setJurisdiction(d.value)} data-testid="jurisdiction">
              <option value="">按台账识别</option>
              {host.jurisdictions.map((j) => <option key={j} value={j}>{j}</option>)}
            </Select>
          </Field>
        </div>
        <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as TabKey)} size="small" style={{ marginTop: 6 }}>
          {TABS.map(([k, label]) => <Tab key={k} value={k} data-testid={`tab-${k}`}>{label}</Tab>)}
        </TabList>
      </header>
      <main className={s.body}>
        <div hidden={tab !== 'validate'}><ValidatePanel {...common} /></div>
        <div hidden={tab !== 'enrich'}><EnrichPanel {...common} /></div>
        <div hidden={tab !== 'directory'}><DirectoryPanel {...common} /></div>
        <div hidden={tab !== 'generate'}><GeneratePanel gateway={host.gateway} runner={runner} /></div>
        <div hidden={tab !== 'export'}><ExportPanel {...common} download={host.download} /></div>
      </main>
      <footer className={s.status} role="status" aria-live="polite" data-testid="status" data-kind={runner.status.kind} style={{ color: STATUS_COLOR[runner.status.kind] }}>
        {runner.busy && <Spinner size="extra-tiny" />}
        <span>
          {runner.status.text}
          {runner.status.details && <span className={s.details} data-testid="status-details">{runner.status.details}</span>}
        </span>
      </footer>
    </FluentProvider>
  );
}
