import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Input, Pagination, Select, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { pagerTotal, type Page } from '../../api/types.ts';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useSearchState } from '../../components/useSearchState.ts';
import { count } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { useCommuneNames } from '../../reference/reference.ts';
import { canManageRegistry, useSession } from '../../session/session.ts';
import { OrganisationCards } from './OrganisationCards.tsx';
import { knownSort, OrganisationTable, SORTS, type RegistryRow } from './OrganisationTable.tsx';
import { REGISTRY_FILTER_KEYS, RegistryFilters } from './RegistryFilters.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';

// The order is kept in the address bar with the filters (a changed order returns to page 1).
const REGISTRY_STATE_KEYS = [...REGISTRY_FILTER_KEYS, 'sort'];

/** The registry: accent-insensitive search (done by the server), filters, an order, a page at a time. */
export default function RegistryListPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const { user } = useSession();
  const tenantId = user?.tenantId ?? null;
  const communeName = useCommuneNames(tenantId);
  const { state, page, pageSize, update, clear } = useSearchState(REGISTRY_STATE_KEYS);
  const sort = knownSort(state.sort);
  const query = { ...state, sort, page, pageSize };
  const registry = useQuery({
    queryKey: ['organisations', query],
    queryFn: () => api.get<Page<RegistryRow>>('/api/cooperatives', query),
    placeholderData: keepPreviousData,
  });

  return (
    <div>
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        <PageTitle style={{ margin: 0 }}>{t('registry.title')}</PageTitle>
        {canManageRegistry(user) && (
          <Flex gap={8} wrap>
            <Link to="/imports"><Button icon={<UploadOutlined />}>{t('nav.import')}</Button></Link>
            <Link to="/registry/new"><Button type="primary" icon={<PlusOutlined />}>{t('nav.create')}</Button></Link>
          </Flex>
        )}
      </Flex>
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          key={state.q ?? ''}
          defaultValue={state.q}
          placeholder={t('registry.searchPlaceholder')}
          enterButton={t('common.search')}
          allowClear
          onSearch={(q) => update({ q: q.trim() })}
          aria-label={t('common.search')}
          data-testid="registry-search"
        />
        <RegistryFilters state={state} update={update} clear={clear} tenantId={tenantId} narrow={narrow} />
      </Flex>
      {registry.isLoading && <PageLoading />}
      {registry.error && <PageError error={registry.error} onRetry={() => void registry.refetch()} />}
      {registry.data && (
        <>
          <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary" data-testid="registry-total">{t(registry.data.totalIsLowerBound ? 'registry.totalAtLeast' : 'registry.total', { total: count(registry.data.total) })}</Typography.Text>
            {narrow && (
              <Select
                value={sort ?? (state.q ? 'relevance' : 'name')}
                onChange={(value: string) => update({ sort: value === 'relevance' || (value === 'name' && !state.q) ? undefined : value })}
                options={[...(state.q ? ['relevance' as const] : []), ...SORTS].map((value) => ({ value, label: t(`registry.sort.${value}`) }))}
                aria-label={t('registry.sortBy')}
                style={{ minWidth: 200 }}
                data-testid="registry-sort"
              />
            )}
          </Flex>
          {registry.data.items.length === 0 ? (
            <Empty description={t('registry.empty')} />
          ) : narrow ? (
            <OrganisationCards items={registry.data.items} communeName={communeName} />
          ) : (
            <OrganisationTable
              items={registry.data.items}
              communeName={communeName}
              loading={registry.isFetching}
              // Without a chosen order the server lists by name (a search: by relevance, which no column shows).
              sort={sort ?? (state.q ? undefined : 'name')}
              onSort={(sort) => update({ sort: sort === 'name' && !state.q ? undefined : sort })}
            />
          )}
          <Pagination
            style={{ marginTop: 16, justifyContent: 'center' }}
            current={page}
            pageSize={pageSize}
            total={pagerTotal(registry.data, page, pageSize)}
            simple={narrow}
            showSizeChanger={!narrow}
            onChange={(next, size) => update({ page: next, pageSize: size === 20 ? undefined : size })}
          />
        </>
      )}
    </div>
  );
}
