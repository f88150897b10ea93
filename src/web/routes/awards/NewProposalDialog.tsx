import { useQuery } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../api/client.ts';
import type { OrganisationListItem } from '../../api/types.ts';
import { FormField } from '../../components/FormField.tsx';
import { useT } from '../../i18n/index.tsx';
import { useAwardKinds, useCreateProposal } from './awardsApi.ts';

/** Opens a proposal: the year, the kind, a collective (an organisation) or an individual of an organisation. */
export function NewProposalDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const kinds = useAwardKinds();
  const create = useCreateProposal();
  const [q, setQ] = useState('');
  const organisations = useQuery({ queryKey: ['awards', 'organisations', q], queryFn: () => api.get<{ items: OrganisationListItem[] }>('/api/cooperatives', { q, pageSize: 20 }) });
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [awardKindCode, setKind] = useState<string | undefined>();
  const [recipientKind, setRecipientKind] = useState<'collective' | 'individual'>('collective');
  const [organisationId, setOrganisation] = useState<string | undefined>();
  const [recipientName, setName] = useState('');
  const [personPosition, setPosition] = useState('');
  const [personIdNumber, setIdNumber] = useState('');
  const [personBirthDate, setBirthDate] = useState<string | null>(null);
  const [achievements, setAchievements] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const kindOptions = (kinds.data?.items ?? []).filter((k) => k.active && (k.recipients === 'both' || k.recipients === recipientKind)).map((k) => ({ value: k.code, label: k.name }));
  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!awardKindCode) missing.awardKindCode = t('awards.proposal.kindRequired');
    if (recipientKind === 'collective' && !organisationId) missing.organisationId = t('awards.proposal.organisationRequired');
    if (recipientKind === 'individual' && !recipientName.trim()) missing.recipientName = t('awards.proposal.nameRequired');
    setErrors(missing);
    if (Object.keys(missing).length) return;
    try {
      const created = await create.mutateAsync({
        year,
        awardKindCode: awardKindCode!,
        recipientKind,
        organisationId: organisationId ?? null,
        recipientName: recipientKind === 'individual' ? recipientName.trim() : null,
        personPosition: recipientKind === 'individual' ? personPosition.trim() || null : null,
        personIdNumber: recipientKind === 'individual' ? personIdNumber.trim() || null : null,
        personBirthDate: recipientKind === 'individual' ? personBirthDate : null,
        achievements: achievements.trim() || null,
      });
      void message.success(t('awards.proposal.created'));
      onClose();
      navigate(`/awards/proposals/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
      else setFormError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Modal open title={t('awards.proposal.new')} okText={t('awards.proposal.create')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose} confirmLoading={create.isPending} width={640}>
      <Form layout="vertical" component="div">
        <FormField label={t('awards.col.year')} htmlFor="proposal-year" error={errors.year} required>
          <InputNumber id="proposal-year" min={1990} max={2100} value={year} onChange={(v) => v && setYear(Number(v))} style={{ width: 140 }} />
        </FormField>
        <FormField label={t('awards.recipientKind')} htmlFor="proposal-recipient-kind" required>
          <Radio.Group id="proposal-recipient-kind" value={recipientKind} onChange={(e) => { setRecipientKind(e.target.value); setKind(undefined); }}>
            <Radio value="collective">{t('awards.collective')}</Radio>
            <Radio value="individual">{t('awards.individual')}</Radio>
          </Radio.Group>
        </FormField>
        <FormField label={t('awards.col.kind')} htmlFor="proposal-kind" error={errors.awardKindCode} required>
          <Select id="proposal-kind" value={awardKindCode} onChange={setKind} options={kindOptions} placeholder={t('awards.proposal.kindPlaceholder')} data-testid="proposal-kind" />
        </FormField>
        <FormField label={recipientKind === 'collective' ? t('awards.proposal.organisation') : t('awards.proposal.unit')} htmlFor="proposal-organisation" error={errors.organisationId} required={recipientKind === 'collective'}>
          <Select
            id="proposal-organisation"
            showSearch
            allowClear
            filterOption={false}
            onSearch={setQ}
            value={organisationId}
            onChange={setOrganisation}
            options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            placeholder={t('awards.proposal.organisationPlaceholder')}
            data-testid="proposal-organisation"
          />
        </FormField>
        {recipientKind === 'individual' && (
          <>
            <FormField label={t('awards.proposal.name')} htmlFor="proposal-name" error={errors.recipientName} required>
              <Input id="proposal-name" value={recipientName} onChange={(e) => setName(e.target.value)} maxLength={300} />
            </FormField>
            <FormField label={t('awards.proposal.position')} htmlFor="proposal-position" error={errors.personPosition}>
              <Input id="proposal-position" value={personPosition} onChange={(e) => setPosition(e.target.value)} maxLength={200} />
            </FormField>
            <FormField label={t('awards.proposal.idNumber')} htmlFor="proposal-id" error={errors.personIdNumber} help={t('awards.proposal.idHelp')}>
              <Input id="proposal-id" value={personIdNumber} onChange={(e) => setIdNumber(e.target.value)} maxLength={20} />
            </FormField>
            <FormField label={t('awards.proposal.birthDate')} htmlFor="proposal-birth" error={errors.personBirthDate}>
              <DatePicker id="proposal-birth" format="DD/MM/YYYY" value={personBirthDate ? dayjs(personBirthDate) : null} onChange={(d) => setBirthDate(d ? d.format('YYYY-MM-DD') : null)} style={{ width: '100%' }} />
            </FormField>
          </>
        )}
        <FormField label={t('awards.proposal.achievements')} htmlFor="proposal-achievements" error={errors.achievements}>
          <Input.TextArea id="proposal-achievements" value={achievements} onChange={(e) => setAchievements(e.target.value)} rows={3} maxLength={10000} />
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}
