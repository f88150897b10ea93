import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Grid, Input, InputNumber, Result, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import { PageError } from '../../components/PageStatus.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { FormField } from '../../components/FormField.tsx';
import { kindLabel, sectorGroupLabel } from '../../i18n/domain-labels.ts';
import { useI18n } from '../../i18n/index.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { CardHeading } from '../../components/PageTitle.tsx';
import { date, money } from '../../format.ts';
import { useSession } from '../../session/session.ts';
import { LoanRulesInput } from '../../../server/modules/loans/loans.schemas.ts';
import { placeServerError } from '../registry/serverErrors.ts';
import { type LoanRules, useLoanRules } from './loansApi.ts';
import { METHODS, useLoanWords } from './texts.ts';

type RulesForm = z.input<typeof LoanRulesInput>;
const FIELDS = ['effectiveFrom', 'maxAmountVnd', 'maxTermMonths', 'maxGraceMonths', 'methods', 'annualRatePercent', 'penaltyRatePercent', 'minMonthsSinceFounding', 'maxOpenLoans', 'note'];
/** Who may read the rules (the server decides: loans.policy.ts requireRulesReader); only the alliance admin issues them. */

/** The words of a version of the rules in the current language. */
function useRulesWords() {
  const { t, lang } = useI18n();
  const words = useLoanWords();
  const methods = (ms: string[]) => ms.map(words.method).join(', ');
  const rates = (v: LoanRules) => t('rules.ratesValue', { rate: words.rate(v.annualRatePercent), penalty: v.penaltyRatePercent });
  const conditions = (v: LoanRules) =>
    [
      v.minMonthsSinceFounding > 0 ? t('rules.cond.founded', { months: v.minMonthsSinceFounding }) : null,
      v.maxOpenLoans ? t('rules.cond.openLoans', { count: v.maxOpenLoans }) : null,
      v.sectorGroups ? t('rules.cond.sectors', { sectors: v.sectorGroups.map((g) => sectorGroupLabel(g, lang)).join(', ') }) : null,
      v.kinds ? t('rules.cond.kinds', { kinds: v.kinds.map((k) => kindLabel(k, lang)).join(', ') }) : null,
      v.note,
    ].filter(Boolean).join('; ') || t('rules.cond.none');
  return { ...words, methods, rates, conditions };
}

/** "Đang áp dụng" for the version in force today, "Sắp có hiệu lực" for one dated later. */
function Status({ v, inForce }: { v: LoanRules; inForce: LoanRules | undefined }) {
  const { t } = useLoanWords();
  if (v.id === inForce?.id) return <Tag color="green">{t('rules.inForce')}</Tag>;
  if (v.effectiveFrom > (inForce?.effectiveFrom ?? '')) return <Tag color="blue">{t('rules.upcoming')}</Tag>;
  return null;
}

/** On a phone, one card per version (a wide table would scroll sideways). */
function RulesCards({ versions, inForce }: { versions: LoanRules[]; inForce: LoanRules | undefined }) {
  const { t, methods, rates, conditions } = useRulesWords();
  if (versions.length === 0) return <Alert type="info" title={t('rules.none')} />;
  return (
    <>
      {versions.map((v) => (
        <Card key={v.id} size="small" style={{ marginBottom: 12 }} title={<Space wrap>{t('rules.effectiveFromDate', { date: date(v.effectiveFrom) })}<Status v={v} inForce={inForce} /></Space>} data-testid="rules-version">
          <Descriptions size="small" column={1} items={[
            { key: 'amount', label: t('rules.maxAmount'), children: money(v.maxAmountVnd) },
            { key: 'term', label: t('rules.maxTerm'), children: t('rules.termAndGrace', { months: v.maxTermMonths, grace: v.maxGraceMonths }) },
            { key: 'methods', label: t('rules.methods'), children: methods(v.methods) },
            { key: 'rates', label: t('rules.rates'), children: rates(v) },
            { key: 'conditions', label: t('rules.conditions'), children: conditions(v) },
          ]} />
        </Card>
      ))}
    </>
  );
}

