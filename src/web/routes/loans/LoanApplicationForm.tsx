import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Result, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { OrganisationListItem } from '../../api/types.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { PageError } from '../../components/PageStatus.tsx';
import { FormField } from '../../components/FormField.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { CardHeading } from '../../components/PageTitle.tsx';
import { money } from '../../format.ts';
import { useSession } from '../../session/session.ts';
import { LoanApplicationInput } from '../../../server/modules/loans/loans.schemas.ts';
import { placeServerError } from '../registry/serverErrors.ts';
import { useApplyForLoan, useLoanRules } from './loansApi.ts';
import { METHODS, useLoanWords } from './texts.ts';

const FIELDS = ['organisationId', 'purpose', 'amountVnd', 'termMonths', 'method', 'graceMonths', 'collateral', 'guarantors', 'appliedOn'];

/** Organisations to borrow, searched by name (fund staff); a manager's own organisation is fixed. */
function OrganisationPicker({ value, onChange, fixedId }: { value: string; onChange(id: string): void; fixedId: string | null }) {
  const { t } = useLoanWords();
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: ['loans', 'borrowers', fixedId ?? q],
    queryFn: async () =>
      fixedId
        ? { items: [await api.get<OrganisationListItem>(`/api/cooperatives/${fixedId}`)] }
        : api.get<{ items: OrganisationListItem[] }>('/api/cooperatives', { q, pageSize: 20 }),
  });
  return (
    <Select
      id="organisationId"
      showSearch={!fixedId}
      disabled={!!fixedId}
      value={value || undefined}
      placeholder={t('loanForm.borrowerSearch')}
      filterOption={false}
      onSearch={setQ}
      onChange={onChange}
      loading={search.isLoading}
      options={(search.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}${o.registrationNumber ? ` — ${o.registrationNumber}` : ''}` }))}
    />
  );
}

/** The loan application form: the same zod schema as POST /api/loans, eligibility answered by the server. */
export function LoanApplicationForm() {
  const { user } = useSession();
  const { t, method, rate } = useLoanWords();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const rules = useLoanRules();
  const apply = useApplyForLoan();
  const [refusal, setRefusal] = useState<string | null>(null);
  // What the server lets this user do (/api/auth/me): the fund picks any organisation, a manager files for its own.
  const isFund = Boolean(user?.can.handleLoans);
  const fixedOrg = !isFund && user?.can.seeLoans ? user.organisationId : null;
  const form = useForm<LoanApplicationInput>({
    resolver: zodResolver(LoanApplicationInput),
    defaultValues: { organisationId: fixedOrg ?? '', purpose: '', amountVnd: '', termMonths: 24, method: 'bullet', graceMonths: 0, collateral: '', guarantors: [] },
  });
  const guarantors = useFieldArray({ control: form.control, name: 'guarantors' });
  if (!user || !(isFund || fixedOrg)) return <Result status="403" title={t('loanForm.notAllowed')} />;
  const errors = form.formState.errors;
  if (rules.error) return <PageError error={rules.error} onRetry={() => void rules.refetch()} />;
  if (rules.isLoading) return <Card loading title={<CardHeading>{t('loanForm.title')}</CardHeading>} />;
  const inForce = rules.data?.versions.find((v) => v.id === rules.data?.inForceId);
  if (!inForce) {
    return (
      <Result
        status="warning"
        data-testid="no-rules-in-force"
        title={t('loanForm.noRules')}
        subTitle={
          user.can.configureLoanRules
            ? t('loanForm.noRulesAdmin')
            : t('loanForm.noRulesOther')
        }
        extra={user.can.configureLoanRules ? <Link to="/loans/rules">{t('loanForm.openRules')}</Link> : <Link to="/loans">{t('loanForm.backToLoans')}</Link>}
      />
    );
  }

  const submit = form.handleSubmit((input) => {
    setRefusal(null);
    apply.mutate(input, {
      onSuccess: (loan) => {
        void message.success(t('loanForm.received', { code: loan.code }));
        navigate(`/loans/${loan.id}`);
      },
      onError: (error) => setRefusal(placeServerError(error, form.setError, FIELDS)),
    });
  });

  return (
    <Card title={<CardHeading>{t('loanForm.title')}</CardHeading>}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('loanForm.rulesInForce', { amount: money(inForce.maxAmountVnd), months: inForce.maxTermMonths, rate: rate(inForce.annualRatePercent), methods: inForce.methods.map(method).join(t('loanForm.or')).toLowerCase() })}
      />
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="server-error" />}
      <Form layout="vertical" onFinish={() => void submit()} style={{ maxWidth: 720 }}>
        <FormField label={t('loanForm.borrower')} htmlFor="organisationId" error={errors.organisationId?.message} required>
          <Controller control={form.control} name="organisationId" render={({ field }) => <OrganisationPicker value={field.value} onChange={field.onChange} fixedId={fixedOrg} />} />
        </FormField>
        <FormField label={t('loanForm.purpose')} htmlFor="purpose" error={errors.purpose?.message} required>
          <Controller control={form.control} name="purpose" render={({ field }) => <Input.TextArea id="purpose" rows={3} {...field} />} />
        </FormField>
        <Space wrap size="large" align="start">
          <FormField label={t('loanForm.amount')} htmlFor="amountVnd" error={errors.amountVnd?.message} required>
            <Controller control={form.control} name="amountVnd" render={({ field }) => <MoneyInput id="amountVnd" value={field.value} onChange={field.onChange} onBlur={field.onBlur} />} />
          </FormField>
          <FormField label={t('loanForm.term')} htmlFor="termMonths" error={errors.termMonths?.message} required>
            <Controller control={form.control} name="termMonths" render={({ field }) => <InputNumber id="termMonths" min={1} max={360} value={field.value} onChange={(v) => field.onChange(v ?? undefined)} />} />
          </FormField>
          <FormField label={t('loanForm.grace')} htmlFor="graceMonths" error={errors.graceMonths?.message}>
            <Controller control={form.control} name="graceMonths" render={({ field }) => <InputNumber id="graceMonths" min={0} max={359} value={field.value} onChange={(v) => field.onChange(v ?? 0)} />} />
          </FormField>
        </Space>
        <FormField label={t('loanForm.method')} htmlFor="method" error={errors.method?.message} required>
          <Controller
            control={form.control}
            name="method"
            render={({ field }) => <Select id="method" value={field.value} onChange={field.onChange} options={METHODS.map((value) => ({ value, label: method(value) }))} />}
          />
        </FormField>
        <FormField label={t('loanForm.collateral')} htmlFor="collateral" error={errors.collateral?.message}>
          <Controller control={form.control} name="collateral" render={({ field }) => <Input.TextArea id="collateral" rows={2} {...field} value={field.value ?? ''} />} />
        </FormField>
        <Typography.Text strong>{t('loanForm.guarantors')}</Typography.Text>
        {guarantors.fields.map((g, i) => (
          <Space key={g.id} wrap style={{ display: 'flex', margin: '8px 0' }}>
            <Controller control={form.control} name={`guarantors.${i}.name`} render={({ field }) => <Input placeholder={t('loanForm.guarantorName')} aria-label={t('loanForm.guarantorName')} {...field} status={errors.guarantors?.[i]?.name ? 'error' : undefined} />} />
            <Controller control={form.control} name={`guarantors.${i}.idNumber`} render={({ field }) => <Input placeholder={t('loanForm.guarantorId')} aria-label={t('loanForm.guarantorId')} {...field} value={field.value ?? ''} />} />
            <Controller control={form.control} name={`guarantors.${i}.relation`} render={({ field }) => <Input placeholder={t('loanForm.guarantorRelation')} aria-label={t('loanForm.guarantorRelation')} {...field} value={field.value ?? ''} />} />
            <Button onClick={() => guarantors.remove(i)}>{t('loanForm.remove')}</Button>
          </Space>
        ))}
        <div style={{ margin: '8px 0 16px' }}>
          <Button onClick={() => guarantors.append({ name: '', idNumber: '', relation: '' })}>{t('loanForm.addGuarantor')}</Button>
        </div>
        {isFund && (
          <FormField label={t('loanForm.appliedOn')} htmlFor="appliedOn" error={errors.appliedOn?.message}>
            <Controller control={form.control} name="appliedOn" render={({ field }) => <DateInput id="appliedOn" value={field.value} onChange={field.onChange} />} />
          </FormField>
        )}
        <Button type="primary" htmlType="submit" loading={apply.isPending}>
          {t('loanForm.submit')}
        </Button>
      </Form>
    </Card>
  );
}
