import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/index.tsx';
import { showServerError } from './serverError.ts';

type Values = { current: string; next: string; confirm: string };

/** /account/password — every user changes their own password; their other sessions end. */
export default function PasswordPage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ current, next }: Values) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const answer = await api.post<{ message?: string }>('/api/auth/password', { current, next });
      form.resetFields();
      setDone(answer.message ?? t('password.done'));
    } catch (e) {
      setError(showServerError(form, e, ['current', 'next']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 520 }}>
      <PageTitle>{t('password.title')}</PageTitle>
      <Typography.Paragraph>{t('password.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="password-form">
        <Form.Item name="current" label={t('password.current')} rules={[{ required: true, message: t('password.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="next" label={t('password.next')} rules={[{ min: 10, required: true, message: t('password.tooShort') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['next']}
          rules={[({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))) })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        {done ? <Alert type="success" showIcon title={done} style={{ marginBottom: 16 }} data-testid="password-done" /> : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
