import { AlertOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { toApiError } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';

type Created = { id?: string; items?: { id: string }[] };

/**
 * "Tạo kiến nghị từ báo cáo": the annual update's difficulties text becomes a difficulty (once; a second click
 * opens the one already made, whose id the server's 409 names).
 */
export function FromUpdateButton({ updateId }: { updateId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/difficulties/from-update', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ updateId }),
      });
      const text = await response.text();
      if (response.ok) {
        const body = JSON.parse(text) as Created;
        const id = body.items?.[0]?.id ?? body.id;
        void client.invalidateQueries({ queryKey: ['difficulties'] });
        void message.success(t('dif.fromUpdate.done'));
        if (id) navigate(`/difficulties/${id}`);
        return;
      }
      const existingId = response.status === 409 ? (JSON.parse(text) as { existingId?: string }).existingId : undefined;
      if (existingId) {
        void message.info((await toApiError(response.status, text)).message);
        navigate(`/difficulties/${existingId}`);
        return;
      }
      setError((await toApiError(response.status, text)).message);
    } catch {
      setError((await toApiError(0, '')).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={8}>
      <Button icon={<AlertOutlined />} onClick={() => void create()} loading={busy} data-testid="difficulty-from-update">{t('dif.fromUpdate')}</Button>
      {error && <Alert type="error" showIcon title={error} />}
    </Flex>
  );
}