/** The alliance admin's form for a new version of the rules, validated by the same zod schema as POST /api/loans/rules. */
function IssueRules({ onDone }: { onDone(): void }) {
  const { message } = App.useApp();
  const { t, method } = useLoanWords();
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<RulesForm>({
    resolver: zodResolver(LoanRulesInput),
    defaultValues: { effectiveFrom: '', maxAmountVnd: '', maxTermMonths: 36, maxGraceMonths: 0, methods: ['equal_principal', 'bullet'], annualRatePercent: '', penaltyRatePercent: 150, minMonthsSinceFounding: 0, note: '' },
  });
  const issue = useMutation({
    mutationFn: (input: RulesForm) => api.post<LoanRules>('/api/loans/rules', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['loans'] }),
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit((input) => {
    setRefusal(null);
    issue.mutate(input, {
      onSuccess: (v) => {
        void message.success(t('rules.issued', { date: date(v.effectiveFrom) }));
        onDone();
      },
      onError: (error) => setRefusal(placeServerError(error, form.setError, FIELDS)),
    });
  });
  return (
    <Card size="small" title={t('rules.issueTitle')} style={{ marginBottom: 16 }} data-testid="issue-rules">
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="server-error" />}
      <Form layout="vertical" onFinish={() => void submit()} style={{ maxWidth: 720 }}>
        <Space wrap size="large" align="start">
          <FormField label={t('rules.field.effectiveFrom')} htmlFor="effectiveFrom" error={errors.effectiveFrom?.message} required>
            <Controller control={form.control} name="effectiveFrom" render={({ field }) => <DateInput id="effectiveFrom" value={field.value} onChange={(v) => field.onChange(v ?? '')} />} />
          </FormField>
          <FormField label={t('rules.field.maxAmount')} htmlFor="maxAmountVnd" error={errors.maxAmountVnd?.message} required>
            <Controller control={form.control} name="maxAmountVnd" render={({ field }) => <MoneyInput id="maxAmountVnd" value={field.value} onChange={field.onChange} onBlur={field.onBlur} />} />
          </FormField>
        </Space>
        <Space wrap size="large" align="start">
          <FormField label={t('rules.field.maxTerm')} htmlFor="maxTermMonths" error={errors.maxTermMonths?.message} required>
            <Controller control={form.control} name="maxTermMonths" render={({ field }) => <InputNumber id="maxTermMonths" min={1} max={360} value={field.value} onChange={(v) => field.onChange(v ?? undefined)} />} />
          </FormField>
          <FormField label={t('rules.field.maxGrace')} htmlFor="maxGraceMonths" error={errors.maxGraceMonths?.message}>
            <Controller control={form.control} name="maxGraceMonths" render={({ field }) => <InputNumber id="maxGraceMonths" min={0} max={360} value={field.value} onChange={(v) => field.onChange(v ?? 0)} />} />
          </FormField>
          <FormField label={t('rules.field.rate')} htmlFor="annualRatePercent" error={errors.annualRatePercent?.message} required>
            <Controller control={form.control} name="annualRatePercent" render={({ field }) => <Input id="annualRatePercent" inputMode="decimal" {...field} onChange={(e) => field.onChange(e.target.value.replace(',', '.'))} />} />
          </FormField>
          <FormField label={t('rules.field.penalty')} htmlFor="penaltyRatePercent" error={errors.penaltyRatePercent?.message}>
            <Controller control={form.control} name="penaltyRatePercent" render={({ field }) => <InputNumber id="penaltyRatePercent" min={100} max={300} value={field.value} onChange={(v) => field.onChange(v ?? 150)} />} />
          </FormField>
        </Space>
        <FormField label={t('rules.field.methods')} htmlFor="methods" error={errors.methods?.message} required>
          <Controller control={form.control} name="methods" render={({ field }) => <Select id="methods" mode="multiple" value={field.value} onChange={field.onChange} options={METHODS.map((value) => ({ value, label: method(value) }))} />} />
        </FormField>
        <Space wrap size="large" align="start">
          <FormField label={t('rules.field.minMonths')} htmlFor="minMonthsSinceFounding" error={errors.minMonthsSinceFounding?.message}>
            <Controller control={form.control} name="minMonthsSinceFounding" render={({ field }) => <InputNumber id="minMonthsSinceFounding" min={0} max={600} value={field.value} onChange={(v) => field.onChange(v ?? 0)} />} />
          </FormField>
          <FormField label={t('rules.field.maxOpenLoans')} htmlFor="maxOpenLoans" error={errors.maxOpenLoans?.message}>
            <Controller control={form.control} name="maxOpenLoans" render={({ field }) => <InputNumber id="maxOpenLoans" min={1} max={100} value={field.value ?? null} onChange={(v) => field.onChange(v ?? null)} />} />
          </FormField>
        </Space>
        <FormField label={t('rules.field.note')} htmlFor="note" error={errors.note?.message}>
          <Controller control={form.control} name="note" render={({ field }) => <Input.TextArea id="note" rows={2} {...field} value={field.value ?? ''} />} />
        </FormField>
        <Space>
          <Button type="primary" htmlType="submit" loading={issue.isPending}>{t('rules.submit')}</Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** "Quy định cho vay": every version by effective date, newest first; the alliance admin issues new ones. */
export function LoanRulesPage() {
  const { user } = useSession();
  const { t, months, methods, rates, conditions } = useRulesWords();
  const rules = useLoanRules();
  const [issuing, setIssuing] = useState(false);
  const screens = Grid.useBreakpoint();
  if (!user?.can.seeLoans) return <Result status="403" title={t('rules.notAllowed')} />;
  if (rules.error) return <PageError error={rules.error} onRetry={() => void rules.refetch()} />;
  const isAdmin = user.can.configureLoanRules;
  const inForceId = rules.data?.inForceId ?? null;
  const versions = rules.data?.versions ?? [];
  const inForce = versions.find((v) => v.id === inForceId);
  const phone = !screens.md;
  return (
    <Card title={<CardHeading>{t('rules.title')}</CardHeading>}>
      {isAdmin && !issuing && (
        <Button type="primary" onClick={() => setIssuing(true)} style={{ marginBottom: 16 }}>
          {t('rules.issue')}
        </Button>
      )}
      {isAdmin && issuing && <IssueRules onDone={() => setIssuing(false)} />}
      {rules.data && !inForceId && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="no-rules-in-force"
          title={isAdmin ? t('rules.noneInForceAdmin') : t('rules.noneInForceOther')} />
      )}
      {phone ? (
        <RulesCards versions={versions} inForce={inForce} />
      ) : (
        <Table<LoanRules>
          rowKey="id"
          size="middle"
          loading={rules.isLoading}
          dataSource={versions}
          pagination={false}
          locale={{ emptyText: t('rules.none') }}
          columns={[
            { title: t('rules.effectiveFrom'), dataIndex: 'effectiveFrom', width: 150, render: (d: string, v) => <Space wrap size={4}>{date(d)}<Status v={v} inForce={inForce} /></Space> },
            { title: t('rules.maxAmount'), dataIndex: 'maxAmountVnd', align: 'right', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{money(v)}</span> },
            { title: t('rules.maxTerm'), dataIndex: 'maxTermMonths', render: (n: number) => months(n) },
            { title: t('rules.maxGrace'), dataIndex: 'maxGraceMonths', render: (n: number) => months(n) },
            { title: t('rules.methods'), dataIndex: 'methods', render: methods },
            { title: t('rules.rates'), key: 'rates', render: (_, v) => rates(v) },
            { title: t('rules.conditions'), key: 'conditions', render: (_, v) => conditions(v) },
          ]}
        />
      )}
    </Card>
  );
}
