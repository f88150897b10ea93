import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { dateTime } from '../../format.ts';
import type { IssuedLink } from './accountsApi.ts';

/** A one-time link, shown once, with a copy button; says whether it was also mailed. */
export function LinkDialog({ issued, title, onClose }: { issued: IssuedLink | null; title?: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const link = issued?.link ?? null;
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      message.success(t('accounts.link.copied'));
    } catch {
      // No clipboard (plain HTTP on a LAN): the field is selected, the user copies it by hand.
      (document.getElementById('one-time-link') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <Modal open={issued !== null} title={title ?? t('accounts.link.title')} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('accounts.link.close')}</Button>} destroyOnHidden>
      {link ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('accounts.link.once')}</Typography.Paragraph>
          <Space.Compact style={{ width: '100%' }}>
            <Input id="one-time-link" readOnly value={link} aria-label={t('accounts.link.title')} data-testid="one-time-link" onFocus={(e) => e.target.select()} />
            <Button icon={<CopyOutlined />} onClick={copy} data-testid="copy-link">
              {t('accounts.link.copy')}
            </Button>
          </Space.Compact>
          {issued?.expiresAt ? <Typography.Text>{t('accounts.link.expires', { when: dateTime(issued.expiresAt) })}</Typography.Text> : null}
          {issued?.emailed ? <Alert type="success" showIcon title={t('accounts.link.emailed')} /> : null}
        </Space>
      ) : (
        <Alert type="success" showIcon title={t('accounts.invite.added')} />
      )}
    </Modal>
  );
}
