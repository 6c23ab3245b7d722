// Entry of the real task pane inside Excel: wait for Office, then render the
// pane over the Office.js gateway. Opened in a plain browser, it says where
// to go instead (the demo page) rather than failing on the first click.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ExcelGateway } from '../excel/gateway';
import { browserDownload } from './host';
import { bundledJurisdictions } from '../../shared/owners';

Office.onReady((info) => {
  const el = document.getElementById('root');
  if (!el) return;
  if (info.host !== Office.HostType.Excel) {
    el.textContent = '此页面是科素台账的 Excel 任务窗格，需要在 Excel 中打开。没有 Excel 时，请打开同一地址下的 demo.html 演示页。';
    el.setAttribute('style', 'padding:16px;font:14px sans-serif;');
    return;
  }
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    el.textContent = '当前 Excel 版本过旧：科素台账需要 ExcelApi 1.9 或更高版本（Excel 2019、Excel 2021、Microsoft 365 或 Excel 网页版）。';
    el.setAttribute('style', 'padding:16px;font:14px sans-serif;');
    return;
  }
  const gateway = new ExcelGateway();
  createRoot(el).render(
    <App
      host={{
        gateway,
        label: 'Excel',
        jurisdictions: bundledJurisdictions(),
        download: (bytes, name) => browserDownload(bytes, name),
      }}
    />,
  );
});
