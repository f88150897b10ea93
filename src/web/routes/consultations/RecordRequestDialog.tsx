import { useQuery } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, type ApiError } from '../../api/client.ts';
import type { OrganisationListItem } from '../../api/types.ts';
import { FormField } from '../../components/FormField.tsx';
import { useT } from '../../i18n/index.tsx';
import { CONSULTATION_CHANNELS, CONSULTATION_TOPICS, useRecordRequest } from './consultationsApi.ts';
import { useConsultationLabels } from './labels.ts';

/** Staff record a cooperative's request received at a conference, a visit, by phone; then open it. */
export function RecordRequestDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const labels = useConsultationLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const record = useRecordRequest();
  const [q, setQ] = useState('');
  const [values, setValues] = useState({ organisationId: '', topic: '', description: '', channel: '' });
  const [missing, setMissing] = useState<string | null>(null);
  const organisations = useQuery({ queryKey: ['consultations', 'organisations', q], queryFn: () => api.get<{ items: OrganisationListItem[] }>('/api/cooperatives', { q, pageSize: 20 }) });
  const error = record.error as ApiError | null;
  const set = (changes: Partial<typeof values>) => setValues((v) => ({ ...v, ...changes }));
  const required: Array<[keyof typeof values, string]> = [
    ['organisationId', t('consultations.organisation')],
    ['topic', t('consultations.topic')],
    ['channel', t('consultations.channel')],
    ['description', t('consultations.description')],
  ];
  const save = () => {
    const empty = required.find(([key]) => !values[key].trim());
    if (empty) return setMissing(empty[0]);
    setMissing(null);
    record.mutate(values, {
      onSuccess: (created) => {
        void message.success(t('consultations.recorded'));
        onClose();
        navigate(`/consultations/${created.id}`);
      },
    });
  };
  const fieldError = (key: keyof typeof values) => {
    if (missing === key) return t('consultations.required', { field: required.find(([k]) => k === key)![1].toLowerCase() });
    return error?.field === key ? error.message : undefined;
  };
  return (
    <Modal open title={t('consultations.recordTitle')} onCancel={onClose} onOk={save} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={record.isPending} width={600} destroyOnHidden>
      <Form layout="vertical" component="div">
        <FormField label={t('consultations.organisation')} htmlFor="record-organisation" required error={fieldError('organisationId')}>
          <Select
            id="record-organisation"
            showSearch
            filterOption={false}
            onSearch={setQ}
            value={values.organisationId || undefined}
            placeholder={t('consultations.organisationSearch')}
            onChange={(organisationId: string) => set({ organisationId })}
            loading={organisations.isFetching}
            options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            data-testid="record-organisation"
          />
        </FormField>
        <FormField label={t('consultations.topic')} htmlFor="record-topic" required error={fieldError('topic')}>
          <Select id="record-topic" value={values.topic || undefined} onChange={(topic: string) => set({ topic })} options={CONSULTATION_TOPICS.map((k) => ({ value: k, label: labels.topic(k) }))} data-testid="record-topic" />
        </FormField>
        <FormField label={t('consultations.channel')} htmlFor="record-channel" required error={fieldError('channel')}>
          <Select id="record-channel" value={values.channel || undefined} onChange={(channel: string) => set({ channel })} options={CONSULTATION_CHANNELS.map((k) => ({ value: k, label: labels.channel(k) }))} data-testid="record-channel" />
        </FormField>
        <FormField label={t('consultations.description')} htmlFor="record-description" required error={fieldError('description')}>
          <Input.TextArea id="record-description" value={values.description} maxLength={5000} autoSize={{ minRows: 3 }} onChange={(e) => set({ description: e.target.value })} />
        </FormField>
      </Form>
      {error && !error.field && <Alert type="error" showIcon title={error.message} />}
    </Modal>
  );
}
