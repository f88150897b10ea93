import { Alert, App, Button, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormField } from '../../components/FormField.tsx';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { useAnswerDifficulty, useCloseDifficulty, usePatchDifficulty, type Difficulty } from './difficultiesApi.ts';
import { todayInVietnam, useWordOptions } from './labels.tsx';

/** Server refusals land on their field when they name one, else beside the button. */
function useErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
    else setFormError(error instanceof Error ? error.message : String(error));
  };
  const reset = (next: Record<string, string> = {}) => {
    setErrors(next);
    setFormError(null);
  };
  return { errors, formError, fail, reset };
}

/** Category, the unit in charge, the due date, and publishing (offered only when the cooperative consented). */
export function TriageForm({ difficulty }: { difficulty: Difficulty }) {
  const t = useT();
  const options = useWordOptions();
  const { message } = App.useApp();
  const patch = usePatchDifficulty(difficulty.id);
  const { errors, formError, fail, reset } = useErrors();
  const [category, setCategory] = useState(difficulty.category);
  const [unitInCharge, setUnitInCharge] = useState(difficulty.unitInCharge ?? '');
  const [dueOn, setDueOn] = useState<string | null>(difficulty.dueOn);
  const [published, setPublished] = useState(difficulty.published);
  // Once forwarded the due date is the recommendation's (the server refuses another).
  const ownDueDate = difficulty.state === 'received' || difficulty.state === 'handling';
  const save = async () => {
    reset();
    try {
      await patch.mutateAsync({
        category,
        unitInCharge: unitInCharge.trim() || null,
        ...(dueOn && dueOn !== difficulty.dueOn ? { dueOn } : {}),
        ...(difficulty.can.publish || published !== difficulty.published ? { published } : {}),
      });
      void message.success(t('dif.detail.saved'));
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Form layout="vertical" component="div" data-testid="triage-form">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <FormField label={t('dif.category')} htmlFor="triage-category" error={errors.category}>
            <Select id="triage-category" value={category} onChange={setCategory} options={options('category')} />
          </FormField>
        </Col>
        <Col xs={24} md={8}>
          <FormField label={t('dif.unitInCharge')} htmlFor="triage-unit" error={errors.unitInCharge}>
            <Input id="triage-unit" value={unitInCharge} onChange={(e) => setUnitInCharge(e.target.value)} maxLength={200} />
          </FormField>
        </Col>
        <Col xs={24} md={8}>
          <FormField label={t('dif.dueOn')} htmlFor="triage-due" error={errors.dueOn} help={ownDueDate ? undefined : t('dif.detail.dueFromRecommendation')}>
            {ownDueDate ? <DateInput id="triage-due" value={dueOn} onChange={setDueOn} min={difficulty.raisedOn} /> : <Input id="triage-due" value={date(dueOn)} disabled />}
          </FormField>
        </Col>
      </Row>
      <FormField label={t('dif.detail.published')} htmlFor="triage-published" error={errors.published} help={difficulty.publicConsent === 'no' ? t('dif.detail.publishNotAllowed') : undefined}>
        <Switch id="triage-published" checked={published} onChange={setPublished} disabled={!difficulty.can.publish && !difficulty.published} data-testid="publish-switch" />
      </FormField>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Button type="primary" onClick={() => void save()} loading={patch.isPending} data-testid="save-triage">{t('common.save')}</Button>
    </Form>
  );
}

/** The alliance answers the difficulty itself. */
export function AnswerForm({ difficulty }: { difficulty: Difficulty }) {
  const t = useT();
  const { message } = App.useApp();
  const answer = useAnswerDifficulty(difficulty.id);
  const { errors, formError, fail, reset } = useErrors();
  const [text, setText] = useState('');
  const [answeredOn, setAnsweredOn] = useState<string | null>(todayInVietnam());
  const send = async () => {
    if (!text.trim()) return reset({ answer: t('dif.new.fieldRequired', { field: t('dif.detail.answerText').toLowerCase() }) });
    reset();
    try {
      await answer.mutateAsync({ answer: text.trim(), answeredOn: answeredOn ?? undefined });
      setText('');
      void message.success(t('dif.detail.answered'));
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Form layout="vertical" component="div" data-testid="answer-form">
      <FormField label={t('dif.detail.answerText')} htmlFor="answer-text" error={errors.answer} required>
        <Input.TextArea id="answer-text" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
      </FormField>
      <FormField label={t('dif.detail.answeredOn')} htmlFor="answer-on" error={errors.answeredOn}>
        <DateInput id="answer-on" value={answeredOn} onChange={setAnsweredOn} max={todayInVietnam()} />
      </FormField>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Button type="primary" onClick={() => void send()} loading={answer.isPending} data-testid="send-answer">{t('dif.detail.sendAnswer')}</Button>
    </Form>
  );
}

/** Closing needs an outcome; a rejection needs its reason. */
export function CloseForm({ difficulty }: { difficulty: Difficulty }) {
  const t = useT();
  const options = useWordOptions();
  const { message } = App.useApp();
  const close = useCloseDifficulty(difficulty.id);
  const { errors, formError, fail, reset } = useErrors();
  const [outcome, setOutcome] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const send = async () => {
    if (!outcome) return reset({ outcome: t('dif.new.fieldRequired', { field: t('dif.outcome').toLowerCase() }) });
    if (outcome === 'rejected' && !reason.trim()) return reset({ reason: t('dif.detail.reasonRequired') });
    reset();
    try {
      await close.mutateAsync({ outcome, reason: reason.trim() || undefined });
      void message.success(t('dif.detail.closed'));
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Form layout="vertical" component="div" data-testid="close-form">
      <FormField label={t('dif.outcome')} htmlFor="close-outcome" error={errors.outcome} required>
        <Select id="close-outcome" value={outcome} onChange={setOutcome} options={options('outcome')} placeholder={t('common.select')} data-testid="close-outcome" />
      </FormField>
      <FormField label={t('dif.detail.reason')} htmlFor="close-reason" error={errors.reason} required={outcome === 'rejected'}>
        <Input.TextArea id="close-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </FormField>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Button danger onClick={() => void send()} loading={close.isPending} data-testid="close-difficulty">{t('dif.detail.closeAction')}</Button>
    </Form>
  );
}
