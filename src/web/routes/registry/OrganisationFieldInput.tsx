import { Input, InputNumber, Select } from 'antd';
import type { ControllerRenderProps } from 'react-hook-form';
import { KINDS, STATUSES } from '../../../shared/organisation.ts';
import { SECTOR_GROUPS } from '../../../shared/sectors.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { useLabels, useT } from '../../i18n/index.tsx';
import { useCommunes, useSectors } from '../../reference/reference.ts';
import type { FieldName } from './organisationForm.ts';

const DATE_FIELDS = new Set<FieldName>(['statusSince', 'foundedOn', 'dissolvedOn', 'allianceMemberSince']);
const COUNT_FIELDS = new Set<FieldName>(['membersOfficial', 'membersAssociatedCapital', 'membersAssociatedNoCapital', 'workers']);

type Props = {
  name: FieldName;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  field: ControllerRenderProps<any, any>;
  invalid: boolean;
  tenantId: number | null;
};

/** The input that suits one field of an organisation (select, date, amount, count or text). */
export function OrganisationFieldInput({ name, field, invalid, tenantId }: Props) {
  const t = useT();
  const labels = useLabels();
  const sectors = useSectors();
  const communes = useCommunes(tenantId);
  const status = invalid ? ('error' as const) : undefined;
  const common = { id: name, ref: field.ref, onBlur: field.onBlur, status, 'data-testid': `input-${name}` };

  if (name === 'kind') {
    return <Select {...common} value={field.value} onChange={field.onChange} options={KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />;
  }
  if (name === 'status') {
    return <Select {...common} value={field.value} onChange={field.onChange} options={STATUSES.map((s) => ({ value: s, label: labels.status(s) }))} />;
  }
  if (name === 'sectorCode') {
    const options = SECTOR_GROUPS.map((g) => ({
      label: labels.sectorGroup(g.code),
      title: g.code,
      options: (sectors.data ?? []).filter((s) => s.groupKey === g.code).map((s) => ({ value: s.code, label: labels.sector(s.code) })),
    }));
    return <Select {...common} value={field.value || undefined} onChange={field.onChange} options={options} loading={sectors.isLoading} placeholder={t('common.select')} />;
  }
  if (name === 'currentCommuneCode') {
    return (
      <Select
        {...common}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={field.value || undefined}
        onChange={(v: string | undefined) => field.onChange(v ?? null)}
        options={(communes.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
        loading={communes.isLoading}
        placeholder={t('common.select')}
      />
    );
  }
  if (name === 'vsicCodes') {
    return <Select {...common} mode="tags" value={field.value ?? []} onChange={field.onChange} tokenSeparators={[',', ' ']} open={false} suffixIcon={null} />;
  }
  if (DATE_FIELDS.has(name)) return <DateInput ref={field.ref} id={name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} status={status} />;
  if (name === 'charterCapitalVnd') return <MoneyInput ref={field.ref} id={name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} status={status} />;
  if (COUNT_FIELDS.has(name)) {
    return <InputNumber {...common} value={field.value} onChange={field.onChange} min={0} precision={0} inputMode="numeric" style={{ width: '100%' }} />;
  }
  if (name === 'address') return <Input.TextArea {...common} value={field.value ?? ''} onChange={field.onChange} autoSize={{ minRows: 2, maxRows: 4 }} />;
  return (
    <Input
      {...common}
      value={field.value ?? ''}
      onChange={field.onChange}
      type={name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text'}
      inputMode={name === 'email' ? 'email' : name === 'phone' ? 'tel' : undefined}
    />
  );
}
