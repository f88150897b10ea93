import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Col, Flex, InputNumber, Row, Select } from 'antd';
import { useState, type CSSProperties, type ReactNode } from 'react';
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

/**
 * Filters of the registry: legal form, sector group, status, today's commune, founding year. On a phone
 * they fold behind one button (with the number of filters in use) so the results stay in sight.
 */
export function RegistryFilters({ state, update, clear, tenantId, narrow }: Props) {
  const t = useT();
  const communes = useCommunes(tenantId);
  const [open, setOpen] = useState(false);
  const inUse = REGISTRY_FILTER_KEYS.filter((key) => key !== 'q' && state[key]).length;
  const setYear = (text: string) => {
    const year = /^\d{4}$/.test(text.trim()) ? text.trim() : undefined;
    if (year !== state.foundedYear) update({ foundedYear: year });
  };
  const style: CSSProperties = { width: '100%' };
  const controls: ReactNode[] = [
    <KindFilter key="kind" value={state.kind} onChange={(kind) => update({ kind })} placeholder={t('filter.kind')} style={style} />,
    <SectorGroupFilter key="group" value={state.sectorGroup} onChange={(sectorGroup) => update({ sectorGroup })} placeholder={t('filter.sectorGroup')} style={style} />,
    <StatusFilter key="status" value={state.status} onChange={(status) => update({ status })} placeholder={t('filter.status')} style={style} />,
    tenantId !== null && (
      <Select
        key="commune"
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
    ),
    <InputNumber
      key={`year-${state.foundedYear ?? ''}`}
      defaultValue={state.foundedYear ? Number(state.foundedYear) : undefined}
      min={1900}
      max={2100}
      controls={false}
      inputMode="numeric"
      placeholder={t('filter.foundedYear')}
      aria-label={t('filter.foundedYear')}
      onBlur={(e) => setYear(e.target.value)}
      onPressEnter={(e) => setYear(e.currentTarget.value)}
      style={style}
      data-testid="filter-founded-year"
    />,
  ].filter(Boolean);

  const grid = (
    <Row gutter={[8, 8]}>
      {controls.map((control, index) => (
        <Col key={index} xs={12} md={8} lg={6} xl={4}>{control}</Col>
      ))}
      {inUse > 0 && (
        <Col xs={12} md={8} lg={6} xl={4}>
          <Button onClick={clear} block>{t('filter.clear')}</Button>
        </Col>
      )}
    </Row>
  );
  if (!narrow) return grid;
  return (
    <Flex vertical gap={8}>
      <Badge count={inUse} size="small" offset={[-4, 4]} style={{ alignSelf: 'flex-start' }}>
        <Button icon={<FilterOutlined />} onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="filters-toggle">
          {t('filter.title')}
        </Button>
      </Badge>
      {open && grid}
    </Flex>
  );
}
