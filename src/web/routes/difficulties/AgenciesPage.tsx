import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { PageError } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useT } from '../../i18n/index.tsx';
import { useAddDefaultAgencies, useAgencies, useSaveAgency, type Agency } from './difficultiesApi.ts';
import { EmptyText, useWord, useWordOptions } from './labels.tsx';

/** Adds or edits one agency. */
function AgencyDialog({ agency, onClose }: { agency: Agency | null; onClose(): void }) {
  const t = useT();
  const options = useWordOptions();
  const { message } = App.useApp();
  const save = useSaveAgency();
  const [name, setName] = useState(agency?.name ?? '');
  const [shortName, setShortName] = useState(agency?.shortName ?? '');
  const [kind, setKind] = useState(agency?.kind ?? 'department');
  const [address, setAddress] = useState(agency?.address ?? '');
  const [email, setEmail] = useState(agency?.email ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    setFormError(null);
    if (!name.trim()) return setErrors({ name: t('agency.nameRequired') });
    setErrors({});
    try {
      await save.mutateAsync({ id: agency?.id, name: name.trim(), shortName: shortName.trim() || null, kind, address: address.trim() || null, email: email.trim() || null });
      void message.success(t('agency.saved'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
      else setFormError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Modal open title={agency ? t('agency.edit') : t('agency.add')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose} confirmLoading={save.isPending}>
      <Form layout="vertical" component="div">
        <FormField label={t('agency.name')} htmlFor="agency-name" error={errors.name} required>
          <Input id="agency-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={300} />
        </FormField>
        <FormField label={t('agency.shortName')} htmlFor="agency-short" error={errors.shortName}>
          <Input id="agency-short" value={shortName} onChange={(e) => setShortName(e.target.value)} maxLength={100} />
        </FormField>
        <FormField label={t('agency.kind')} htmlFor="agency-kind" error={errors.kind} required>
          <Select id="agency-kind" value={kind} onChange={setKind} options={options('agencyKind')} />
        </FormField>
        <FormField label={t('agency.address')} htmlFor="agency-address" error={errors.address}>
          <Input id="agency-address" value={address} onChange={(e) => setAddress(e.target.value)} maxLength={500} />
        </FormField>
        <FormField label={t('agency.email')} htmlFor="agency-email" error={errors.email}>
          <Input id="agency-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={200} />
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}

/** The agencies the alliance forwards to: add, edit, stop using (kept for the letters already sent); the usual list in one step. */
export default function AgenciesPage() {
  const t = useT();
  const word = useWord();
  const narrow = useIsNarrow();
  const { message } = App.useApp();
  const list = useAgencies(true, true);
  const defaults = useAddDefaultAgencies();
  const toggle = useSaveAgency();
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const items = list.data?.items ?? [];
  const addDefaults = () =>
    defaults.mutate(undefined, {
      onSuccess: (result) => void message.success(t('agency.defaultsAdded', { count: result.added ?? result.items?.length ?? 0 })),
    });
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <PageTitle>{t('agency.title')}</PageTitle>
        <Flex wrap gap={8}>
          {list.data && items.length === 0 && <Button onClick={addDefaults} loading={defaults.isPending} data-testid="agency-defaults">{t('agency.defaults')}</Button>}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="agency-add">{t('agency.add')}</Button>
        </Flex>
      </Flex>
      {defaults.error && <Alert type="error" showIcon title={defaults.error.message} style={{ marginBottom: 12 }} />}
      {toggle.error && <Alert type="error" showIcon title={toggle.error.message} style={{ marginBottom: 12 }} />}
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Agency>
          rowKey="id"
          size={narrow ? 'small' : 'middle'}
          loading={list.isLoading}
          dataSource={items}
          locale={{ emptyText: <EmptyText>{t('agency.empty')}</EmptyText> }}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, simple: narrow }}
          onRow={(a) => ({ 'data-testid': `agency-row-${a.shortName ?? a.name}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('agency.name'),
              key: 'name',
              render: (_, a) => (
                <div style={{ minWidth: narrow ? 160 : 240, maxWidth: narrow ? 210 : 420, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                  {a.name}
                  {a.shortName && <span style={{ display: 'block', fontSize: 12, color: '#595959' }}>{a.shortName}</span>}
                </div>
              ),
            },
            ...(narrow ? [] : [{ title: t('agency.kind'), key: 'kind', render: (_: unknown, a: Agency) => word('agencyKind', a.kind) }]),
            { title: t('dif.state'), key: 'active', render: (_, a) => (a.active ? <Tag color="green">{t('agency.active')}</Tag> : <Tag>{t('agency.inactive')}</Tag>) },
            {
              title: t('agency.actions'),
              key: 'actions',
              render: (_, a) => (
                <Flex gap={4} wrap>
                  <Button size="small" icon={<EditOutlined />} aria-label={`${t('agency.edit')}: ${a.name}`} onClick={() => setEditing(a)} />
                  <Button size="small" onClick={() => toggle.mutate({ id: a.id, active: !a.active })}>{a.active ? t('agency.deactivate') : t('agency.activate')}</Button>
                </Flex>
              ),
            },
          ]}
        />
      )}
      {editing && <AgencyDialog agency={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
