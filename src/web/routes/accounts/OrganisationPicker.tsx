import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';

type Option = { id: string; name: string; registrationNumber: string | null };

/** Organisations of the alliance picked by name or registration number (the registry's own search). */
export function OrganisationPicker({ value, onChange, known = [], multiple = true, id }: { value?: string[] | string; onChange?: (v: string[] | string) => void; known?: Option[]; multiple?: boolean; id?: string }) {
  const t = useT();
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['organisations', 'picker', q],
    queryFn: () => api.get<Page<Option>>('/api/cooperatives', { q: q || undefined, pageSize: 20 }),
    staleTime: 60_000,
  });
  const options = new Map<string, Option>(known.map((o) => [o.id, o]));
  for (const o of data?.items ?? []) options.set(o.id, o);
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={isFetching}
      value={value}
      onChange={onChange}
      placeholder={t('accounts.form.organisationsHint')}
      options={[...options.values()].map((o) => ({ value: o.id, label: o.registrationNumber ? `${o.name} (${o.registrationNumber})` : o.name }))}
      data-testid="organisation-picker"
    />
  );
}
