// What the pane gets from its host, as props: the workbook gateway and a way
// to hand the user a file. Components never import Office.js.
import type { WorkbookGateway } from '../gateway';
import type { Runner } from './useRunner';

export interface PaneHost {
  gateway: WorkbookGateway;
  /**
   * Offer bytes to the user as a file. Returns a URL the pane also shows as a
   * link, for hosts (some Excel desktop web views) that ignore a scripted download.
   */
  download(bytes: Uint8Array, fileName: string): Promise<string | void> | string | void;
  /** Shown in the header: 演示 (in-memory workbook) or Excel. */
  label: string;
  /** Jurisdictions the bundled directory knows (for the picker). */
  jurisdictions: string[];
}

/** What every ledger panel (校验, 补全, 单位名录, 导出) gets from the pane: the 截至日期 and 辖区 chosen in its header. */
export interface PanelProps {
  gateway: WorkbookGateway;
  runner: Runner;
  /** The date picked; undefined: each ledger's own 截至日期 (else today). */
  asOf?: Date;
  /** '' = 按台账识别 (the ledger's own title rows decide). */
  jurisdiction: string;
}

/** A blob download; works in browsers and in Excel's web view where downloads are allowed. */
export function browserDownload(bytes: Uint8Array, fileName: string): string {
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
  return url;
}
