import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { FormField } from '../../components/FormField.tsx';
import { useT } from '../../i18n/index.tsx';
import { ApiError } from '../../api/client.ts';
import { useAgencies, useCreateRecommendation, type DifficultyItem } from './difficultiesApi.ts';
import { useWordOptions } from './labels.tsx';

/** Groups the selected difficulties into a recommendation draft (subject, category, agency) and opens it. */
export function GroupDialog({ difficulties, onClose }: { difficulties: DifficultyItem[]; onClose(): void }) {
  const t = useT();
  const options = useWordOptions();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const create = useCreateRecommendation();
  const [subject, setSubject] = useState('');
  const [category, setCategory] = useState(difficulties[0]?.category ?? 'other');
  const [agencyId, setAgencyId] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async () => {
    if (!subject.trim()) return setErrors({ subject: t('dif.new.fieldRequired', { field: t('rec.subject').toLowerCase() }) });
    try {
      const draft = await create.mutateAsync({ subject: subject.trim(), category, agencyId, difficultyIds: difficulties.map((d) => d.id) });
      onClose();
      navigate(`/recommendations/${draft.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
      else setFormError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Modal open title={t('dif.list.groupTitle', { count: difficulties.length })} okText={t('dif.list.group')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose} confirmLoading={create.isPending}>
      <Form layout="vertical" component="div">
        <ul style={{ paddingInlineStart: 20, marginTop: 0 }}>
          {difficulties.map((d) => <li key={d.id}>{d.code} · {d.organisation.name}: {d.title}</li>)}
        </ul>
        <FormField label={t('dif.subject')} htmlFor="group-subject" error={errors.subject} required>
          <Input id="group-subject" value={subject} onChange={(e) => setSubject(e.target.value)} placeholder={t('dif.subjectPlaceholder')} maxLength={300} />
        </FormField>
        <FormField label={t('dif.category')} htmlFor="group-category" error={errors.category} required>
          <Select id="group-category" value={category} onChange={setCategory} options={options('category')} />
        </FormField>
        <FormField label={t('dif.agency')} htmlFor="group-agency" error={errors.agencyId}>
          <Select
            id="group-agency"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={agencyId}
            onChange={setAgencyId}
            options={(agencies.data?.items ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: a.name }))}
          />
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}
