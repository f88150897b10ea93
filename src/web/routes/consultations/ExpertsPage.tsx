import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { PageError } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useT } from '../../i18n/index.tsx';
import { CONSULTATION_TOPICS, useCreateExpert, useExperts, useUpdateExpert, type Expert, type ExpertInput } from './consultationsApi.ts';
import { useConsultationLabels } from './labels.ts';

/** The alliance's roster of experts: add, edit, stop (no longer offered for new assignments) or restore. */
export default function ExpertsPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const labels = useConsultationLabels();
  const experts = useExperts();
  const update = useUpdateExpert();
  const [editing, setEditing] = useState<Expert | 'new' | null>(null);
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <PageTitle style={{ marginBottom: 0 }}>{t('experts.title')}</PageTitle>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="expert-add">
          {t('experts.add')}
        </Button>
      </Flex>
      {update.error && <Alert type="error" showIcon title={update.error.message} style={{ marginBottom: 12 }} />}
      {experts.error ? (
        <PageError error={experts.error} onRetry={() => void experts.refetch()} />
      ) : (
        <Table<Expert>
          rowKey="id"
          size={narrow ? 'small' : 'middle'}
          loading={experts.isLoading}
          dataSource={experts.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('experts.empty') }}
          onRow={(e) => ({ 'data-testid': `expert-row-${e.name}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('experts.name'),
              key: 'name',
              render: (_, e) => (
                <div style={{ minWidth: 150, maxWidth: narrow ? 200 : 320, whiteSpace: 'normal' }}>
                  <Typography.Text strong>{e.name}</Typography.Text>
                  {e.organisation && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{e.organisation}</Typography.Text>}
                  {!e.active && <Tag style={{ marginTop: 4 }}>{t('experts.inactive')}</Tag>}
                </div>
              ),
            },
            { title: t('experts.fields'), key: 'fields', render: (_, e) => <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>{e.fields.map((f) => <Tag key={f}>{labels.topic(f)}</Tag>)}</div> },
            { title: t('consultations.detail.contact'), key: 'contact', render: (_, e) => <div style={{ whiteSpace: 'normal' }}>{[e.phone, e.email].filter(Boolean).join(' · ') || t('common.none')}</div> },
            {
              title: '',
              key: 'actions',
              render: (_, e) => (
                <Space wrap>
                  <Button size="small" onClick={() => setEditing(e)}>{t('common.edit')}</Button>
                  <Button size="small" loading={update.isPending && update.variables?.id === e.id} onClick={() => update.mutate({ id: e.id, active: !e.active })}>
                    {e.active ? t('experts.deactivate') : t('experts.reactivate')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing && <ExpertDialog expert={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

/** Adding or editing one expert; the server's message is shown under the field it names. */
function ExpertDialog({ expert, onClose }: { expert: Expert | null; onClose(): void }) {
  const t = useT();
  const labels = useConsultationLabels();
  const { message } = App.useApp();
  const create = useCreateExpert();
  const update = useUpdateExpert();
  const [values, setValues] = useState<ExpertInput>({ name: expert?.name ?? '', fields: expert?.fields ?? [], organisation: expert?.organisation ?? '', phone: expert?.phone ?? '', email: expert?.email ?? '', note: expert?.note ?? '' });
  const [missing, setMissing] = useState<string | null>(null);
  const saving = create.isPending || update.isPending;
  const error = (create.error ?? update.error) as ApiError | null;
  const set = (changes: Partial<ExpertInput>) => setValues((v) => ({ ...v, ...changes }));
  const save = () => {
    if (!values.name.trim()) return setMissing('name');
    if (values.fields.length === 0) return setMissing('fields');
    setMissing(null);
    const done = () => {
      void message.success(t('experts.saved'));
      onClose();
    };
    if (expert) update.mutate({ id: expert.id, ...values }, { onSuccess: done });
    else create.mutate(values, { onSuccess: done });
  };
  const fieldError = (field: string, label: string) =>
    missing === field ? t('consultations.required', { field: label.toLowerCase() }) : error?.field === field ? error.message : undefined;
  return (
    <Modal open title={expert ? t('experts.edit') : t('experts.add')} onCancel={onClose} onOk={save} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving} width={560} destroyOnHidden>
      <Form layout="vertical" component="div">
        <FormField label={t('experts.name')} htmlFor="expert-name" required error={fieldError('name', t('experts.name'))}>
          <Input id="expert-name" value={values.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} />
        </FormField>
        <FormField label={t('experts.fields')} htmlFor="expert-fields" required error={fieldError('fields', t('experts.fields'))}>
          <Select id="expert-fields" mode="multiple" value={values.fields} onChange={(fields: string[]) => set({ fields })} options={CONSULTATION_TOPICS.map((k) => ({ value: k, label: labels.topic(k) }))} data-testid="expert-fields" />
        </FormField>
        <FormField label={t('experts.organisation')} htmlFor="expert-organisation">
          <Input id="expert-organisation" value={values.organisation ?? ''} maxLength={300} onChange={(e) => set({ organisation: e.target.value })} />
        </FormField>
        <FormField label={t('experts.phone')} htmlFor="expert-phone" error={fieldError('phone', t('experts.phone'))}>
          <Input id="expert-phone" type="tel" value={values.phone ?? ''} maxLength={30} onChange={(e) => set({ phone: e.target.value })} />
        </FormField>
        <FormField label={t('experts.email')} htmlFor="expert-email" error={fieldError('email', t('experts.email'))}>
          <Input id="expert-email" type="email" value={values.email ?? ''} maxLength={200} onChange={(e) => set({ email: e.target.value })} />
        </FormField>
        <FormField label={t('experts.note')} htmlFor="expert-note">
          <Input.TextArea id="expert-note" value={values.note ?? ''} maxLength={2000} autoSize={{ minRows: 2 }} onChange={(e) => set({ note: e.target.value })} />
        </FormField>
      </Form>
      {error && !error.field && <Alert type="error" showIcon title={error.message} />}
    </Modal>
  );
}
