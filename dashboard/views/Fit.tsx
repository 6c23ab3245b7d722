// recharts' ResponsiveContainer learns its width in an effect that runs after
// the first paint, so a chart mounted with its data showed no bars for a frame
// and drew itself a second time. Fit measures its box before the first paint
// (a layout effect) and hands that width to ResponsiveContainer as its
// initial size: the bars are in the first frame the chart is in, and a later
// resize is still followed by ResponsiveContainer's own observer.
import { useLayoutEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

export function Fit(props: { height: number; children: ReactElement }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (ref.current) setWidth(Math.round(ref.current.getBoundingClientRect().width));
  }, []);
  return (
    <div ref={ref} style={{ width: '100%', height: props.height }}>
      {width !== null && (
        <ResponsiveContainer width="100%" height={props.height} initialDimension={{ width, height: props.height }}>
          {props.children}
        </ResponsiveContainer>
      )}
    </div>
  );
}
