import { Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { EChartsOption } from './echarts';

/** An ECharts chart; ECharts itself is loaded on first use (its own chunk). */
export function EChart({ option, height = 320, label }: { option: EChartsOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
      chart.setOption(option);
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(ref.current);
      setReady(true);
      dispose = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [option]);
  return (
    <div style={{ position: 'relative', height }}>
      {!ready && <Skeleton active style={{ position: 'absolute', inset: 0 }} />}
      <div ref={ref} role="img" aria-label={label} data-chart={label} style={{ width: '100%', height }} />
    </div>
  );
}
