// The demo page: the real task pane beside a simple grid over an in-memory
// workbook that starts with a sample ledger (seed 000 as officials lay it
// out). Open any .xlsx to try your own; nothing leaves the browser.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App';
import { browserDownload } from '../taskpane/host';
import { MemoryGateway, MemoryWorkbook } from '../memory/gateway';
import { Grid } from './Grid';
import { SAMPLE_FILE, SAMPLE_GRIDS } from './sample';
import { bundledJurisdictions } from '../../shared/owners';
import { readWorkbook } from '../../shared/io';
import type { SheetGrid } from '../../shared/model';
import { ADDIN_MESSAGES } from '../messages';

interface DemoApi {
  workbook: MemoryWorkbook;
  gateway: MemoryGateway;
  load(grids: SheetGrid[], file?: string): void;
  lastDownload: { fileName: string; bytes: Uint8Array } | null;
}

declare global {
  interface Window {
    __kesuDemo?: DemoApi;
  }
}

function Demo() {
  const [state, setState] = useState(() => fresh(SAMPLE_GRIDS, SAMPLE_FILE));
  const [message, setMessage] = useState('');
  const load = (grids: SheetGrid[], file = '工作簿') => setState(fresh(grids, file));
  const api: DemoApi = (window.__kesuDemo ??= { workbook: state.workbook, gateway: state.gateway, load, lastDownload: null });
  api.workbook = state.workbook;
  api.gateway = state.gateway;
  api.load = load;

  const open = async (f: File | undefined) => {
    if (!f) return;
    const r = await readWorkbook(new Uint8Array(await f.arrayBuffer()), f.name);
    if (!r.ok) return setMessage(r.problem.message);
    setMessage('');
    load(r.sheets, f.name);
  };

  return (
    <div className="demo">
      <div className="bar">
        <strong>科素台账 · 加载项演示</strong>
        <span>{state.file}</span>
        <label>打开 .xlsx…<input type="file" accept=".xlsx" hidden onChange={(e) => open(e.target.files?.[0])} data-testid="demo-open" /></label>
        <button onClick={() => load(SAMPLE_GRIDS, SAMPLE_FILE)}>恢复示例</button>
        {message && <span role="alert">{message}</span>}
        <span className="hint">内存中的工作簿，不连接 Excel，数据不离开本机</span>
      </div>
      <Grid key={state.id} workbook={state.workbook} />
      <div className="pane">
        <App
          key={state.id}
          host={{
            gateway: state.gateway,
            label: '演示（内存工作簿）',
            jurisdictions: bundledJurisdictions(),
            // As in Excel: a double-clicked cell holds the commands until Enter (the memory gateway waits like delayForCellEdit).
            busyHint: ADDIN_MESSAGES.editModeHint(),
            download: (bytes, fileName) => {
              api.lastDownload = { fileName, bytes };
              return browserDownload(bytes, fileName);
            },
          }}
        />
      </div>
    </div>
  );
}

let counter = 0;
function fresh(grids: SheetGrid[], file: string) {
  const workbook = MemoryWorkbook.fromGrids(grids);
  return { id: ++counter, file, workbook, gateway: new MemoryGateway(workbook) };
}

createRoot(document.getElementById('root')!).render(<Demo />);
