/**
 * One ECharts chart in React: created on mount, updated with its option, resized with its box, disposed on
 * unmount, with a "save as PNG" button below it. Only the chart types and components drawn are
 * imported (echarts/core); the commune tiles' heatmap and the map load with the first chart that draws them.
 * The staff dashboard and the public portal both draw with it, so it uses no component library.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const registered = new Set<string>();

/**
 * Registers the chart types an option draws beyond bars, lines and pies; answers how many such parts are
 * registered, since a chart instance keeps the processors registered before its creation: an instance made
 * before a part was registered cannot draw it and is made again.
 */
async function loadParts(option: ChartOption): Promise<number> {
  const base = (option.baseOption ?? option) as ChartOption;
  const types = new Set([base.series].flat().map((series) => (series as { type?: string } | undefined)?.type));
  if (types.has('heatmap')) await import('./echartsTiles.ts').then(() => registered.add('heatmap'));
  if (types.has('map')) await import('./echartsMap.ts').then(() => registered.add('map'));
  return registered.size;
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
  const chart = useRef<{ instance: echarts.EChartsType; parts: number } | null>(null);
  // The map drawn (its parts load first): shown as data-map once it is on the canvas.
  const [drawnMap, setDrawnMap] = useState<string>();

  useEffect(() => {
    const observer = new ResizeObserver(() => chart.current?.instance.resize());
    if (box.current) observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.current?.instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    let current = true;
    void loadParts(option).then((parts) => {
      if (!current || !box.current) return;
      if (!chart.current || chart.current.parts < parts) {
        chart.current?.instance.dispose();
        chart.current = { instance: echarts.init(box.current, undefined, { renderer: 'canvas' }), parts };
      }
      if (map) echarts.registerMap(map.name, map.geoJson);
      chart.current.instance.setOption(option, { notMerge: true });
      setDrawnMap(map?.name);
    });
    return () => {
      current = false;
    };
  }, [option, map]);

  return (
    <div>
      <div ref={box} role="img" aria-label={ariaLabel} data-map={drawnMap} style={{ width: '100%', height }} />
      <div style={{ textAlign: 'right' }}>
        <button type="button" style={SAVE_STYLE} onClick={() => chart.current && savePng(chart.current.instance, fileName)}>
          {saveLabel}
        </button>
      </div>
    </div>
  );
}
