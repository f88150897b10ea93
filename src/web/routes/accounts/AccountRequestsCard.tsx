import { Alert, Button, Card, Form, Input, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { dateTime } from '../../format.ts';
import { accountCalls, useAccountAction, usePendingRequests, type AccountRequest, type IssuedLink } from './accountsApi.ts';
import { OrganisationPicker } from './OrganisationPicker.tsx';
import { showServerError } from './serverError.ts';

/** Cooperatives that asked for an account: approve (an invitation for the organisation) or refuse with a reason. */
export function AccountRequestsCard({ onIssued }: { onIssued: (issued: IssuedLink) => void }) {
  const t = useT();
  const { data, error } = usePendingRequests();
  const approve = useAccountAction(accountCalls.approve);
  const [refusing, setRefusing] = useState<AccountRequest | null>(null);
  const [choosing, setChoosing] = useState<AccountRequest | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const items = data?.items ?? [];

  const doApprove = async (request: AccountRequest, organisationId?: string) => {
    setFailure(null);
    try {
      onIssued(await approve.mutateAsync({ id: request.id, organisationId }));
      setChoosing(null);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card title={<h2 style={{ font: 'inherit', margin: 0 }}>{t('accounts.requests.title')}</h2>} style={{ marginTop: 24 }} data-testid="account-requests">
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <List
        dataSource={items}
        locale={{ emptyText: <Typography.Text>{t('accounts.requests.none')}</Typography.Text> }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button key="approve" type="primary" size="small" loading={approve.isPending} onClick={() => (r.organisation ? void doApprove(r) : setChoosing(r))}>
                {t('accounts.requests.approve')}
              </Button>,
              <Button key="refuse" danger size="small" onClick={() => setRefusing(r)}>
                {t('accounts.requests.refuse')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={r.organisation?.name ?? t('accounts.requests.unknownOrg', { number: r.registrationNumber })}
              description={
                <Space orientation="vertical" size={0}>
                  <span>{`${t('accounts.requests.contact')}: ${r.contactName} · ${[r.phone, r.email].filter(Boolean).join(' · ')}`}</span>
                  {r.message ? <Typography.Text>{`${t('accounts.requests.message')}: ${r.message}`}</Typography.Text> : null}
                  <Typography.Text type="secondary">{dateTime(r.createdAt)}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <ChooseOrganisation request={choosing} onCancel={() => setChoosing(null)} onChoose={(r, id) => void doApprove(r, id)} busy={approve.isPending} />
      <RefuseDialog request={refusing} onClose={() => setRefusing(null)} />
    </Card>
  );
}

function ChooseOrganisation({ request, onCancel, onChoose, busy }: { request: AccountRequest | null; onCancel: () => void; onChoose: (r: AccountRequest, id: string) => void; busy: boolean }) {
  const t = useT();
  const [organisationId, setOrganisationId] = useState<string | undefined>();
  return (
    <Modal open={request !== null} title={t('accounts.requests.chooseOrg')} onCancel={onCancel} okButtonProps={{ disabled: !organisationId, loading: busy }} onOk={() => request && organisationId && onChoose(request, organisationId)} destroyOnHidden>
      <OrganisationPicker multiple={false} value={organisationId} onChange={(v) => setOrganisationId(v as string)} />
    </Modal>
  );
}

function RefuseDialog({ request, onClose }: { request: AccountRequest | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const refuse = useAccountAction(accountCalls.refuse);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ reason }: { reason: string }) => {
    try {
      await refuse.mutateAsync({ id: request!.id, reason });
      form.resetFields();
      onClose();
    } catch (e) {
      setError(showServerError(form, e, ['reason']));
    }
  };
  return (
    <Modal open={request !== null} title={t('accounts.requests.refuseTitle')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ danger: true, loading: refuse.isPending }} okText={t('accounts.requests.refuse')} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('accounts.requests.reason')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
