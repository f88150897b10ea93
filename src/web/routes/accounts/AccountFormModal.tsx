import { ContactFields } from './ContactFields.tsx';
import { Alert, Checkbox, Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useCommunes } from '../../reference/reference.ts';
import { useSession } from '../../session/session.ts';
import { accountCalls, cleanInput, useAccountAction, type Account, type AccountInput, type IssuedLink } from './accountsApi.ts';
import { OrganisationPicker } from './OrganisationPicker.tsx';
import { showServerError } from './serverError.ts';

/** The roles an alliance administrator gives, by their Vietnamese names (national accounts stay on the command line). */
export const ROLE_OPTIONS: Record<string, [vi: string, en: string]> = {
  alliance_admin: ['Quản trị Liên minh', 'Alliance administrator'],
  alliance_staff: ['Cán bộ Liên minh', 'Alliance staff'],
  fund_officer: ['Cán bộ Quỹ hỗ trợ', 'Support fund officer'],
  commune_officer: ['Cán bộ cấp xã', 'Commune officer'],
  coop_manager: ['Quản lý HTX', 'Cooperative manager'],
};
const FIELDS = ['email', 'phone', 'displayName', 'role', 'organisationIds', 'communeCode', 'portalEditor'] as const;

/** Creates an account (then shows its one-time link) or edits one: contact, role and reach. */
export function AccountFormModal({ open, account, onClose, onIssued }: { open: boolean; account: Account | null; onClose: () => void; onIssued: (issued: IssuedLink) => void }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const communes = useCommunes(user?.tenantId);
  const [form] = Form.useForm<AccountInput>();
  const role = Form.useWatch('role', form);
  const [error, setError] = useState<string | null>(null);
  const create = useAccountAction(accountCalls.create);
  const update = useAccountAction(accountCalls.update);
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      account
        ? { email: account.email ?? '', phone: account.phone ?? '', displayName: account.displayName ?? '', role: account.role, organisationIds: account.organisations.map((o) => o.id), communeCode: account.communeCode ?? undefined, portalEditor: account.portalEditor === true }
        : { role: 'alliance_staff' },
    );
  }, [open, account, form]);

  const submit = async (values: AccountInput) => {
    setError(null);
    const input = cleanInput({ ...values, organisationIds: values.role === 'coop_manager' ? values.organisationIds : undefined, communeCode: values.role === 'commune_officer' ? values.communeCode : undefined });
    // The flag is the staff's alone (an administrator always publishes); false must reach the server to clear it.
    if (account && values.role === 'alliance_staff') input.portalEditor = values.portalEditor === true;
    try {
      if (account) {
        await update.mutateAsync({ id: account.id, ...input });
        onClose();
      } else {
        const created = await create.mutateAsync(input);
        onClose();
        onIssued(created);
      }
    } catch (e) {
      setError(showServerError(form, e, FIELDS));
    }
  };

  return (
    <Modal
      open={open}
      title={account ? t('accounts.form.editTitle') : t('accounts.form.createTitle')}
      okText={account ? t('accounts.form.submitEdit') : t('accounts.form.submitCreate')}
      cancelText={t('accounts.form.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="account-form">
        <Alert type="info" showIcon title={t('accounts.form.contactHint')} style={{ marginBottom: 16 }} />
        <ContactFields />
        <Form.Item name="role" label={t('accounts.form.role')}>
          <Select options={Object.entries(ROLE_OPTIONS).map(([value, [vi, en]]) => ({ value, label: lang === 'en' ? en : vi }))} />
        </Form.Item>
        {role === 'coop_manager' ? (
          <Form.Item name="organisationIds" label={t('accounts.form.organisations')}>
            <OrganisationPicker known={account?.organisations ?? []} />
          </Form.Item>
        ) : null}
        {role === 'commune_officer' ? (
          <Form.Item name="communeCode" label={t('accounts.form.commune')}>
            <Select showSearch optionFilterProp="label" loading={communes.isLoading} options={(communes.data ?? []).map((c) => ({ value: c.code, label: c.name }))} data-testid="commune-picker" />
          </Form.Item>
        ) : null}
        {account && role === 'alliance_staff' ? (
          <Form.Item name="portalEditor" valuePropName="checked" extra={lang === 'en' ? 'Publishes, schedules and unpublishes portal articles (every staff member writes and submits them).' : 'Đăng, hẹn giờ đăng và gỡ bài trên cổng thông tin (mọi cán bộ đều viết và gửi duyệt được).'}>
            <Checkbox data-testid="portal-editor">{lang === 'en' ? 'May publish on the public portal' : 'Được đăng bài lên cổng thông tin'}</Checkbox>
          </Form.Item>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
