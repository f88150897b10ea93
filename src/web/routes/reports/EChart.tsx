/**
 * One ECharts chart in React: created on mount, updated with its option, resized with its box, disposed on
 * unmount, with a "save as PNG" button below it. Only the chart types and components drawn are
 * imported (echarts/core); the commune tiles' heatmap and the map load with the first chart that draws them.
 * The staff dashboard and the public portal both draw with it, so it uses no component library.
 */
import { useEffect, useRef, type CSSProperties } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The chart types an option draws beyond bars, lines and pies, registered before it is set. */
function loadParts(option: ChartOption): Promise<unknown> {
  const types = new Set([option.series].flat().map((series) => (series as { type?: string } | undefined)?.type));
  return Promise.all([types.has('heatmap') ? import('./echartsTiles.ts') : null, types.has('map') ? import('./echartsMap.ts') : null]);
}

export type ChartOption = echarts.EChartsCoreOption;

/** A GeoJSON map the option's map series draws, registered under its name before the option is set. */
export type ChartMap = { name: string; geoJson: Parameters<typeof echarts.registerMap>[1] };

type Props = { option: ChartOption; height?: number; fileName: string; ariaLabel: string; saveLabel: string; map?: ChartMap };

const SAVE_STYLE: CSSProperties = {
  padding: '0 4px',
  font: 'inherit',
  fontSize: 13,
  lineHeight: '24px',
  color: '#0b7a3e',
  background: 'none',
  border: 'none',
  cursor: 'pointer',
};

/** Saves what the chart shows as `${fileName}.png` (twice the screen's pixels, white background). */
function savePng(chart: echarts.EChartsType, fileName: string): void {
  const link = document.createElement('a');
  link.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  link.download = `${fileName}.png`;
  link.click();
}

/** The chart; `fileName` names the PNG the button saves. */
export function EChart({ option, height = 320, fileName, ariaLabel, saveLabel, map }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    let current = true;
    void loadParts(option).then(() => {
      if (!current) return;
      if (map) echarts.registerMap(map.name, map.geoJson);
      chart.current?.setOption(option, { notMerge: true });
    });
    return () => {
      current = false;
    };
  }, [option, map]);

  return (
    <div>
      <div ref={box} role="img" aria-label={ariaLabel} data-map={map ? map.name : undefined} style={{ width: '100%', height }} />
      <div style={{ textAlign: 'right' }}>
        <button type="button" style={SAVE_STYLE} onClick={() => chart.current && savePng(chart.current, fileName)}>
          {saveLabel}
        </button>
      </div>
    </div>
  );
}
