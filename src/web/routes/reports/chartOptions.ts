/**
 * The ECharts options of the dashboard, built from the API's answer. Numbers in tooltips and labels are
 * written the Vietnamese way (1.116; 65,50%).
 */
import { formatCount, formatPercent } from '../../../shared/format.ts';
import { sortByVietnamese } from '../../../shared/vietnamese-order.ts';
import { searchKey, stripUnitPrefix } from '../../../shared/vietnamese-text.ts';
import type { ChartOption } from './EChart.tsx';
import type { useLabels } from '../../i18n/index.tsx';
import type { Dashboard } from './reportsApi.ts';
import type { useReportTexts } from './texts.ts';

const GREEN = ['#0b7a3e', '#f2a007', '#1f6fb2', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d', '#d35400', '#2c3e50', '#27ae60'];
type Share = { name: string; count: number; percent: number };

/** ECharts puts a tooltip formatter's string into the page as HTML: names from the data go in escaped. */
const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Below this width (a phone), labels go where they fit: percentages inside the slices and in the legend, axes
// without their value labels (each bar carries its own), long category names cut short (the tooltip has them).
const NARROW = { maxWidth: 480 };

/** A doughnut of shares (sector groups, statuses, kinds), zero slices left out. */
export function sharesOption(shares: Share[], title: string): ChartOption {
  const shown = shares.filter((s) => s.count > 0);
  const percents = new Map(shown.map((s) => [s.name, formatPercent(s.percent)]));
  return {
    baseOption: {
      color: GREEN,
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; data: Share }) => `${html(p.name)}: ${formatCount(p.value)} (${formatPercent(p.data.percent)})` },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          name: title,
          type: 'pie',
          radius: ['38%', '66%'],
          center: ['50%', '45%'],
          label: { formatter: (p: { data: Share }) => formatPercent(p.data.percent), overflow: 'none' },
          data: shown.map((s) => ({ ...s, value: s.count })),
        },
      ],
    },
    media: [
      {
        query: NARROW,
        option: {
          legend: { type: 'plain', bottom: 0, left: 0, right: 0, formatter: (name: string) => `${name} ${percents.get(name) ?? ''}` },
          series: [{ radius: ['30%', '58%'], center: ['50%', '36%'], label: { position: 'inside', color: '#fff', formatter: (p: { data: Share }) => (p.data.percent >= 8 ? formatPercent(p.data.percent) : '') } }],
        },
      },
    ],
  };
}

/** Horizontal bars, longest first (sectors, areas). */
export function barsOption(items: { name: string; count: number }[], seriesName: string): ChartOption {
  const sorted = [...items].sort((a, b) => a.count - b.count);
  return {
    baseOption: {
      color: GREEN,
      grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatCount(v) },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCount(v) } },
      yAxis: { type: 'category', data: sorted.map((i) => i.name) },
      series: [{ name: seriesName, type: 'bar', data: sorted.map((i) => i.count), label: { show: true, position: 'right', formatter: (p: { value: number }) => formatCount(p.value) } }],
    },
    media: [{ query: NARROW, option: { grid: { top: 8 }, xAxis: { axisLabel: { show: false } }, yAxis: { axisLabel: { width: 150, overflow: 'truncate' } } } }],
  };
}

/** New and dissolved organisations each year (bars) and the total at each year end (line). */
export function trendOption(trend: Dashboard['trend']): ChartOption {
  return {
    color: ['#0b7a3e', '#c0392b', '#1f6fb2'],
    grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatCount(v) },
    legend: { top: 0, left: 0, right: 0 },
    xAxis: { type: 'category', data: trend.map((t) => String(t.year)) },
    yAxis: [
      { type: 'value', name: 'Trong năm', axisLabel: { formatter: (v: number) => formatCount(v) } },
      { type: 'value', name: 'Tổng số', axisLabel: { formatter: (v: number) => formatCount(v) } },
    ],
    series: [
      { name: 'Thành lập mới', type: 'bar', data: trend.map((t) => t.newlyEstablished) },
      { name: 'Giải thể', type: 'bar', data: trend.map((t) => t.dissolved) },
      { name: 'Tổng số cuối năm', type: 'line', yAxisIndex: 1, data: trend.map((t) => t.total) },
    ],
  };
}

/**
 * Today's communes as a grid of equal tiles coloured by the number of organisations: a stand-in for a
 * choropleth map while no commune boundaries (GeoJSON) of the 2025 units are available offline. Tiles are
 * in Vietnamese dictionary order of their names, not in their places on the map.
 */
