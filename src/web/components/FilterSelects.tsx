import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { KINDS, STATUSES } from '../../shared/organisation.ts';
import { SECTOR_GROUPS } from '../../shared/sectors.ts';
import { useLabels } from '../i18n/index.tsx';

type FilterProps = {
  value: string | undefined;
  onChange(value: string | undefined): void;
  placeholder: string;
  style?: CSSProperties;
};

function FilterSelect({ options, value, onChange, placeholder, style, testId }: FilterProps & { options: { value: string; label: string }[]; testId: string }) {
  return (
    <Select
      allowClear
      value={value}
      onChange={(v: string | undefined) => onChange(v ?? undefined)}
      placeholder={placeholder}
      options={options}
      style={style}
      aria-label={placeholder}
      data-testid={testId}
      popupMatchSelectWidth={false}
    />
  );
}

export function KindFilter(props: FilterProps) {
  const labels = useLabels();
  return <FilterSelect {...props} testId="filter-kind" options={KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />;
}

export function StatusFilter(props: FilterProps) {
  const labels = useLabels();
  return <FilterSelect {...props} testId="filter-status" options={STATUSES.map((s) => ({ value: s, label: labels.status(s) }))} />;
}

export function SectorGroupFilter(props: FilterProps) {
  const labels = useLabels();
  return <FilterSelect {...props} testId="filter-sector-group" options={SECTOR_GROUPS.map((g) => ({ value: g.code, label: labels.sectorGroup(g.code) }))} />;
}
