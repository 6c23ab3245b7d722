// Entry of the real task pane inside Excel: wait for Office, then render the
// pane over the Office.js gateway.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ExcelGateway } from '../excel/gateway';
import { browserDownload } from './host';
import { bundledJurisdictions } from '../../shared/owners';

Office.onReady(() => {
  const el = document.getElementById('root');
  if (!el) return;
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
