// 下载通报 / 下载督办单: the documents of the current filter as Word files
// (exportDocuments.ts, loaded on the first click). Holds its own busy and
// failure state so the view only places it.
import { useState } from 'react';
import type { TaskFilter } from '../../shared/aggregate';
import type { MergedTask } from '../load';
import { download, exportFailed } from './exportPng';

export interface DocumentButtonsProps {
  /** Every loaded task (the comparison with the previous period needs it), not only the filtered ones; asked for on a click (a reload's tasks are made when needed). */
  tasks: () => readonly MergedTask[];
  filter: TaskFilter;
  disabled?: boolean;
}

export function DocumentButtons({ tasks, filter, disabled }: DocumentButtonsProps) {
  const [busy, setBusy] = useState<'bulletin' | 'notices' | null>(null);
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);

  async function make(which: 'bulletin' | 'notices') {
    setBusy(which);
    setNote(null);
    try {
      const { bulletinFile, noticesFile } = await import('./exportDocuments');
      const all = tasks();
      const file = which === 'bulletin' ? await bulletinFile(all, filter) : await noticesFile(all, filter);
      if (file) download(file.blob, file.name);
      else setNote({ text: '所选范围内没有需要督办的单位（无红灯、黄灯、逾期或进展未更新的任务）', failed: false });
    } catch (e) {
      setNote({ text: exportFailed(which === 'bulletin' ? '通报' : '督办单', e), failed: true });
    } finally {
      setBusy(null);
    }
  }

  return (
    <span className="documents">
      {note && (
        <span className={note.failed ? 'failed' : 'hint'} role={note.failed ? 'alert' : 'status'} data-documents-note>
          {note.text}
        </span>
      )}
      <button onClick={() => make('bulletin')} disabled={disabled || busy !== null} data-export-bulletin title="当前筛选下的工作进展通报（Word，A4）：总体情况、核心指标、分类推进、红灯清单、与上期比较">
        {busy === 'bulletin' ? '正在生成通报…' : '下载通报'}
      </button>
      <button onClick={() => make('notices')} disabled={disabled || busy !== null} data-export-notices title="当前筛选下每个滞后单位一份督办单（Word）；多份时打包为 .zip">
        {busy === 'notices' ? '正在生成督办单…' : '下载督办单'}
      </button>
    </span>
  );
}
