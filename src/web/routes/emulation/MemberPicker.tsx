import { DeleteOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, List, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { OrganisationListItem } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import type { Member } from './emulationApi.ts';

/** A block's members: cooperatives of the registry found by name or number, listed with a remove button each. */
export function MemberPicker({ id, members, onChange }: { id: string; members: Member[]; onChange(members: Member[]): void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: ['emulation', 'cooperatives', q],
    queryFn: () => api.get<{ items: OrganisationListItem[] }>('/api/cooperatives', { q, pageSize: 20 }),
  });
  const chosen = new Set(members.map((m) => m.id));
  return (
    <>
      <Select
        id={id}
        showSearch
        value={null}
        placeholder={t('emulation.block.pickMembers')}
        aria-label={t('emulation.block.pickMembers')}
        filterOption={false}
        onSearch={setQ}
        onChange={(value: string) => {
          const found = search.data?.items.find((o) => o.id === value);
          if (found) onChange([...members, { id: found.id, name: found.name, registrationNumber: found.registrationNumber ?? null }]);
          setQ('');
        }}
        loading={search.isLoading}
        options={(search.data?.items ?? []).filter((o) => !chosen.has(o.id)).map((o) => ({ value: o.id, label: `${o.name}${o.registrationNumber ? ` — ${o.registrationNumber}` : ''}` }))}
        style={{ width: '100%' }}
        data-testid="pick-member"
      />
      <List
        size="small"
        dataSource={members}
        locale={{ emptyText: ' ' }}
        renderItem={(m) => (
          <List.Item
            actions={[<Button key="remove" type="text" danger icon={<DeleteOutlined />} aria-label={t('emulation.block.removeMember', { name: m.name })} onClick={() => onChange(members.filter((x) => x.id !== m.id))} />]}
          >
            {m.name}
          </List.Item>
        )}
      />
    </>
  );
}
