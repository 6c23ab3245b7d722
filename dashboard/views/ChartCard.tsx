// A titled card around one chart, with 导出图片 (PNG). data-chart / data-values
// expose what the chart was given (an aggregate), for tests and for screen
// readers' sake the same figures appear as text in the chart's labels.
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { chartsToPng, download, exportFailed, legendOf } from './exportPng';

export function ChartCard(props: { id: string; title: string; hint?: string; values: unknown; wide?: boolean; children: ReactNode; extra?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  async function exportPng() {
    // The charts themselves, not the legend icons (also svg.recharts-surface).
    const svgs = [...(ref.current?.querySelectorAll('.recharts-wrapper > svg.recharts-surface') ?? [])] as SVGSVGElement[];
    if (!svgs.length || !ref.current) return;
    setBusy(true);
    setFailed(null);
    try {
      const blob = await chartsToPng(svgs, props.title, legendOf(ref.current));
      if (blob) download(blob, `${props.title}.png`);
      else setFailed(exportFailed('图片', '浏览器没能画出图片'));
    } catch (e) {
      setFailed(exportFailed('图片', e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className={'card' + (props.wide ? ' wide' : '')} data-chart={props.id} data-values={JSON.stringify(props.values)} aria-label={props.title}>
      <div className="head">
        <h2>{props.title}</h2>
        {props.hint && <span className="hint">{props.hint}</span>}
        <span className="spacer" />
        {props.extra}
        {failed && (
          <span className="failed" role="alert">
            {failed}
          </span>
        )}
        <button onClick={exportPng} disabled={busy} data-export-png={props.id} title="把图表保存为 PNG 图片">
          导出图片
        </button>
      </div>
      <div ref={ref}>{props.children}</div>
    </section>
  );
}