export function communeTilesOption(communes: Dashboard['byCurrentCommune'], columns = 8): ChartOption {
  const tiles = sortByVietnamese(communes, (c) => stripUnitPrefix(c.commune));
  const rows = Math.max(1, Math.ceil(tiles.length / columns));
  const max = Math.max(1, ...tiles.map((t) => t.count));
  return {
    tooltip: { formatter: (p: { data: { name: string; value: [number, number, number] } }) => `${html(p.data.name)}: ${formatCount(p.data.value[2])} tổ chức` },
    grid: { left: 4, right: 4, top: 8, bottom: 48 },
    xAxis: { type: 'category', data: Array.from({ length: columns }, (_, i) => i), show: false },
    yAxis: { type: 'category', data: Array.from({ length: rows }, (_, i) => i), show: false, inverse: true },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#eef7f0', '#0b7a3e'] }, formatter: (v: number) => formatCount(Math.round(v)) },
    series: [
      {
        type: 'heatmap',
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { show: true, fontSize: 10, overflow: 'truncate', formatter: (p: { data: { short: string; value: [number, number, number] } }) => `${p.data.short}\n${formatCount(p.data.value[2])}` },
        data: tiles.map((t, i) => ({ name: t.commune, short: stripUnitPrefix(t.commune), value: [i % columns, Math.floor(i / columns), t.count] })),
      },
    ],
  };
}

/** Height that gives each row of commune tiles room for two lines of text. */
export function communeTilesHeight(count: number, columns = 8): number {
  return Math.max(200, Math.ceil(count / columns) * 44 + 64);
}

/**
 * The choropleth map of today's communes: each commune of the boundary file coloured by its number of
 * organisations (communes without any are drawn, at zero). Zoom and pan with the mouse or fingers.
 */
export function communeMapOption(communes: Dashboard['byCurrentCommune'], mapName: string, names: string[]): ChartOption {
  const counts = new Map(communes.map((c) => [c.commune, c.count]));
  const max = Math.max(1, ...names.map((n) => counts.get(n) ?? 0));
  return {
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${html(p.name)}: ${formatCount(Number.isFinite(p.value) ? p.value : 0)} tổ chức` },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#eef7f0', '#0b7a3e'] }, formatter: (v: number) => formatCount(Math.round(v)) },
    series: [
      {
        type: 'map',
        map: mapName,
        roam: true,
        // Centre and size keep the map's proportions (top/bottom alone would stretch it to the box).
        layoutCenter: ['50%', '46%'],
        layoutSize: '84%',
        itemStyle: { borderColor: '#ffffff', borderWidth: 0.5 },
        emphasis: { label: { show: true, fontSize: 11 }, itemStyle: { areaColor: '#f2a007' } },
        data: names.map((name) => ({ name, value: counts.get(name) ?? 0 })),
      },
    ],
  };
}

type ChartData = Pick<Dashboard, 'bySectorGroup' | 'statusShares' | 'kindShares' | 'bySector' | 'byArea' | 'trend'>;

/** The dashboard's six charts (staff and portal alike), labelled in the reader's language. */
export function dashboardChartOptions(data: ChartData, labels: ReturnType<typeof useLabels>, t: ReturnType<typeof useReportTexts>) {
  return {
    sectorGroups: sharesOption(data.bySectorGroup.map((g) => ({ name: labels.sectorGroup(g.group), count: g.count, percent: g.percent })), t('sectorGroupsChart')),
    statuses: sharesOption(data.statusShares.map((s) => ({ name: labels.status(s.status), count: s.count, percent: s.percent })), t('statusesChart')),
    kinds: sharesOption(data.kindShares.map((k) => ({ name: labels.kind(k.kind), count: k.count, percent: k.percent })), t('kindsChart')),
    sectors: barsOption(data.bySector.map((s) => ({ name: labels.sector(s.sector), count: s.count })), t('total')),
    areas: barsOption(data.byArea.map((a) => ({ name: a.area, count: a.count })), t('total')),
    trend: trendOption(data.trend),
  };
}

/** Where a dashboard's figures come from, for a saved chart: "Liên minh HTX tỉnh Bắc Ninh · Năm 2026 · Loại hình: HTX". */
export function chartScope(
  scope: { name: string },
  filters: { year: number; kind?: string; sectorGroup?: string; sector?: string; area?: string },
  labels: ReturnType<typeof useLabels>,
  t: ReturnType<typeof useReportTexts>,
): { subtitle: string; fileSuffix: string } {
  const parts = [
    scope.name,
    `${t('year')} ${filters.year}`,
    filters.kind ? `${t('kind')}: ${labels.kind(filters.kind)}` : null,
    filters.sectorGroup ? `${t('sectorGroup')}: ${labels.sectorGroup(filters.sectorGroup)}` : null,
    filters.sector ? `${t('sector')}: ${labels.sector(filters.sector)}` : null,
    filters.area ? `${t('area')}: ${filters.area}` : null,
  ].filter((p): p is string => Boolean(p));
  const slug = (text: string) => searchKey(text).replace(/ /g, '-');
  const place = slug(scope.name.replace(/^Liên minh (HTX|Hợp tác xã) /i, '').replace(/^(tỉnh|thành phố) /i, ''));
  const filtered = [filters.kind, filters.sectorGroup, filters.sector, filters.area].filter((v): v is string => Boolean(v)).map(slug);
  return { subtitle: parts.join(' · '), fileSuffix: `-${[place, ...filtered, String(filters.year)].join('-')}` };
}
