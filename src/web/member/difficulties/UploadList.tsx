import { formatSize } from './labels.ts';
import type { Upload } from './useUploads.ts';

const STATUS: Record<Upload['status'], string> = {
  waiting: 'Chờ gửi',
  shrinking: 'Đang thu nhỏ ảnh…',
  uploading: 'Đang gửi',
  processing: 'Máy chủ đang kiểm tra tệp…',
  done: 'Đã gửi',
  failed: 'Chưa gửi được',
};

/** The chosen files, each with where its upload is, the server's message when refused, and a retry. */
export function UploadList({ uploads, onRetry, onRemove }: { uploads: Upload[]; onRetry(key: string): void; onRemove?(key: string): void }) {
  if (!uploads.length) return null;
  return (
    <ul className="d-files" data-testid="upload-list">
      {uploads.map((u) => (
        <li key={u.key} className={`d-file d-file-${u.status}`} data-testid="upload-item" data-status={u.status}>
          <div className="d-file-head">
            <span className="d-file-name">{u.name}</span>
            <span className="m-muted">{formatSize(u.size)}</span>
          </div>
          <div className="d-file-status" aria-live="polite">
            <span data-testid="upload-status">
              {STATUS[u.status]}
              {u.status === 'uploading' ? ` ${u.percent}%` : ''}
            </span>
            {(u.status === 'uploading' || u.status === 'processing') && (
              <progress max={100} value={u.percent} aria-label={`Tiến độ gửi tệp ${u.name}`} />
            )}
          </div>
          {u.error && (
            <p className="m-field-error" role="alert" data-testid="upload-error">
              {u.error}
            </p>
          )}
          <div className="d-file-actions">
            {u.status === 'failed' && (
              <button type="button" className="m-button m-button-small" onClick={() => onRetry(u.key)} data-testid="upload-retry">
                Gửi lại
              </button>
            )}
            {onRemove && (u.status === 'waiting' || u.status === 'failed') && (
              <button type="button" className="m-button m-button-small" onClick={() => onRemove(u.key)}>
                Bỏ tệp này
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
