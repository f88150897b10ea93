import { CloseOutlined, FilePdfOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PageError } from '../../components/PageStatus.tsx';
import { count, dateTime } from '../../format.ts';
import { useLabels, useT } from '../../i18n/index.tsx';
import { EmptyText, StateTag } from './stateLabels.tsx';
import { listPdfUrl, listXlsxUrl, useComplianceList, type ComplianceListItem, type ListFilter } from './updatesApi.ts';

type Props = { filter: ListFilter; title: string; narrow: boolean; onClose(): void };

/** The organisations behind one number: names, representatives, phones and emails, printable as PDF or .xlsx. */
export function ComplianceList({ filter, title, narrow, onClose }: Props) {
  const t = useT();
  const labels = useLabels();
  const list = useComplianceList(filter);
  const total = list.data?.total ?? 0;
  return (
    <Card
      size="small"
      data-testid="compliance-list"
      title={<span style={{ whiteSpace: 'normal' }}>{t('updates.compliance.listTitle', { category: title, count: count(total) })}</span>}
      extra={<Button type="text" icon={<CloseOutlined />} aria-label={t('updates.compliance.close')} onClick={onClose} />}
      styles={{ body: { padding: narrow ? 8 : 16 } }}
    >
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <a href={listPdfUrl(filter)} target="_blank" rel="noopener" data-testid="list-pdf">
          <Button icon={<FilePdfOutlined />}>{t('updates.compliance.printPdf')}</Button>
        </a>
        <a href={listXlsxUrl(filter)} download data-testid="list-xlsx">
          <Button icon={<FileExcelOutlined />}>{t('updates.compliance.printXlsx')}</Button>
        </a>
      </Flex>
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ComplianceListItem>
          rowKey="organisationId"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <EmptyText>{t('updates.compliance.listEmpty')}</EmptyText> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, simple: narrow }}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'compliance-list-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('updates.organisation'),
              key: 'name',
              render: (_, item) => (
                <div style={{ minWidth: 150, maxWidth: narrow ? 190 : 360, whiteSpace: 'normal' }}>
                  {item.updateId ? <Link to={`/updates/${item.updateId}`}>{item.name}</Link> : <Typography.Text>{item.name}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {[labels.kind(item.kind), item.registrationNumber, item.communeName].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              ),
            },
            { title: t('updates.compliance.chair'), dataIndex: 'representative', render: (v: string | null) => v ?? t('common.none') },
            { title: t('updates.compliance.phone'), dataIndex: 'phone', render: (v: string | null) => (v ? <a href={`tel:${v}`} style={{ whiteSpace: 'nowrap' }}>{v}</a> : t('common.none')) },
            { title: t('updates.compliance.email'), dataIndex: 'email', render: (v: string | null) => v ?? t('common.none') },
            { title: t('updates.state'), dataIndex: 'state', render: (s: string) => <StateTag state={s} /> },
            { title: t('updates.submittedAt'), dataIndex: 'submittedAt', render: (at: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{dateTime(at)}</span> },
          ]}
        />
      )}
    </Card>
  );
}
