import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { dateTime } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { AccountFormModal } from './AccountFormModal.tsx';
import { AccountRequestsCard } from './AccountRequestsCard.tsx';
import { accountCalls, useAccountAction, useAccounts, type Account, type IssuedLink } from './accountsApi.ts';
import { LinkDialog } from './LinkDialog.tsx';

const STATE_COLORS = { invited: 'gold', active: 'green', disabled: 'default' } as const;

/** /accounts — the alliance's accounts (its administrator): invite, disable, change role and reach, links. */
export default function AccountsPage() {
  const t = useT();
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const { data, error, isLoading, refetch } = useAccounts();
  const [editing, setEditing] = useState<Account | null | 'new'>(null);
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const disable = useAccountAction(accountCalls.disable);
  const enable = useAccountAction(accountCalls.enable);
  const resend = useAccountAction(accountCalls.resend);
  const resetLink = useAccountAction(accountCalls.resetLink);

  if (isLoading) return <PageLoading />;
  if (error) return <PageError error={error} onRetry={() => void refetch()} />;

  const run = async <O,>(call: Promise<O>, then: (o: O) => void) => {
    setFailure(null);
    try {
      then(await call);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };
  const who = (a: Account) => a.displayName ?? a.email ?? a.phone ?? '';

  const columns = [
    {
      title: t('accounts.col.who'),
      key: 'who',
      render: (_: unknown, a: Account) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{who(a)}</Typography.Text>
          <Typography.Text type="secondary">{[a.email, a.phone].filter(Boolean).join(' · ')}</Typography.Text>
        </Space>
      ),
    },
    { title: t('accounts.col.role'), dataIndex: 'roleLabel', key: 'role' },
    {
      title: t('accounts.col.scope'),
      key: 'scope',
      render: (_: unknown, a: Account) => (a.role === 'coop_manager' ? a.organisations.map((o) => o.name).join(', ') : a.role === 'commune_officer' ? (a.communeName ?? a.communeCode) : t('accounts.scope.alliance')),
    },
    { title: t('accounts.col.state'), key: 'state', render: (_: unknown, a: Account) => <Tag color={STATE_COLORS[a.state]}>{t(`accounts.state.${a.state}`)}</Tag> },
    { title: t('accounts.col.lastLogin'), key: 'lastLogin', render: (_: unknown, a: Account) => (a.lastLoginAt ? dateTime(a.lastLoginAt) : t('accounts.never')) },
    {
      title: t('accounts.col.actions'),
      key: 'actions',
      render: (_: unknown, a: Account) => (
        <Space wrap size="small">
          {a.can.edit ? <Button size="small" onClick={() => setEditing(a)}>{t('accounts.edit')}</Button> : null}
          {a.can.resendInvite ? <Button size="small" onClick={() => void run(resend.mutateAsync(a.id), setIssued)}>{t('accounts.resend')}</Button> : null}
          {a.can.resetLink ? <Button size="small" onClick={() => void run(resetLink.mutateAsync(a.id), setIssued)}>{t('accounts.resetLink')}</Button> : null}
          {a.can.disable ? (
            <Popconfirm title={t('accounts.disableConfirm', { who: who(a) })} okButtonProps={{ danger: true }} okText={t('accounts.disable')} cancelText={t('accounts.form.cancel')} onConfirm={() => run(disable.mutateAsync(a.id), () => message.success(t('accounts.disabled')))}>
              <Button size="small" danger>{t('accounts.disable')}</Button>
            </Popconfirm>
          ) : null}
          {a.can.enable ? (
            <Popconfirm title={t('accounts.enableConfirm', { who: who(a) })} okText={t('accounts.enable')} cancelText={t('accounts.form.cancel')} onConfirm={() => run(enable.mutateAsync(a.id), () => message.success(t('accounts.enabled')))}>
              <Button size="small">{t('accounts.enable')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageTitle>{t('accounts.title')}</PageTitle>
      <Typography.Paragraph>{t('accounts.intro')}</Typography.Paragraph>
      <Alert type={data?.mailConfigured ? 'success' : 'info'} showIcon title={data?.mailConfigured ? t('accounts.mail.on') : t('accounts.mail.off')} style={{ marginBottom: 16 }} />
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 16 }} data-testid="create-account">
        {t('accounts.create')}
      </Button>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} closable onClose={() => setFailure(null)} /> : null}
      <Table rowKey="id" columns={columns} dataSource={data?.items ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={narrow ? { x: 900 } : undefined} size="middle" data-testid="accounts-table" />
      <AccountRequestsCard onIssued={setIssued} />
      <AccountFormModal open={editing !== null} account={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onIssued={setIssued} />
      <LinkDialog issued={issued} onClose={() => setIssued(null)} />
    </div>
  );
}
