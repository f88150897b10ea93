import { Alert, Form, Input, Modal, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/index.tsx';
import { useCategoryMutations, type Category } from '../articles/articlesApi.ts';

/** Creating a category, or renaming one and changing its description and place in the menu. */
export function CategoryDialog({ category, onClose }: { category: Category | 'new' | null; onClose: () => void }) {
  const t = useT();
  const { create, update } = useCategoryMutations();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [inMenu, setInMenu] = useState(true);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const existing = category && category !== 'new' ? category : null;

  useEffect(() => {
    setName(existing?.name ?? '');
    setDescription(existing?.description ?? '');
    setInMenu(existing?.inMenu ?? true);
    setError(null);
  }, [category, existing]);

  const submit = () => {
    if (!name.trim()) return setError({ field: 'name', message: t('portal.cat.nameMissing') });
    const input = { name: name.trim(), description: description.trim() || null, inMenu };
    const done = { onSuccess: onClose, onError: (e: Error) => setError({ field: e instanceof ApiError ? e.field : undefined, message: e.message }) };
    if (existing) update.mutate({ id: existing.id, ...input }, done);
    else create.mutate(input, done);
  };

  return (
    <Modal
      open={category !== null}
      title={existing ? t('portal.cat.edit') : t('portal.cat.new')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('portal.cat.name')} htmlFor="category-name" required {...(error?.field === 'name' ? { validateStatus: 'error', help: error.message } : {})}>
          <Input id="category-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} data-testid="category-name" />
        </Form.Item>
        <Form.Item label={t('portal.cat.description')} htmlFor="category-description" {...(error?.field === 'description' ? { validateStatus: 'error', help: error.message } : {})}>
          <Input.TextArea id="category-description" value={description} onChange={(e) => setDescription(e.target.value)} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        <Form.Item label={t('portal.cat.inMenu')} htmlFor="category-in-menu">
          <Switch id="category-in-menu" checked={inMenu} onChange={setInMenu} />
        </Form.Item>
      </Form>
      {error && error.field !== 'name' && error.field !== 'description' && <Alert type="error" showIcon role="alert" title={error.message} />}
    </Modal>
  );
}
