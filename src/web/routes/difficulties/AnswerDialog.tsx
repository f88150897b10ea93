import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormField } from '../../components/FormField.tsx';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { answerUploadUrl, useRecommendations, useRecordAnswer, type Recommendation } from './difficultiesApi.ts';
import { todayInVietnam } from './labels.tsx';

/**
 * Records the agency's answer (its letter's number and date, when it came, its content and file); one answer may
 * settle several recommendations sent to that agency, ticked here.
 */
export function AnswerDialog({ recommendation, onClose }: { recommendation: Recommendation; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const agencyId = recommendation.agency?.id ?? recommendation.agencyId ?? '';
  const others = useRecommendations({ state: 'forwarded', agencyId });
  const record = useRecordAnswer();
  const [letterNumber, setLetterNumber] = useState('');
  const [letterDate, setLetterDate] = useState<string | null>(null);
  const [receivedOn, setReceivedOn] = useState<string | null>(todayInVietnam());
  const [content, setContent] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [settles, setSettles] = useState<string[]>([recommendation.id]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choices = [recommendation, ...(others.data?.items ?? []).filter((r) => r.id !== recommendation.id)];

  const submit = async () => {
    const need = (field: string) => t('rec.dateRequired', { field: field.toLowerCase() });
    const missing: Record<string, string> = {};
    if (!letterNumber.trim()) missing.letterNumber = need(t('rec.answerLetterNumber'));
    if (!letterDate) missing.letterDate = need(t('rec.answerLetterDate'));
    if (!receivedOn) missing.receivedOn = need(t('rec.receivedOn'));
    if (!content.trim()) missing.content = need(t('rec.answerContent'));
    setErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const answer = await record.mutateAsync({ agencyId, letterNumber: letterNumber.trim(), letterDate: letterDate!, receivedOn: receivedOn!, content: content.trim(), recommendationIds: settles });
      // The answer is kept even if its file is refused: the refusal says so, and the file can be sent again.
      if (file) await uploadFile(answerUploadUrl(answer.id), file, () => {});
      void message.success(t('rec.answerRecorded'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
      else setFormError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('rec.answerTitle')} okText={t('rec.recordAnswer')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose} confirmLoading={busy}>
      <Form layout="vertical" component="div">
        <FormField label={t('rec.answerLetterNumber')} htmlFor="answer-number" error={errors.letterNumber} required>
          <Input id="answer-number" value={letterNumber} onChange={(e) => setLetterNumber(e.target.value)} maxLength={100} />
        </FormField>
        <FormField label={t('rec.answerLetterDate')} htmlFor="answer-date" error={errors.letterDate} required>
          <DateInput id="answer-date" value={letterDate} onChange={setLetterDate} max={todayInVietnam()} />
        </FormField>
        <FormField label={t('rec.receivedOn')} htmlFor="answer-received" error={errors.receivedOn} required>
          <DateInput id="answer-received" value={receivedOn} onChange={setReceivedOn} max={todayInVietnam()} />
        </FormField>
        <FormField label={t('rec.answerContent')} htmlFor="answer-content" error={errors.content} required>
          <Input.TextArea id="answer-content" value={content} onChange={(e) => setContent(e.target.value)} autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20000} />
        </FormField>
        <FormField label={t('rec.answerFile')} htmlFor="answer-file">
          <Upload accept=".pdf,.jpg,.jpeg,.png,.docx" showUploadList={false} beforeUpload={(chosen) => { setFile(chosen); return false; }}>
            <Button id="answer-file" icon={<PaperClipOutlined />}>{file ? file.name : t('dif.detail.attach')}</Button>
          </Upload>
        </FormField>
        {choices.length > 1 && (
          <div role="group" aria-labelledby="answer-settles" style={{ marginBottom: 16 }}>
            <Typography.Text id="answer-settles" strong style={{ display: 'block', marginBottom: 4 }}>{t('rec.answerSettles')}</Typography.Text>
            <Checkbox.Group value={settles} onChange={(ids) => setSettles(ids.length ? ids : [recommendation.id])} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
              {choices.map((r) => (
                <Checkbox key={r.id} value={r.id} disabled={r.id === recommendation.id}>
                  <Typography.Text style={{ overflowWrap: 'anywhere' }}>{r.letterNumber ? `${r.letterNumber} (${date(r.letterDate)}) · ` : ''}{r.subject}</Typography.Text>
                </Checkbox>
              ))}
            </Checkbox.Group>
            {errors.recommendationIds && <Typography.Text type="danger">{errors.recommendationIds}</Typography.Text>}
          </div>
        )}
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}
