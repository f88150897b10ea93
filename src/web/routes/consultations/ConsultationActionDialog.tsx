import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/client.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormField } from '../../components/FormField.tsx';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { CONSULTATION_FORMS, useAct, useExperts, type Consultation } from './consultationsApi.ts';
import { useConsultationLabels } from './labels.ts';

export type ActionKind = 'schedule' | 'sessions' | 'complete' | 'cancel';

const TITLES: Record<ActionKind, MessageKey> = {
  schedule: 'consultations.action.schedule',
  sessions: 'consultations.action.session',
  complete: 'consultations.action.complete',
  cancel: 'consultations.action.cancel',
};

type Values = { expertId: string; scheduledOn: string; heldOn: string; form: string; notes: string; outcome: string; reason: string };

const vietnamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** One step of a request's course: assign (expert, date, form), a session, the outcome, or cancelling with a reason. */
export function ConsultationActionDialog({ consultation, kind, onClose }: { consultation: Consultation; kind: ActionKind; onClose(): void }) {
  const t = useT();
  const labels = useConsultationLabels();
  const { message } = App.useApp();
  const act = useAct(consultation.id);
  const experts = useExperts();
  const today = vietnamToday();
  const [values, setValues] = useState<Values>({
    expertId: consultation.expertId ?? '',
    scheduledOn: consultation.scheduledOn ?? '',
    heldOn: kind === 'sessions' ? (consultation.scheduledOn && consultation.scheduledOn <= today ? consultation.scheduledOn : today) : '',
    form: consultation.form ?? '',
    notes: '',
    outcome: '',
    reason: '',
  });
  const [missing, setMissing] = useState<keyof Values | null>(null);
  const set = (changes: Partial<Values>) => setValues((v) => ({ ...v, ...changes }));
  const error = act.error as ApiError | null;
  const fields: Record<ActionKind, Array<[keyof Values, MessageKey]>> = {
    schedule: [['expertId', 'consultations.expert'], ['scheduledOn', 'consultations.scheduledOn'], ['form', 'consultations.form']],
    sessions: [['heldOn', 'consultations.heldOn'], ['form', 'consultations.form'], ['notes', 'consultations.notes']],
    complete: [['outcome', 'consultations.outcome']],
    cancel: [['reason', 'consultations.reason']],
  };
  const save = () => {
    const empty = fields[kind].find(([key]) => !values[key].trim());
    if (empty) return setMissing(empty[0]);
    setMissing(null);
    const body = Object.fromEntries(fields[kind].map(([key]) => [key, values[key]]));
    act.mutate(
      { action: kind, body },
      {
        onSuccess: () => {
          void message.success(t('consultations.action.done'));
          onClose();
        },
      },
    );
  };
  const fieldError = (key: keyof Values) => {
    const label = fields[kind].find(([k]) => k === key)?.[1];
    if (missing === key && label) return t('consultations.required', { field: t(label).toLowerCase() });
    return error?.field === key ? error.message : undefined;
  };
  // Only active experts are offered; the one assigned stays in the list even if stopped since.
  const expertOptions = (experts.data?.items ?? []).filter((e) => e.active || e.id === consultation.expertId).map((e) => ({ value: e.id, label: `${e.name} — ${e.fields.map((f) => labels.topic(f)).join(', ')}` }));
  const formSelect = (
    <FormField label={t('consultations.form')} htmlFor="action-form" required error={fieldError('form')}>
      <Select id="action-form" value={values.form || undefined} onChange={(form: string) => set({ form })} options={CONSULTATION_FORMS.map((k) => ({ value: k, label: labels.form(k) }))} data-testid="action-form" />
    </FormField>
  );
  return (
    <Modal open title={t(TITLES[kind])} onCancel={onClose} onOk={save} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={act.isPending} width={560} destroyOnHidden>
      <Form layout="vertical" component="div">
        {kind === 'schedule' && (
          <>
            <FormField label={t('consultations.expert')} htmlFor="action-expert" required error={fieldError('expertId')}>
              <Select id="action-expert" value={values.expertId || undefined} onChange={(expertId: string) => set({ expertId })} loading={experts.isLoading} options={expertOptions} showSearch optionFilterProp="label" data-testid="action-expert" />
            </FormField>
            <FormField label={t('consultations.scheduledOn')} htmlFor="action-scheduled-on" required error={fieldError('scheduledOn')}>
              <DateInput id="action-scheduled-on" value={values.scheduledOn} onChange={(d) => set({ scheduledOn: d ?? '' })} min={consultation.requestedOn} />
            </FormField>
            {formSelect}
          </>
        )}
        {kind === 'sessions' && (
          <>
            <FormField label={t('consultations.heldOn')} htmlFor="action-held-on" required error={fieldError('heldOn')}>
              <DateInput id="action-held-on" value={values.heldOn} onChange={(d) => set({ heldOn: d ?? '' })} min={consultation.requestedOn} max={today} />
            </FormField>
            {formSelect}
            <FormField label={t('consultations.notes')} htmlFor="action-notes" required error={fieldError('notes')}>
              <Input.TextArea id="action-notes" value={values.notes} maxLength={10_000} autoSize={{ minRows: 3 }} onChange={(e) => set({ notes: e.target.value })} />
            </FormField>
          </>
        )}
        {kind === 'complete' && (
          <FormField label={t('consultations.outcome')} htmlFor="action-outcome" required error={fieldError('outcome')}>
            <Input.TextArea id="action-outcome" value={values.outcome} maxLength={10_000} autoSize={{ minRows: 3 }} onChange={(e) => set({ outcome: e.target.value })} />
          </FormField>
        )}
        {kind === 'cancel' && (
          <FormField label={t('consultations.reason')} htmlFor="action-reason" required error={fieldError('reason')}>
            <Input.TextArea id="action-reason" value={values.reason} maxLength={2000} autoSize={{ minRows: 2 }} onChange={(e) => set({ reason: e.target.value })} />
          </FormField>
        )}
      </Form>
      {error && !error.field && <Alert type="error" showIcon title={error.message} />}
    </Modal>
  );
}
