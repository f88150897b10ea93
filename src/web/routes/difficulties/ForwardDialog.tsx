import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormField } from '../../components/FormField.tsx';
import { useT } from '../../i18n/index.tsx';
import { useAgencies, useDueDate, useForwardRecommendation, useLetterSettings, type Recommendation } from './difficultiesApi.ts';
import { todayInVietnam } from './labels.tsx';

const ANSWER_WORKING_DAYS = 15;

/**
 * Sends the draft by official letter: the agency, the letter's date, the due date (15 working days after the
 * letter's date by the calendar, unless staff set another) and the signer; the number is taken by the server.
 */
export function ForwardDialog({ recommendation, onClose }: { recommendation: Recommendation; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const agencies = useAgencies();
  const settings = useLetterSettings();
  const forward = useForwardRecommendation(recommendation.id);
  const [agencyId, setAgencyId] = useState<string | undefined>(recommendation.agency?.id ?? recommendation.agencyId ?? undefined);
  const [letterDate, setLetterDate] = useState<string | null>(todayInVietnam());
  const [dueOn, setDueOn] = useState<string | null>(null);
  const [dueTouched, setDueTouched] = useState(false);
  const [signerName, setSignerName] = useState<string | null>(null);
  const [signerTitle, setSignerTitle] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const due = useDueDate(letterDate, ANSWER_WORKING_DAYS);
  useEffect(() => {
    if (!dueTouched && due.data) setDueOn(due.data.dueOn);
  }, [due.data, dueTouched]);

  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!agencyId) missing.agencyId = t('rec.agencyRequired');
    if (!letterDate) missing.letterDate = t('rec.dateRequired', { field: t('rec.letterDate').toLowerCase() });
    setErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length > 0) return;
    try {
      const sent = await forward.mutateAsync({
        agencyId: agencyId!,
        letterDate: letterDate!,
        dueOn: dueOn ?? undefined,
        signerName: (signerName ?? settings.data?.signerName ?? '').trim() || undefined,
        signerTitle: (signerTitle ?? settings.data?.signerTitle ?? '').trim() || undefined,
      });
      void message.success(t('rec.forwarded', { number: sent.letterNumber }));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
      else setFormError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Modal open title={t('rec.forwardTitle')} okText={t('rec.forward')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose} confirmLoading={forward.isPending}>
      <Typography.Paragraph type="secondary">{t('rec.forwardHint')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <FormField label={t('dif.agency')} htmlFor="forward-agency" error={errors.agencyId} required>
          <Select
            id="forward-agency"
            showSearch={{ optionFilterProp: 'label' }}
            value={agencyId}
            onChange={setAgencyId}
            placeholder={t('common.select')}
            options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
        </FormField>
        <FormField label={t('rec.letterDate')} htmlFor="forward-date" error={errors.letterDate} required>
          <DateInput id="forward-date" value={letterDate} onChange={setLetterDate} />
        </FormField>
        <FormField label={t('dif.dueOn')} htmlFor="forward-due" error={errors.dueOn} help={t('rec.dueHint')}>
          <DateInput id="forward-due" value={dueOn} onChange={(d) => { setDueTouched(true); setDueOn(d); }} min={letterDate ?? undefined} />
        </FormField>
        <FormField label={t('rec.signerName')} htmlFor="forward-signer" error={errors.signerName}>
          <Input id="forward-signer" value={signerName ?? settings.data?.signerName ?? ''} onChange={(e) => setSignerName(e.target.value)} maxLength={200} />
        </FormField>
        <FormField label={t('rec.signerTitle')} htmlFor="forward-signer-title" error={errors.signerTitle}>
          <Input id="forward-signer-title" value={signerTitle ?? settings.data?.signerTitle ?? ''} onChange={(e) => setSignerTitle(e.target.value)} maxLength={200} />
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}
