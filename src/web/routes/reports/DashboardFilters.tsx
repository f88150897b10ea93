import { Select, Space } from 'antd';
import { KINDS } from '../../../shared/organisation.ts';
import { SECTOR_GROUPS, SECTORS } from '../../../shared/sectors.ts';
import { useLabels } from '../../i18n/index.tsx';
import type { DashboardFilters as Filters } from './reportsApi.ts';
import { useReportTexts } from './texts.ts';

type Props = { value: Filters; onChange(next: Filters): void; areas: string[]; firstYear?: number };

/** Year, area, kind, sector group and sector; clearing a filter widens the figures again. */
export function DashboardFilters({ value, onChange, areas, firstYear = 2010 }: Props) {
  const t = useReportTexts();
  const labels = useLabels();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - firstYear + 1 }, (_, i) => thisYear - i);
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  const sectors = SECTORS.filter((s) => !value.sectorGroup || s.group === value.sectorGroup);
  const common = { allowClear: true, popupMatchSelectWidth: false, style: { minWidth: 160 } } as const;
  return (
    <Space wrap>
      <Select aria-label={t('year')} value={value.year} onChange={(year: number) => set({ year })} options={years.map((y) => ({ value: y, label: `${t('year')} ${y}` }))} style={{ width: 120 }} />
      <Select {...common} aria-label={t('area')} placeholder={t('area')} value={value.area} onChange={(area?: string) => set({ area })} options={areas.map((a) => ({ value: a, label: a }))} showSearch />
      <Select {...common} aria-label={t('kind')} placeholder={t('kind')} value={value.kind} onChange={(kind?: string) => set({ kind })} options={KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
      <Select {...common} aria-label={t('sectorGroup')} placeholder={t('sectorGroup')} value={value.sectorGroup} onChange={(sectorGroup?: string) => set({ sectorGroup, sector: undefined })} options={SECTOR_GROUPS.map((g) => ({ value: g.code, label: labels.sectorGroup(g.code) }))} />
      <Select {...common} aria-label={t('sector')} placeholder={t('sector')} value={value.sector} onChange={(sector?: string) => set({ sector })} options={sectors.map((s) => ({ value: s.code, label: labels.sector(s.code) }))} />
    </Space>
  );
}
