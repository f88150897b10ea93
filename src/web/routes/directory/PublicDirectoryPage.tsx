import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { Col, Empty, Flex, Input, Pagination, Row, Select, Typography } from 'antd';
import { api } from '../../api/client.ts';
import { count } from '../../format.ts';
import type { DirectoryEntry, Page } from '../../api/types.ts';
import { KindFilter, SectorGroupFilter } from '../../components/FilterSelects.tsx';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useSearchState } from '../../components/useSearchState.ts';
import { useT } from '../../i18n/index.tsx';
import { useAlliances } from '../../reference/reference.ts';
import { DirectoryEntryCard } from './DirectoryEntryCard.tsx';

const KEYS = ['q', 'kind', 'sectorGroup', 'tenant'] as const;

/** The public directory: anyone may search organisations by name; it shows no personal data. */
export function PublicDirectoryPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const { state, page, pageSize, update } = useSearchState(KEYS);
  const alliances = useAlliances();
  const query = { q: state.q, kind: state.kind, sectorGroup: state.sectorGroup, tenant: state.tenant, page, pageSize };
  const directory = useQuery({
    queryKey: ['directory', query],
    queryFn: () => api.get<Page<DirectoryEntry>>('/api/public/directory', query),
    placeholderData: keepPreviousData,
  });
  const filterStyle = { width: '100%' };

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('directory.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('directory.intro')}</Typography.Paragraph>
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          key={state.q ?? ''}
          defaultValue={state.q}
          placeholder={t('directory.searchPlaceholder')}
          enterButton={t('common.search')}
          allowClear
          onSearch={(q) => update({ q: q.trim() })}
          aria-label={t('common.search')}
          data-testid="directory-search"
        />
        <Row gutter={[8, 8]}>
          <Col xs={12} md={8} xl={6}>
            <KindFilter value={state.kind} onChange={(kind) => update({ kind })} placeholder={t('filter.kind')} style={filterStyle} />
          </Col>
          <Col xs={12} md={8} xl={6}>
            <SectorGroupFilter value={state.sectorGroup} onChange={(sectorGroup) => update({ sectorGroup })} placeholder={t('filter.sectorGroup')} style={filterStyle} />
          </Col>
          {(alliances.data?.length ?? 0) > 1 && (
            <Col xs={24} md={8} xl={6}>
              <Select
                allowClear
                value={state.tenant}
                onChange={(tenant: string | undefined) => update({ tenant })}
                placeholder={t('filter.alliance')}
                options={alliances.data!.map((a) => ({ value: String(a.id), label: a.name }))}
                style={filterStyle}
                aria-label={t('filter.alliance')}
              />
            </Col>
          )}
        </Row>
      </Flex>
      {directory.isLoading && <PageLoading />}
      {directory.error && <PageError error={directory.error} onRetry={() => void directory.refetch()} />}
      {directory.data && (
        <>
          <Typography.Paragraph type="secondary" data-testid="directory-total">{t('registry.total', { total: count(directory.data.total) })}</Typography.Paragraph>
          {directory.data.items.length === 0 ? (
            <Empty description={t('registry.empty')} />
          ) : (
            <Row gutter={[12, 12]}>
              {directory.data.items.map((entry) => (
                <Col key={entry.id} xs={24} md={12} xl={8}>
                  <DirectoryEntryCard entry={entry} />
                </Col>
              ))}
            </Row>
          )}
          <Pagination
            style={{ marginTop: 16, justifyContent: 'center' }}
            current={page}
            pageSize={pageSize}
            total={directory.data.total}
            simple={narrow}
            showSizeChanger={!narrow}
            onChange={(next, size) => update({ page: next, pageSize: size === 20 ? undefined : size })}
          />
        </>
      )}
    </div>
  );
}
