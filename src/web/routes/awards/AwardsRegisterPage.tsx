import { Button, Card, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageError } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { useAwardKinds, useRegister, vnd, type RegisterFilter, type RegisterItem } from './awardsApi.ts';
import { RevokeDialog } from './RevokeDialog.tsx';

const YEARS = Array.from({ length: new Date().getFullYear() - 2009 }, (_, i) => new Date().getFullYear() - i);

/** The register: every award given, searched accent-free, filtered by form, level, year, recipient kind; revoked ones marked. */
export default function AwardsRegisterPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const kinds = useAwardKinds();
  const [filter, setFilter] = useState<RegisterFilter>({ page: 1, pageSize: 20 });
  const [q, setQ] = useState('');
  const [revoking, setRevoking] = useState<RegisterItem | null>(null);
  // One person's (or collective's) awards over the years: the register narrowed to the recipient of one row.
  const [recipient, setRecipient] = useState<RegisterItem | null>(null);
  const showRecipient = (a: RegisterItem | null) => {
    setRecipient(a);
    setFilter((f) => ({ ...f, sameRecipientAs: a?.id, page: 1 }));
  };
  const register = useRegister(filter);
  const set = (changes: RegisterFilter) => setFilter((f) => ({ ...f, ...changes, page: changes.page ?? 1 }));
  const unique = (pairs: [string, string][]) => [...new Map(pairs)].map(([value, label]) => ({ value, label }));
  const forms = unique((kinds.data?.items ?? []).map((k) => [k.form, k.formLabel]));
  const levels = unique((kinds.data?.items ?? []).map((k) => [k.level, k.levelLabel]));
  const columns = [
    { title: t('awards.col.year'), dataIndex: 'year', width: 70 },
    {
      title: t('awards.col.recipient'),
      key: 'recipient',
      render: (_: unknown, a: RegisterItem) => (
        <div style={{ overflowWrap: 'anywhere' }}>
          <Typography.Text strong>{a.recipientName}</Typography.Text>
          {a.personPosition && <Typography.Text type="secondary">{`, ${a.personPosition}`}</Typography.Text>}
          {a.recipientKind === 'individual' && a.organisationName && (
            <div>{a.organisationId ? <Link to={`/registry/${a.organisationId}?tab=awards`}>{a.organisationName}</Link> : a.organisationName}</div>
          )}
          {a.recipientKind === 'collective' && a.organisationId && (
            <div><Link to={`/registry/${a.organisationId}?tab=awards`}>{t('awards.openOrganisation')}</Link></div>
          )}
          {a.recipientKind === 'individual' && !recipient && (
            <div>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => showRecipient(a)} data-testid="person-awards">
                {t('awards.person.all')}
              </Button>
            </div>
          )}
        </div>
      ),
    },
    { title: t('awards.col.kind'), dataIndex: 'awardKindName', render: (v: string, a: RegisterItem) => <span>{v} <Tag>{a.recipientKindLabel}</Tag></span> },
    { title: t('awards.col.decision'), key: 'decision', render: (_: unknown, a: RegisterItem) => (a.decisionNumber ? `${a.decisionNumber}${a.decidedOn ? ` (${date(a.decidedOn)})` : ''}` : '—') },
    { title: t('awards.col.cash'), dataIndex: 'cashVnd', align: 'right' as const, render: (v: number) => (v ? vnd(v) : '—') },
    {
      title: t('awards.col.state'),
      key: 'state',
      render: (_: unknown, a: RegisterItem) =>
        a.revoked ? (
          <Tooltip title={`${a.revokeDecisionNumber ?? ''} ${a.revokeReason ?? ''}`}>
            <Tag color="red">{t('awards.revoked', { date: date(a.revokedOn) })}</Tag>
          </Tooltip>
        ) : a.can.revoke ? (
          <Button size="small" danger onClick={() => setRevoking(a)}>{t('awards.revoke.button')}</Button>
        ) : (
          <Tag color="green">{t('awards.valid')}</Tag>
        ),
    },
  ];
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <PageTitle>{t('awards.register.title')}</PageTitle>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search aria-label={t('awards.search')} placeholder={t('awards.search')} allowClear value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: narrow ? '100%' : 320 }} data-testid="awards-search" />
        <Select aria-label={t('awards.col.year')} placeholder={t('awards.col.year')} allowClear value={filter.year} onChange={(v) => set({ year: v })} options={YEARS.map((y) => ({ value: y, label: String(y) }))} style={{ width: 110 }} />
        <Select aria-label={t('awards.form')} placeholder={t('awards.form')} allowClear value={filter.form} onChange={(v) => set({ form: v })} options={forms} style={{ width: 180 }} />
        <Select aria-label={t('awards.level')} placeholder={t('awards.level')} allowClear value={filter.level} onChange={(v) => set({ level: v })} options={levels} style={{ width: 200 }} />
        <Select
          aria-label={t('awards.recipientKind')}
          placeholder={t('awards.recipientKind')}
          allowClear
          value={filter.recipientKind}
          onChange={(v) => set({ recipientKind: v })}
          options={[{ value: 'collective', label: t('awards.collective') }, { value: 'individual', label: t('awards.individual') }]}
          style={{ width: 140 }}
        />
      </Flex>
      {recipient && (
        <Tag closable onClose={() => showRecipient(null)} style={{ marginBottom: 12 }} data-testid="person-filter">
          {t('awards.person.of', { name: recipient.recipientName })}
        </Tag>
      )}
      {register.error ? (
        <PageError error={register.error} onRetry={() => void register.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={register.isLoading}
          dataSource={register.data?.items ?? []}
          columns={narrow ? columns.filter((c) => ['year', 'recipient', 'awardKindName', 'state'].includes((c as { dataIndex?: string; key?: string }).dataIndex ?? (c as { key?: string }).key ?? '')) : columns}
          scroll={{ x: narrow ? undefined : 900 }}
          locale={{ emptyText: t('awards.register.empty') }}
          pagination={{ current: filter.page, pageSize: filter.pageSize, total: register.data?.total ?? 0, showSizeChanger: false, onChange: (page) => set({ page }), showTotal: (total) => t('awards.total', { count: total }) }}
        />
      )}
      {revoking && <RevokeDialog award={revoking} onClose={() => setRevoking(null)} />}
    </Card>
  );
}
