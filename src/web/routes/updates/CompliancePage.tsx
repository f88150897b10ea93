import { MailOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { NotAllowedPage, PageError, PageLoading } from '../../components/PageStatus.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { count } from '../../format.ts';
import { useLabels, useT, type MessageKey } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.ts';
import { ComplianceList } from './ComplianceList.tsx';
import { UpdatesExcel } from './UpdatesExcel.tsx';
import { UpdatesHeader, useYear } from './UpdatesHeader.tsx';
import { COMPLIANCE_CATEGORIES, useCompliance, useSendReminders, type ComplianceCategory, type ListFilter, type RemindersResult } from './updatesApi.ts';

const CATEGORY_KEYS: Record<ComplianceCategory, MessageKey> = {
  due: 'updates.compliance.due',
  onTime: 'updates.compliance.onTime',
  late: 'updates.compliance.late',
  missing: 'updates.compliance.missing',
  returned: 'updates.compliance.returned',
  accepted: 'updates.compliance.accepted',
};
// Dark enough for 4.5:1 on white.
const CATEGORY_COLORS: Partial<Record<ComplianceCategory, string>> = { onTime: '#0b7a3e', late: '#ad4e00', missing: '#cf1322', returned: '#ad6800', accepted: '#0b7a3e' };

type Counts = Record<ComplianceCategory, number>;
type Group = Counts & { key: string; name: string; filter: Partial<ListFilter> | null };

/** "2026-12-15T23:59:59+07:00" as "15/12/2026 23:59", the wall clock of the deadline as written. */
function deadlineText(deadline: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(deadline);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : deadline;
}

/**
 * Who is missing: the year's totals (due, on time, late, missing, returned not corrected, accepted) and the same
 * by commune, kind and sector group; a number opens the organisations behind it. Staff remind by email, print
 * the list for telephoning, and collect paper updates through the Excel template.
 */
export default function CompliancePage() {
  const t = useT();
  const labels = useLabels();
  const narrow = useIsNarrow();
  const { user } = useSession();
  const { modal } = App.useApp();
  const [year, setYear] = useYear();
  const compliance = useCompliance(year);
  const reminders = useSendReminders();
  const [list, setList] = useState<{ filter: ListFilter; title: string } | null>(null);
  const [reminded, setReminded] = useState<RemindersResult | null>(null);
  if (!user?.can.seeCompliance) return <NotAllowedPage />;
  const staff = Boolean(user.can.verifyUpdates);

  const open = (category: ComplianceCategory, filter: Partial<ListFilter> = {}, scope?: string) => {
    setList({ filter: { year, category, ...filter }, title: scope ? `${t(CATEGORY_KEYS[category])} · ${scope}` : t(CATEGORY_KEYS[category]) });
    requestAnimationFrame(() => document.querySelector('[data-testid="compliance-list"]')?.scrollIntoView({ block: 'start' }));
  };
  const remind = () =>
    void modal.confirm({
      title: t('updates.compliance.remindConfirm', { year }),
      content: t('updates.compliance.remindHint'),
      okText: t('updates.compliance.remind'),
      cancelText: t('common.cancel'),
      // A refusal (no mail server configured) is shown below the button; the dialog closes either way.
      onOk: () => reminders.mutateAsync(year).then(setReminded, () => setReminded(null)),
    });

  const data = compliance.data;
  const groupTable = (title: string, heading: string, rows: Group[], testId: string) => (
    <Card size="small" title={title} styles={{ body: { padding: narrow ? 4 : 12 } }} data-testid={testId}>
      <Table<Group>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, simple: narrow } : false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: heading, dataIndex: 'name', render: (name: string) => <div style={{ minWidth: 110, maxWidth: narrow ? 140 : 260, whiteSpace: 'normal' }}>{name}</div>, fixed: narrow ? 'left' : undefined },
          ...COMPLIANCE_CATEGORIES.map((category) => ({
            title: t(CATEGORY_KEYS[category]),
            dataIndex: category,
            align: 'right' as const,
            render: (value: number, row: Group) =>
              row.filter && value > 0 ? (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(category, row.filter ?? {}, row.name)} data-testid={`${testId}-${row.key}-${category}`}>
                  {count(value)}
                </Button>
              ) : (
                count(value)
              ),
          })),
        ]}
      />
    </Card>
  );

  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <UpdatesHeader title={t('updates.compliance.title', { year })} year={year} setYear={setYear} />
      {compliance.isLoading && <PageLoading />}
      {compliance.error && <PageError error={compliance.error} onRetry={() => void compliance.refetch()} />}
      {data && (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary" data-testid="compliance-deadline">
            {t('updates.compliance.deadline', { deadline: deadlineText(data.deadline) })} · {t('updates.compliance.clickHint')}
          </Typography.Text>
          <Row gutter={[8, 8]} data-testid="compliance-totals">
            {COMPLIANCE_CATEGORIES.map((category) => (
              <Col key={category} xs={12} sm={8} lg={4}>
                <Card size="small" hoverable onClick={() => open(category)} data-testid={`compliance-total-${category}`} style={{ height: '100%' }}>
                  <Statistic title={t(CATEGORY_KEYS[category])} value={data[category]} groupSeparator="." styles={{ content: { color: CATEGORY_COLORS[category] } }} />
                </Card>
              </Col>
            ))}
          </Row>
          {staff && (
            <Flex wrap gap={8} align="center">
              <Button icon={<MailOutlined />} onClick={remind} loading={reminders.isPending} data-testid="send-reminders">{t('updates.compliance.remind')}</Button>
              <Typography.Text type="secondary">{t('updates.compliance.remindHint')}</Typography.Text>
            </Flex>
          )}
          {reminders.error && <Alert type="error" showIcon title={reminders.error.message} data-testid="reminders-error" />}
          {reminded && (
            <Alert
              type={reminded.failed.length ? 'warning' : 'success'}
              showIcon
              closable
              onClose={() => setReminded(null)}
              data-testid="reminders-result"
              title={t('updates.compliance.remindDone', { sent: count(reminded.sent), withoutEmail: count(reminded.withoutEmail.length) })}
              description={
                <>
                  {reminded.failed.length > 0 && <div>{t('updates.compliance.remindFailed', { failed: count(reminded.failed.length) })}</div>}
                  {reminded.withoutEmail.length > 0 && (
                    <Button type="link" style={{ padding: 0 }} onClick={() => open('missing')}>{t('updates.compliance.printPdf')}</Button>
                  )}
                </>
              }
            />
          )}
          {list && <ComplianceList key={JSON.stringify(list.filter)} filter={list.filter} title={list.title} narrow={narrow} onClose={() => setList(null)} />}
          {groupTable(
            t('updates.compliance.byCommune'),
            t('updates.commune'),
            data.byCommune.map((row) => ({ ...row, key: row.code ?? 'none', filter: { commune: row.code ?? 'none' } })),
            'by-commune',
          )}
          {groupTable(
            t('updates.compliance.byKind'),
            t('updates.kind'),
            data.byKind.map((row) => ({ ...row, key: row.kind, name: labels.kind(row.kind), filter: { kind: row.kind } })),
            'by-kind',
          )}
          {groupTable(
            t('updates.compliance.bySectorGroup'),
            t('filter.sectorGroup'),
            // The list route filters by commune and kind only: a sector group's numbers are not links.
            data.bySectorGroup.map((row) => ({ ...row, key: row.group, name: labels.sectorGroup(row.group), filter: null })),
            'by-sector-group',
          )}
          {staff && <UpdatesExcel year={year} />}
        </Flex>
      )}
    </Card>
  );
}
