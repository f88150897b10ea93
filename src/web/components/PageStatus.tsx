import { Button, Result, Spin } from 'antd';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/index.tsx';

export function PageLoading() {
  const t = useT();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={t('common.loading')} />
    </div>
  );
}

/** A failed load: the server's message (Vietnamese), and a retry when it may help. */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const status = error instanceof ApiError ? error.status : 500;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 403) return <NotAllowedPage />;
  const resultStatus = status === 404 ? '404' : 'error';
  return (
    <Result
      status={resultStatus}
      title={message}
      extra={onRetry && status >= 500 ? <Button onClick={onRetry}>{t('common.retry')}</Button> : <Link to="/">{t('common.home')}</Link>}
    />
  );
}

/** A page the user's role may not open: said in words, with the way back (never a bare "403"). */
export function NotAllowedPage() {
  const t = useT();
  return <Result status="403" title={t('common.notAllowed')} subTitle={t('common.notAllowedHint')} extra={<Link to="/">{t('common.home')}</Link>} />;
}

export function NotFoundPage() {
  const t = useT();
  return <Result status="404" title={t('common.notFound')} extra={<Link to="/">{t('common.home')}</Link>} />;
}
