import { Card, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageError } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useT } from '../../i18n/index.tsx';
import { useNeverRecognised } from './awardsApi.ts';

/** The alliance's active organisations that have never been recognised, by commune. */
export default function NeverRecognisedPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const [commune, setCommune] = useState<string | undefined>();
  const list = useNeverRecognised(commune);
  const all = useNeverRecognised();
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <PageTitle>{t('awards.never.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('awards.never.hint', { count: all.data?.total ?? 0 })}</Typography.Paragraph>
      <Select
        aria-label={t('awards.never.commune')}
        placeholder={t('awards.never.commune')}
        allowClear
        showSearch
        optionFilterProp="label"
        value={commune}
        onChange={setCommune}
        options={(all.data?.byCommune ?? []).filter((c) => c.communeCode).map((c) => ({ value: c.communeCode!, label: `${c.communeName ?? c.communeCode} (${c.count})` }))}
        style={{ width: narrow ? '100%' : 320, marginBottom: 12 }}
      />
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          locale={{ emptyText: t('awards.never.empty') }}
          columns={[
            { title: t('awards.never.organisation'), key: 'name', render: (_: unknown, o: { id: string; name: string }) => <Link to={`/registry/${o.id}`}>{o.name}</Link> },
            ...(narrow ? [] : [{ title: t('awards.never.registration'), dataIndex: 'registrationNumber', render: (v: string | null) => v ?? '—' }]),
            { title: t('awards.never.commune'), dataIndex: 'communeName', render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
