import { Alert, App, Button, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { useT } from '../../i18n/index.tsx';
import { useAgencies, useDifficulties, usePatchRecommendation, type Recommendation } from './difficultiesApi.ts';

/** A draft's subject, body and agency, saved together. */
export function DraftForm({ recommendation }: { recommendation: Recommendation }) {
  const t = useT();
  const { message } = App.useApp();
  const agencies = useAgencies();
  const patch = usePatchRecommendation(recommendation.id);
  const [subject, setSubject] = useState(recommendation.subject);
  const [body, setBody] = useState(recommendation.body ?? '');
  const [agencyId, setAgencyId] = useState<string | undefined>(recommendation.agency?.id ?? recommendation.agencyId ?? undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = async () => {
    setErrors({});
    setFormError(null);
    if (!subject.trim()) return setErrors({ subject: t('dif.new.fieldRequired', { field: t('rec.subject').toLowerCase() }) });
    try {
      await patch.mutateAsync({ subject: subject.trim(), body: body.trim() || null, agencyId: agencyId ?? null });
      void message.success(t('rec.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
      else setFormError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Form layout="vertical" component="div" data-testid="draft-form">
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <FormField label={t('dif.subject')} htmlFor="draft-subject" error={errors.subject} required>
            <Input id="draft-subject" value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={300} />
          </FormField>
        </Col>
        <Col xs={24} lg={10}>
          <FormField label={t('dif.agency')} htmlFor="draft-agency" error={errors.agencyId}>
            <Select
              id="draft-agency"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={agencyId}
              onChange={setAgencyId}
              placeholder={t('common.select')}
              options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
              data-testid="draft-agency"
            />
          </FormField>
        </Col>
      </Row>
      <FormField label={t('rec.body')} htmlFor="draft-body" error={errors.body} help={t('rec.bodyHint')}>
        <Input.TextArea id="draft-body" value={body} onChange={(e) => setBody(e.target.value)} autoSize={{ minRows: 3, maxRows: 12 }} maxLength={5000} />
      </FormField>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Button type="primary" onClick={() => void save()} loading={patch.isPending} data-testid="save-draft">{t('rec.saveDraft')}</Button>
    </Form>
  );
}

/** Adds difficulties not yet grouped (received or being handled) to the draft. */
export function AddDifficulties({ recommendation }: { recommendation: Recommendation }) {
  const t = useT();
  const received = useDifficulties({ state: 'received', page: 1, pageSize: 200 });
  const handling = useDifficulties({ state: 'handling', page: 1, pageSize: 200 });
  const patch = usePatchRecommendation(recommendation.id);
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const candidates = [...(received.data?.items ?? []), ...(handling.data?.items ?? [])].filter((d) => d.can.group);
  const add = async () => {
    setError(null);
    try {
      await patch.mutateAsync({ difficultyIds: [...recommendation.difficulties.map((d) => d.id), ...picked] });
      setPicked([]);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <Form layout="vertical" component="div">
      <FormField label={t('rec.add')} htmlFor="add-difficulties">
        <Select
          id="add-difficulties"
          mode="multiple"
          value={picked}
          onChange={setPicked}
          placeholder={t('rec.addPick')}
          optionFilterProp="label"
          loading={received.isLoading || handling.isLoading}
          options={candidates.map((d) => ({ value: d.id, label: `${d.code} · ${d.organisation.name}: ${d.title}` }))}
        />
      </FormField>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Button onClick={() => void add()} disabled={picked.length === 0} loading={patch.isPending} data-testid="add-difficulties">{t('rec.add')}</Button>
    </Form>
  );
}
