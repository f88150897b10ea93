import { Select } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { sortByVietnamese } from '../../../shared/vietnamese-order.ts';
import { stripUnitPrefix } from '../../../shared/vietnamese-text.ts';
import { useCommunes } from '../../reference/reference.ts';
import { useSession } from '../../session/session.ts';

type Props = { value: string | undefined; onChange(code: string | undefined): void; placeholder: string; style?: CSSProperties };

/**
 * Today's communes of the alliance's province in Vietnamese dictionary order of their names without "Xã",
 * "Phường" (so that Phường An Lạc comes beside Xã An Bình); a commune officer sees only their own.
 */
export function CommunePicker({ value, onChange, placeholder, style }: Props) {
  const { user } = useSession();
  const communes = useCommunes(user?.tenantId);
  const options = useMemo(() => {
    const all = communes.data ?? [];
    // A user whose reach is one commune (the server's scope, not a role name) picks among that commune only.
    const mine = user?.communeCode ? all.filter((c) => c.code === user.communeCode) : all;
    return sortByVietnamese(mine, (c) => stripUnitPrefix(c.name)).map((c) => ({ value: c.code, label: c.name }));
  }, [communes.data, user?.communeCode]);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={(code: string | undefined) => onChange(code ?? undefined)}
      placeholder={placeholder}
      options={options}
      loading={communes.isLoading}
      style={style}
      aria-label={placeholder}
      data-testid="filter-commune"
      popupMatchSelectWidth={false}
    />
  );
}
