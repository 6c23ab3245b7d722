// Entry of the real task pane inside Excel: wait for Office, then render the
// pane over the Office.js gateway. Opened in a plain browser, it says where
// to go instead (the demo page) rather than failing on the first click.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ExcelGateway, excelApiSupported, officePlatform, openAsNewWorkbook } from '../excel/gateway';
import { browserDownload, handOver } from './host';
import { ADDIN_MESSAGES } from '../messages';
import { bundledJurisdictions } from '../../shared/owners';

function say(el: HTMLElement, text: string): void {
  el.textContent = text;
  el.setAttribute('style', 'padding:16px;font:14px sans-serif;');
}

Office.onReady((info) => {
  const el = document.getElementById('root');
  if (!el) return;
  if (info.host !== Office.HostType.Excel) return say(el, ADDIN_MESSAGES.notInExcel());
  if (!excelApiSupported('1.9')) return say(el, ADDIN_MESSAGES.oldExcel());
  const gateway = new ExcelGateway();
  const platform = officePlatform();
  createRoot(el).render(
    <App
      host={{
        gateway,
        label: 'Excel',
        jurisdictions: bundledJurisdictions(),
        busyHint: ADDIN_MESSAGES.editModeHint(),
        download: (bytes, name) => handOver(platform, bytes, name, { open: openAsNewWorkbook, download: browserDownload }),
      }}
    />,
  );
});
