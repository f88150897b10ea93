/**
 * One ECharts chart in React: created on mount, updated with its option, resized with its box, disposed on
 * unmount. Every chart gets the toolbox's "save as PNG" button.
 */
import { useEffect, useRef } from 'react';
import { BarChart, HeatmapChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, ToolboxComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, LineChart, MapChart, PieChart, GeoComponent, GridComponent, LegendComponent, ToolboxComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** A GeoJSON map the option's map series draws, registered under its name before the option is set. */
export type ChartMap = { name: string; geoJson: Parameters<typeof echarts.registerMap>[1] };

type Props = { option: ChartOption; height?: number; fileName: string; ariaLabel: string; map?: ChartMap };

/** The chart; `fileName` names the PNG the toolbox saves. */
export function EChart({ option, height = 320, fileName, ariaLabel, map }: Props) {
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
    if (map) echarts.registerMap(map.name, map.geoJson);
    chart.current?.setOption(
      {
        toolbox: { top: 0, right: 0, feature: { saveAsImage: { title: 'Lưu ảnh PNG', name: fileName, pixelRatio: 2, backgroundColor: '#fff' } } },
        ...option,
      },
      { notMerge: true },
    );
  }, [option, fileName, map]);

  return <div ref={box} role="img" aria-label={ariaLabel} data-map={map ? map.name : undefined} style={{ width: '100%', height }} />;
}
