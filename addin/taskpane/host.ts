// What the pane gets from its host, as props: the workbook gateway and a way
// to hand the user a file. Components never import Office.js.
import type { WorkbookGateway } from '../gateway';
import type { Runner } from './useRunner';
import type { CheckCache } from '../../shared/checks';

/** How an exported file reached the user: a download (and a link to it), or opened in a new Excel window. */
export type Handed = { kind: 'link'; url: string } | { kind: 'opened' };

export interface PaneHost {
  gateway: WorkbookGateway;
  /** Offer bytes to the user as a file. */
  download(bytes: Uint8Array, fileName: string): Promise<Handed> | Handed;
  /** Shown in the header: 演示 (in-memory workbook) or Excel. */
  label: string;
  /** Jurisdictions the bundled directory knows (for the picker). */
  jurisdictions: string[];
  /** Added to the status line when a command runs long (Excel holds commands while a cell is being edited). */
  busyHint?: string;
}

/** What every ledger panel (校验, 补全, 单位名录, 导出) gets from the pane: the 截至日期 and 辖区 chosen in its header. */
export interface PanelProps {
  gateway: WorkbookGateway;
  runner: Runner;
  /** The date picked; undefined: each ledger's own 截至日期 (else today). */
  asOf?: Date;
  /** '' = 按台账识别 (the ledger's own title rows decide). */
  jurisdiction: string;
  /** The pane's readings and directories, kept for its life (RunOptions.cache). */
  cache: CheckCache;
}

/** A blob download; works in browsers and in Excel's web view where downloads are allowed. */
export function browserDownload(bytes: Uint8Array, fileName: string): Handed {
  const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The URL stays valid for the link the pane shows; the pane revokes it on the next export.
  return { kind: 'link', url };
}

/**
 * How the Excel pane hands a file over. Excel for Mac (and iPad) runs the pane
 * in a WKWebView that ignores scripted and blob downloads, so there the file
 * opens as a new workbook (Excel.createWorkbook, ExcelApi 1.8) and the user
 * saves it; everywhere else it downloads, with a link as a second way.
 */
export async function handOver(
  platform: string,
  bytes: Uint8Array,
  fileName: string,
  ways: { open: (bytes: Uint8Array) => Promise<void>; download: (bytes: Uint8Array, fileName: string) => Handed },
): Promise<Handed> {
  if (platform === 'mac' || platform === 'ios') {
    await ways.open(bytes);
    return { kind: 'opened' };
  }
  return ways.download(bytes, fileName);
}
