/**
 * One ECharts chart in React: created on mount, updated with its option, resized with its box, disposed on
 * unmount, with a "save as PNG" button below it. Only the chart types and components drawn are
 * imported (echarts/core); the commune tiles' heatmap and the map load with the first chart that draws them.
 * The staff dashboard and the public portal both draw with it, so it uses no component library.
 */
import { createContext, useContext, useEffect, useRef, useState, type CSSProperties } from 'react';
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

/**
 * What a saved PNG says about itself beyond the chart's own title: where its figures are from (the alliance or
 * the whole country, the filters) and the year, and the end of its file name ("-bac-ninh-2026"). A dashboard
 * provides it around its charts; without it a PNG carries the chart's title alone.
 */
export type ChartScope = { subtitle: string; fileSuffix: string };
export const ChartScopeContext = createContext<ChartScope | null>(null);

const PIXEL_RATIO = 2;
const FONT = 'Roboto, "Segoe UI", Arial, sans-serif';

/** Splits a text into lines no wider than `width` on the canvas (by words). */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && context.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

/** The chart's picture under a band with its title and scope (a downloaded PNG is read away from the page). */
async function withCaption(chartPng: string, title: string, subtitle: string): Promise<string> {
  const image = new Image();
  image.src = chartPng;
  await image.decode();
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return chartPng;
  const pad = 12 * PIXEL_RATIO;
  const titleSize = 16 * PIXEL_RATIO;
  const lineHeight = 18 * PIXEL_RATIO;
  context.font = `bold ${titleSize}px ${FONT}`;
  const titleLines = wrap(context, title, image.width - 2 * pad);
  context.font = `${13 * PIXEL_RATIO}px ${FONT}`;
  const subtitleLines = subtitle ? wrap(context, subtitle, image.width - 2 * pad) : [];
  const band = pad + titleLines.length * (titleSize + 4 * PIXEL_RATIO) + subtitleLines.length * lineHeight + pad;
  canvas.width = image.width;
  canvas.height = image.height + band;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.textBaseline = 'top';
  context.fillStyle = '#1f1f1f';
  context.font = `bold ${titleSize}px ${FONT}`;
  let y = pad;
  for (const line of titleLines) {
    context.fillText(line, pad, y);
    y += titleSize + 4 * PIXEL_RATIO;
  }
  context.fillStyle = '#4a4a4a';
  context.font = `${13 * PIXEL_RATIO}px ${FONT}`;
  for (const line of subtitleLines) {
    context.fillText(line, pad, y);
    y += lineHeight;
  }
  context.drawImage(image, 0, band);
  return canvas.toDataURL('image/png');
}

/** Saves what the chart shows, under its title and scope, as `${fileName}.png` (twice the screen's pixels, white background). */
async function savePng(chart: echarts.EChartsType, fileName: string, title: string, scope: ChartScope | null): Promise<void> {
  const png = chart.getDataURL({ type: 'png', pixelRatio: PIXEL_RATIO, backgroundColor: '#fff' });
  const link = document.createElement('a');
  link.href = await withCaption(png, title, scope?.subtitle ?? '');
  link.download = `${fileName}${scope?.fileSuffix ?? ''}.png`;
  link.click();
}

/** The chart; `fileName` names the PNG the button saves, `ariaLabel` is its title (on the page and in the PNG). */
export function EChart({ option, height = 320, fileName, ariaLabel, saveLabel, map }: Props) {
  const scope = useContext(ChartScopeContext);
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
        <button type="button" style={SAVE_STYLE} onClick={() => chart.current && void savePng(chart.current.instance, fileName, ariaLabel, scope)}>
          {saveLabel}
        </button>
      </div>
    </div>
  );
}
