import { Button, Flex, InputNumber, Select } from 'antd';
import { KindFilter, SectorGroupFilter, StatusFilter } from '../../components/FilterSelects.tsx';
import { useT } from '../../i18n/index.tsx';
import { useCommunes } from '../../reference/reference.ts';

export const REGISTRY_FILTER_KEYS = ['q', 'kind', 'sectorGroup', 'status', 'communeCode', 'foundedYear'] as const;

type Props = {
  state: Record<string, string | undefined>;
  update(changes: Record<string, string | number | undefined>): void;
  clear(): void;
  tenantId: number | null;
  narrow: boolean;
};

/** Filters of the registry: legal form, sector group, status, today's commune, founding year. */
export function RegistryFilters({ state, update, clear, tenantId, narrow }: Props) {
  const t = useT();
  const communes = useCommunes(tenantId);
  const style = { width: narrow ? '100%' : 200 };
  const setYear = (text: string) => {
    const year = /^\d{4}$/.test(text.trim()) ? text.trim() : undefined;
    if (year !== state.foundedYear) update({ foundedYear: year });
  };
  const active = REGISTRY_FILTER_KEYS.some((key) => key !== 'q' && state[key]);
  return (
    <Flex wrap gap={8}>
      <KindFilter value={state.kind} onChange={(kind) => update({ kind })} placeholder={t('filter.kind')} style={style} />
      <SectorGroupFilter value={state.sectorGroup} onChange={(sectorGroup) => update({ sectorGroup })} placeholder={t('filter.sectorGroup')} style={style} />
      <StatusFilter value={state.status} onChange={(status) => update({ status })} placeholder={t('filter.status')} style={style} />
      {tenantId !== null && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={state.communeCode}
          onChange={(communeCode: string | undefined) => update({ communeCode })}
          placeholder={t('filter.commune')}
          options={(communes.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
          loading={communes.isLoading}
          style={style}
          aria-label={t('filter.commune')}
          data-testid="filter-commune"
          popupMatchSelectWidth={false}
        />
      )}
      <InputNumber
        key={state.foundedYear ?? ''}
        defaultValue={state.foundedYear ? Number(state.foundedYear) : undefined}
        min={1900}
        max={2100}
        controls={false}
        placeholder={t('filter.foundedYear')}
        aria-label={t('filter.foundedYear')}
        onBlur={(e) => setYear(e.target.value)}
        onPressEnter={(e) => setYear(e.currentTarget.value)}
        style={style}
        data-testid="filter-founded-year"
      />
      {active && <Button onClick={clear}>{t('filter.clear')}</Button>}
    </Flex>
  );
}
