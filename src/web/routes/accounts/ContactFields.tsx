import { Form, Input } from 'antd';
import { useT } from '../../i18n/index.tsx';

/** A person's ways to be reached and named: email, phone (either is the login) and display name. */
export function ContactFields() {
  const t = useT();
  return (
    <>
      <Form.Item name="email" label={t('accounts.form.email')}>
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('accounts.form.phone')}>
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('accounts.form.name')}>
        <Input autoComplete="off" />
      </Form.Item>
    </>
  );
}
