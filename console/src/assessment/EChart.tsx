// One chart, drawn when ECharts has loaded (lazily). The chart is an image for assistive
// technology (role img with its title); the table beside it carries the same numbers.
import { useEffect, useRef } from 'react';

export type ChartOption = Record<string, unknown>;

export function EChart({ option, label, height = 300 }: { option: ChartOption; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const json = JSON.stringify(option);
  useEffect(() => {
    let disposed = false;
    let chart: { resize: () => void; dispose: () => void } | undefined;
    const resize = () => chart?.resize();
    void import('./echarts.ts').then(({ init }) => {
      if (disposed || !ref.current) return;
      const instance = init(ref.current, undefined, { renderer: 'svg' });
      instance.setOption({ animation: false, ...(JSON.parse(json) as ChartOption) });
      chart = instance;
      ref.current.dataset.rendered = 'true';
    });
    window.addEventListener('resize', resize);
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [json]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} data-testid="chart" />;
}
