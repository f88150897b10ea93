import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Radio } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { useT } from '../../i18n/index.tsx';
import { useReviewProposal } from './awardsApi.ts';

/** The emulation council's review of a submitted proposal: date, members, votes, result, note. */
export function ReviewForm({ proposalId }: { proposalId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const review = useReviewProposal();
  const [councilMetOn, setDate] = useState(dayjs().format('YYYY-MM-DD'));
  const [councilMembers, setMembers] = useState('');
  const [votes, setVotes] = useState({ votesFor: 0, votesAgainst: 0, votesAbstain: 0 });
  const [councilResult, setResult] = useState<string | undefined>();
  const [councilNote, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!councilMembers.trim()) missing.councilMembers = t('awards.review.membersRequired');
    if (!councilResult) missing.councilResult = t('awards.review.resultRequired');
    setErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length) return;
    try {
      await review.mutateAsync({ id: proposalId, input: { councilMetOn, councilMembers: councilMembers.trim(), ...votes, councilResult: councilResult!, councilNote: councilNote.trim() || null } });
      void message.success(t('awards.review.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
      else setFormError(error instanceof Error ? error.message : String(error));
    }
  };
  const vote = (key: keyof typeof votes, label: string) => (
    <FormField label={label} htmlFor={`review-${key}`} error={errors[key]}>
      <InputNumber id={`review-${key}`} min={0} max={1000} value={votes[key]} onChange={(v) => setVotes((x) => ({ ...x, [key]: Math.max(0, Math.round(Number(v ?? 0))) }))} style={{ width: 110 }} />
    </FormField>
  );
  return (
    <Form layout="vertical" component="div">
      <FormField label={t('awards.review.date')} htmlFor="review-date" error={errors.councilMetOn} required>
        <DatePicker id="review-date" format="DD/MM/YYYY" allowClear={false} value={dayjs(councilMetOn)} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} />
      </FormField>
      <FormField label={t('awards.review.members')} htmlFor="review-members" error={errors.councilMembers} required>
        <Input.TextArea id="review-members" value={councilMembers} onChange={(e) => setMembers(e.target.value)} rows={2} maxLength={2000} />
      </FormField>
      <Flex wrap gap={16}>
        {vote('votesFor', t('awards.review.for'))}
        {vote('votesAgainst', t('awards.review.against'))}
        {vote('votesAbstain', t('awards.review.abstain'))}
      </Flex>
      <FormField label={t('awards.review.result')} htmlFor="review-result" error={errors.councilResult} required>
        <Radio.Group id="review-result" value={councilResult} onChange={(e) => setResult(e.target.value)}>
          <Radio value="approved">{t('awards.review.approved')}</Radio>
          <Radio value="rejected">{t('awards.review.rejected')}</Radio>
        </Radio.Group>
      </FormField>
      <FormField label={t('awards.review.note')} htmlFor="review-note" error={errors.councilNote}>
        <Input.TextArea id="review-note" value={councilNote} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
      </FormField>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Button type="primary" onClick={() => void submit()} loading={review.isPending} data-testid="save-review">{t('awards.review.save')}</Button>
    </Form>
  );
}
