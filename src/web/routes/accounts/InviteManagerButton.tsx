import { ContactFields } from './ContactFields.tsx';
import { UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.ts';
import { accountCalls, cleanInput, useAccountAction, type IssuedLink } from './accountsApi.ts';
import { LinkDialog } from './LinkDialog.tsx';
import { showServerError } from './serverError.ts';

type Values = { email?: string; phone?: string; displayName?: string };

/** "Mời người quản lý" on an organisation's page (staff who may invite, by /api/auth/me): an invitation, or the organisation added to the manager's account. */
export function InviteManagerButton({ organisation }: { organisation: { id: string; name: string; email?: string | null; phone?: string | null; representative?: string | null } }) {
  const t = useT();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const invite = useAccountAction(accountCalls.inviteManager);
  if (!user?.can.inviteManagers) return null;
  const submit = async (values: Values) => {
    setError(null);
    try {
      const answer = await invite.mutateAsync({ organisationId: organisation.id, ...cleanInput(values) });
      setOpen(false);
      setIssued(answer);
    } catch (e) {
      setError(showServerError(form, e, ['email', 'phone', 'displayName']));
    }
  };
  return (
    <>
      <Button
        icon={<UserAddOutlined />}
        onClick={() => {
          form.setFieldsValue({ email: organisation.email ?? '', phone: organisation.phone ?? '', displayName: organisation.representative ?? '' });
          setError(null);
          setOpen(true);
        }}
        data-testid="invite-manager"
      >
        {t('accounts.invite.button')}
      </Button>
      <Modal open={open} title={t('accounts.invite.title', { name: organisation.name })} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('accounts.invite.submit')} cancelText={t('accounts.form.cancel')} confirmLoading={invite.isPending}>
        <Typography.Paragraph>{t('accounts.invite.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit}>
          <ContactFields />
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </Form>
      </Modal>
      <LinkDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
