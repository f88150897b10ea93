import type { ApiError } from '../api/client.ts';
import { useT } from '../i18n/index.tsx';

export function Loading() {
  const t = useT();
  return (
    <p className="portal-loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A failed load: the server's message (Vietnamese), and a retry. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  const t = useT();
  return (
    <div className="portal-error" role="alert">
      <p>{error.message}</p>
      <button type="button" className="portal-button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
