// Loaded files and refused ones (with the reader's reason), the file picker and
// the drop zone. Files are read in the page; nothing is uploaded.
import { memo, useRef, useState } from 'react';
import type { LoadedFile } from '../load';
import { taskCount } from '../load/store';
import { formatCount } from '../../shared/aggregate';

export const FilesPanel = memo(function FilesPanel(props: { files: LoadedFile[]; busy: string | null; onFiles: (files: File[]) => void; onRemoveLocal: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const ok = props.files.filter((f) => f.report.status === 'ok');
  const refused = props.files.filter((f) => f.report.status === 'refused');
  return (
    <section
      className={'dropzone' + (over ? ' over' : '')}
      data-testid="dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const files = [...e.dataTransfer.files];
        if (files.length) props.onFiles(files);
      }}
    >
      <div className="toolbar">
        <span>把 .xlsx 台账拖到这里，或</span>
        <button className="primary" onClick={() => input.current?.click()}>
          选择文件…
        </button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xls,.et,.csv"
          multiple
          hidden
          data-testid="file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) props.onFiles(files);
          }}
        />
        <span className="hint">文件只在本机浏览器中读取，不会上传。</span>
        {props.files.some((f) => f.origin === 'local') && <button onClick={props.onRemoveLocal}>移除拖入的文件</button>}
        {props.busy && <span className="progress" data-testid="busy">{props.busy}</span>}
      </div>
      <div className="hint" data-testid="file-summary">
        已加载 {ok.length} 个文件（{formatCount(ok.reduce((n, f) => n + taskCount(f), 0))} 项任务）{refused.length ? `，${refused.length} 个无法读取` : ''}
      </div>
      {props.files.length > 0 && (
        <ul className="files" data-testid="files">
          {refused.map((f) => (
            <li key={f.report.file} className="refused" data-file={f.report.file} data-status="refused">
              <span className="name">✗ {f.report.file}</span>
              <span data-reason>{f.report.reason}</span>
            </li>
          ))}
          {props.files.length <= 60 &&
            ok.map((f) => (
              <li key={f.report.file} data-file={f.report.file} data-status="ok">
                <span className="name">✓ {f.report.file}</span>
                <span>
                  {[f.report.meta.jurisdiction, f.report.meta.period].filter(Boolean).join(' · ')} · {taskCount(f)} 项任务
                  {f.report.note ? ` · ${f.report.note}` : ''}
                </span>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
});
