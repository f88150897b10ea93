import { Alert, App, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { useT } from '../../i18n/index.tsx';
import { useAwardKinds, useCreateDecision, useProposals, useProposal } from './awardsApi.ts';

/** Records a decision from the approved proposals of one kind: number, date, issuer, signer, cash, recipients. */
export function NewDecisionDialog({ proposalId, onClose }: { proposalId: string | null; onClose(): void }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const kinds = useAwardKinds();
  const reviewed = useProposals('reviewed');
  const origin = useProposal(proposalId ?? '');
  const create = useCreateDecision();
  const [kindCode, setKindCode] = useState<string | undefined>();
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [values, setValues] = useState({ number: '', decidedOn: dayjs().format('YYYY-MM-DD'), issuer: '', signerName: '', signerPosition: 'Chủ tịch', year: new Date().getFullYear() - 1, cashPerCollectiveVnd: 0, cashPerIndividualVnd: 0 });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const code = kindCode ?? (proposalId ? origin.data?.awardKindCode : undefined);
  const approved = (reviewed.data?.items ?? []).filter((p) => p.can.decide && p.awardKindCode === code);
  const selected = chosen ?? (proposalId && approved.some((p) => p.id === proposalId) ? [proposalId] : []);
  const year = proposalId && origin.data && !chosen ? origin.data.year : values.year;
  const set = (changes: Partial<typeof values>) => setValues((v) => ({ ...v, ...changes }));
  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!code) missing.awardKindCode = t('awards.proposal.kindRequired');
    if (!values.number.trim()) missing.number = t('awards.decision.numberRequired');
    if (!values.issuer.trim()) missing.issuer = t('awards.decision.issuerRequired');
    if (!values.signerName.trim()) missing.signerName = t('awards.decision.signerRequired');
    if (!selected.length) missing.proposalIds = t('awards.decision.proposalsRequired');
    setErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length) return;
    try {
      const decision = await create.mutateAsync({ ...values, year, number: values.number.trim(), issuer: values.issuer.trim(), signerName: values.signerName.trim(), signerPosition: values.signerPosition.trim(), awardKindCode: code!, proposalIds: selected });
      void message.success(t('awards.decision.created', { number: decision.number }));
      onClose();
      navigate(`/awards/decisions/${decision.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.field && error.field !== 'recipients') setErrors({ [error.field]: error.message });
      else setFormError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Modal open title={t('awards.decision.new')} okText={t('awards.decision.create')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose} confirmLoading={create.isPending} width={680}>
      <Form layout="vertical" component="div">
        <FormField label={t('awards.col.kind')} htmlFor="decision-kind" error={errors.awardKindCode} required>
          <Select id="decision-kind" value={code} onChange={(v) => { setKindCode(v); setChosen([]); }} options={(kinds.data?.items ?? []).map((k) => ({ value: k.code, label: k.name }))} />
        </FormField>
        <Flex wrap gap={12}>
          <FormField label={t('awards.decision.number')} htmlFor="decision-number" error={errors.number} required>
            <Input id="decision-number" value={values.number} onChange={(e) => set({ number: e.target.value })} maxLength={60} placeholder="125/QĐ-UBND" />
          </FormField>
          <FormField label={t('awards.decision.date')} htmlFor="decision-date" error={errors.decidedOn} required>
            <DatePicker id="decision-date" format="DD/MM/YYYY" allowClear={false} value={dayjs(values.decidedOn)} onChange={(d) => d && set({ decidedOn: d.format('YYYY-MM-DD') })} />
          </FormField>
          <FormField label={t('awards.decision.year')} htmlFor="decision-year" error={errors.year} required>
            <InputNumber id="decision-year" min={1990} max={2100} value={year} onChange={(v) => v && set({ year: Number(v) })} />
          </FormField>
        </Flex>
        <FormField label={t('awards.decision.issuer')} htmlFor="decision-issuer" error={errors.issuer} required>
          <Input id="decision-issuer" value={values.issuer} onChange={(e) => set({ issuer: e.target.value })} maxLength={300} placeholder={t('awards.decision.issuerPlaceholder')} />
        </FormField>
        <Flex wrap gap={12}>
          <FormField label={t('awards.decision.signer')} htmlFor="decision-signer" error={errors.signerName} required>
            <Input id="decision-signer" value={values.signerName} onChange={(e) => set({ signerName: e.target.value })} maxLength={200} />
          </FormField>
          <FormField label={t('awards.decision.signerPosition')} htmlFor="decision-position" error={errors.signerPosition} required>
            <Input id="decision-position" value={values.signerPosition} onChange={(e) => set({ signerPosition: e.target.value })} maxLength={200} />
          </FormField>
        </Flex>
        <Flex wrap gap={12}>
          <FormField label={t('awards.decision.cashCollective')} htmlFor="decision-cash-c" error={errors.cashPerCollectiveVnd}>
            <InputNumber id="decision-cash-c" min={0} step={100000} value={values.cashPerCollectiveVnd} onChange={(v) => set({ cashPerCollectiveVnd: Math.round(Number(v ?? 0)) })} style={{ width: 180 }} />
          </FormField>
          <FormField label={t('awards.decision.cashIndividual')} htmlFor="decision-cash-i" error={errors.cashPerIndividualVnd}>
            <InputNumber id="decision-cash-i" min={0} step={100000} value={values.cashPerIndividualVnd} onChange={(v) => set({ cashPerIndividualVnd: Math.round(Number(v ?? 0)) })} style={{ width: 180 }} />
          </FormField>
        </Flex>
        <FormField label={t('awards.decision.fromProposals')} htmlFor="decision-proposals" error={errors.proposalIds} required>
          {approved.length ? (
            <Checkbox.Group value={selected} onChange={(v) => setChosen(v as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={approved.map((p) => ({ value: p.id, label: `${p.recipientName} (${p.year})` }))} />
          ) : (
            <Typography.Text type="secondary">{t('awards.decision.noApproved')}</Typography.Text>
          )}
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} data-testid="decision-error" />}
      </Form>
    </Modal>
  );
}
