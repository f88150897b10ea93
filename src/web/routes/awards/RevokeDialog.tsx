import { Alert, App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { useT } from '../../i18n/index.tsx';
import { useRevokeAward } from './awardsApi.ts';

/** Revokes one award: date, reason, the revoking decision's number, the object and cash to recover. */
export function RevokeDialog({ award, onClose }: { award: { id: string; recipientName: string }; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const revoke = useRevokeAward();
  const [revokedOn, setRevokedOn] = useState(dayjs().format('YYYY-MM-DD'));
  const [reason, setReason] = useState('');
  const [number, setNumber] = useState('');
  const [object, setObject] = useState('');
  const [cash, setCash] = useState<number | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!reason.trim()) missing.reason = t('awards.revoke.reasonRequired');
    if (!number.trim()) missing.revokeDecisionNumber = t('awards.revoke.numberRequired');
    setErrors(missing);
    if (Object.keys(missing).length) return;
    try {
      await revoke.mutateAsync({ id: award.id, input: { revokedOn, reason: reason.trim(), revokeDecisionNumber: number.trim(), recoverObject: object.trim() || null, recoverCashVnd: cash } });
      void message.success(t('awards.revoke.done', { name: award.recipientName }));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
      else setFormError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Modal open title={t('awards.revoke.title', { name: award.recipientName })} okText={t('awards.revoke.ok')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose} confirmLoading={revoke.isPending}>
      <Form layout="vertical" component="div">
        <FormField label={t('awards.revoke.date')} htmlFor="revoke-date" error={errors.revokedOn} required>
          <DatePicker id="revoke-date" format="DD/MM/YYYY" value={dayjs(revokedOn)} allowClear={false} onChange={(d) => d && setRevokedOn(d.format('YYYY-MM-DD'))} style={{ width: '100%' }} />
        </FormField>
        <FormField label={t('awards.revoke.number')} htmlFor="revoke-number" error={errors.revokeDecisionNumber} required>
          <Input id="revoke-number" value={number} onChange={(e) => setNumber(e.target.value)} maxLength={60} />
        </FormField>
        <FormField label={t('awards.revoke.reason')} htmlFor="revoke-reason" error={errors.reason} required>
          <Input.TextArea id="revoke-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={2000} />
        </FormField>
        <FormField label={t('awards.revoke.object')} htmlFor="revoke-object" error={errors.recoverObject}>
          <Input id="revoke-object" value={object} onChange={(e) => setObject(e.target.value)} maxLength={300} />
        </FormField>
        <FormField label={t('awards.revoke.cash')} htmlFor="revoke-cash" error={errors.recoverCashVnd}>
          <InputNumber id="revoke-cash" min={0} step={100000} value={cash} onChange={(v) => setCash(v === null ? null : Math.round(Number(v)))} style={{ width: '100%' }} />
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}
