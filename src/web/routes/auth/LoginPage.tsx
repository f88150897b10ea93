import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Form, Input } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { FormField } from '../../components/FormField.tsx';
import { PageLoading } from '../../components/PageStatus.tsx';
import { useGo } from '../../components/portalPaths.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { useLogin, useSession } from '../../session/session.ts';

// Messages are dictionary keys, translated when shown, so the schema needs no language.
const Credentials = z.object({
  email: z.string().trim().email('login.emailInvalid' satisfies MessageKey),
  password: z.string().min(1, 'login.passwordRequired' satisfies MessageKey),
});
type Credentials = z.infer<typeof Credentials>;

/**
 * Where to go after logging in: only a path of this site (never an outside address). Checked the way the browser
 * reads it, since "/\\evil.example" and "/<tab>/evil.example" both mean //evil.example to a URL parser.
 */
function safeNext(next: string | null): string {
  if (!next?.startsWith('/')) return '/registry';
  const url = new URL(next, window.location.origin);
  return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : '/registry';
}

/** Already signed in: straight on to where the login was asked from. */
function Onward({ to }: { to: string }) {
  const go = useGo();
  useEffect(() => go(to, { replace: true }), [go, to]);
  return <PageLoading />;
}

export default function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const go = useGo();
  const { user } = useSession();
  const login = useLogin();
  const { control, handleSubmit, formState: { errors } } = useForm<Credentials>({
    resolver: zodResolver(Credentials),
    defaultValues: { email: '', password: '' },
  });
  if (user && !login.isPending) return <Onward to={safeNext(params.get('next'))} />;
  const errorOf = (message: string | undefined) => (message ? t(message as MessageKey) : undefined);

  return (
    <Card title={t('login.title')} style={{ maxWidth: 400, margin: '24px auto' }}>
      {login.error && <Alert type="error" title={login.error.message} showIcon style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form layout="vertical" component="div">
        <form onSubmit={handleSubmit((values) => login.mutate(values, { onSuccess: () => go(safeNext(params.get('next')), { replace: true }) }))} noValidate>
          <FormField label={t('login.email')} htmlFor="email" error={errorOf(errors.email?.message)}>
            <Controller name="email" control={control} render={({ field }) => <Input {...field} id="email" type="email" autoComplete="username" inputMode="email" />} />
          </FormField>
          <FormField label={t('login.password')} htmlFor="password" error={errorOf(errors.password?.message)}>
            <Controller name="password" control={control} render={({ field }) => <Input.Password {...field} id="password" autoComplete="current-password" />} />
          </FormField>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </form>
      </Form>
    </Card>
  );
}
