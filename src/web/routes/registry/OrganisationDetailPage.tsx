import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Result, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { date } from '../../format.ts';
import { useLabels, useT } from '../../i18n/index.tsx';
import { useCommuneNames } from '../../reference/reference.ts';
import { AuditTrail } from './AuditTrail.tsx';
import { OrganisationFacts } from './OrganisationFacts.tsx';
import { useOrganisation, useOrganisationHistory } from './organisationQueries.ts';
import { StatusHistory } from './StatusHistory.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { InviteManagerButton } from '../accounts/InviteManagerButton.tsx';
import { useOrganisationAwardsTab } from '../awards/OrganisationAwards.tsx';

/** Back to where the user came from (the filtered list), or to the registry when they arrived here directly. */
function goBack(navigate: ReturnType<typeof useNavigate>) {
  const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
  if (index > 0) navigate(-1);
  else navigate('/registry');
}

/** One organisation: its record (optionally as of a past day), status history and audit trail. */
export default function OrganisationDetailPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const tab = params.get('tab') ?? 'info';
  const t = useT();
  const labels = useLabels();
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const organisation = useOrganisation(id, asOf);
  const history = useOrganisationHistory(id);
  const communeName = useCommuneNames(organisation.data?.tenantId);
  const awardsTab = useOrganisationAwardsTab(id);

  const setParam = (key: string, value: string | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    }, { replace: true });

  if (organisation.isLoading) return <PageLoading />;
  if (organisation.error && asOf) {
    // Before the record existed (or a bad day): say so, and offer today's record.
    return (
      <Result
        status="info"
        title={organisation.error.message}
        extra={<Button type="primary" onClick={() => setParam('asOf', undefined)}>{t('detail.asOfClear')}</Button>}
      />
    );
  }
  if (organisation.error || !organisation.data) return <PageError error={organisation.error} onRetry={() => void organisation.refetch()} />;
  const o = organisation.data;

  const tabs = [
    { key: 'info', label: t('detail.tab.info'), children: <OrganisationFacts organisation={o} communeName={communeName} narrow={narrow} /> },
    {
      key: 'statuses',
      label: t(narrow ? 'detail.tab.statusesShort' : 'detail.tab.statuses'),
      children: history.error ? <PageError error={history.error} /> : history.data ? <StatusHistory statuses={history.data.statuses} /> : <PageLoading />,
    },
    ...(o.can.viewAudit
      ? [{
          key: 'audit',
          label: t(narrow ? 'detail.tab.auditShort' : 'detail.tab.audit'),
          children: history.error ? <PageError error={history.error} /> : history.data ? <AuditTrail events={history.data.audit} communeName={communeName} narrow={narrow} /> : <PageLoading />,
        }]
      : []),
    ...awardsTab,
  ];

  return (
    <div>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => goBack(navigate)} style={{ paddingInline: 0 }}>{t('common.back')}</Button>
      <Flex wrap justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0, flex: '1 1 240px' }}>
          <PageTitle style={{ fontSize: narrow ? 20 : 24, marginBottom: 4, overflowWrap: 'anywhere' }} testId="organisation-name">{o.name}</PageTitle>
          <Flex wrap gap={8} align="center">
            <StatusTag status={o.status} />
            <Typography.Text type="secondary">{labels.kind(o.kind)}{o.registrationNumber ? ` · ${o.registrationNumber}` : ''}</Typography.Text>
          </Flex>
        </div>
        <Flex wrap gap={8} align="center">
          <DatePicker
            value={asOf ? dayjs(asOf) : null}
            format="DD/MM/YYYY"
            placeholder={t('detail.asOf')}
            onChange={(d) => setParam('asOf', d ? d.format('YYYY-MM-DD') : undefined)}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            aria-label={t('detail.asOf')}
            style={{ width: 170 }}
          />
          {o.can.update && !asOf && (
            <Link to={`/registry/${o.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />} data-testid="edit-button">{t('common.edit')}</Button>
            </Link>
          )}
          {!asOf && <InviteManagerButton organisation={o} />}
        </Flex>
      </Flex>
      {o.warnings?.map((w) => (
        <Alert key={w.field} type="warning" showIcon style={{ marginTop: 12 }} title={`${labels.field(w.field)}: ${w.message}`} data-testid="organisation-warning" />
      ))}
      {asOf && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={t('detail.asOfNote', { date: date(asOf) })}
          action={<Button size="small" onClick={() => setParam('asOf', undefined)}>{t('detail.asOfClear')}</Button>}
        />
      )}
      <Tabs activeKey={tab} onChange={(key) => setParam('tab', key === 'info' ? undefined : key)} items={tabs} style={{ marginTop: 8 }} />
    </div>
  );
}
