// The offline snapshot's page (dist/snapshot.js, inlined into the exported
// .html by html.ts): reads the figures from the page itself and draws the
// same charts as the dashboard. No loader, no workers, no lazy chunks: the
// file must open from disk with nothing else.
import css from '../styles.css';
import { createRoot } from 'react-dom/client';
import { SNAPSHOT_DATA_ID } from './html';
import type { SnapshotData } from './html';
import { SnapshotApp } from './SnapshotApp';

const style = document.createElement('style');
style.textContent = css;
document.head.appendChild(style);

const data = JSON.parse(document.getElementById(SNAPSHOT_DATA_ID)!.textContent!) as SnapshotData;
createRoot(document.getElementById('root')!).render(<SnapshotApp data={data} />);
