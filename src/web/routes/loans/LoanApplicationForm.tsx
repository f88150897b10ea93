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
import { money } from '../../format.ts';
import { useSession } from '../../session/session.ts';
import { LoanApplicationInput } from '../../../server/modules/loans/loans.schemas.ts';
import { placeServerError } from '../registry/serverErrors.ts';
import { useApplyForLoan, useLoanRules } from './loansApi.ts';
import { METHOD_LABELS } from './texts.ts';

const FIELDS = ['organisationId', 'purpose', 'amountVnd', 'termMonths', 'method', 'graceMonths', 'collateral', 'guarantors', 'appliedOn'];
const FUND_ROLES = ['fund_officer', 'alliance_admin'];

/** Organisations to borrow, searched by name (fund staff); a manager's own organisation is fixed. */
function OrganisationPicker({ value, onChange, fixedId }: { value: string; onChange(id: string): void; fixedId: string | null }) {
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
      placeholder="Tìm tổ chức theo tên hoặc mã số"
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
  const navigate = useNavigate();
  const { message } = App.useApp();
  const rules = useLoanRules();
  const apply = useApplyForLoan();
  const [refusal, setRefusal] = useState<string | null>(null);
  const isFund = !!user && FUND_ROLES.includes(user.role);
  const fixedOrg = user?.role === 'coop_manager' ? user.organisationId : null;
  const form = useForm<LoanApplicationInput>({
    resolver: zodResolver(LoanApplicationInput),
    defaultValues: { organisationId: fixedOrg ?? '', purpose: '', amountVnd: '', termMonths: 24, method: 'bullet', graceMonths: 0, collateral: '', guarantors: [] },
  });
  const guarantors = useFieldArray({ control: form.control, name: 'guarantors' });
  if (!user || !(isFund || fixedOrg)) return <Result status="403" title="Bạn không lập được hồ sơ vay." />;
  const errors = form.formState.errors;
  if (rules.error) return <PageError error={rules.error} onRetry={() => void rules.refetch()} />;
  if (rules.isLoading) return <Card loading title="Hồ sơ đề nghị vay vốn Quỹ hỗ trợ phát triển HTX" />;
  const inForce = rules.data?.versions.find((v) => v.id === rules.data?.inForceId);
  if (!inForce) {
    return (
      <Result
        status="warning"
        data-testid="no-rules-in-force"
        title="Quỹ chưa ban hành quy định cho vay có hiệu lực hôm nay, nên chưa nhận được hồ sơ vay."
        subTitle={
          user.role === 'alliance_admin'
            ? 'Hãy ban hành quy định cho vay (hạn mức, thời hạn, lãi suất, phương thức trả nợ) trước.'
            : 'Hãy đề nghị Quản trị Liên minh ban hành quy định cho vay.'
        }
        extra={user.role === 'alliance_admin' ? <Link to="/loans/rules">Mở trang Quy định cho vay</Link> : <Link to="/loans">Về danh sách hồ sơ vay</Link>}
      />
    );
  }

  const submit = form.handleSubmit((input) => {
    setRefusal(null);
    apply.mutate(input, {
      onSuccess: (loan) => {
        void message.success(`Đã nhận hồ sơ ${loan.code}. Hãy đính kèm tài liệu ở trang hồ sơ.`);
        navigate(`/loans/${loan.id}`);
      },
      onError: (error) => setRefusal(placeServerError(error, form.setError, FIELDS)),
    });
  });

  return (
    <Card title="Hồ sơ đề nghị vay vốn Quỹ hỗ trợ phát triển HTX">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`Quy định hiện hành: vay tối đa ${money(inForce.maxAmountVnd)}, thời hạn tối đa ${inForce.maxTermMonths} tháng, lãi suất ${inForce.annualRatePercent.replace('.', ',')}%/năm, ${inForce.methods.map((m) => METHOD_LABELS[m as keyof typeof METHOD_LABELS]).join(' hoặc ').toLowerCase()}.`}
      />
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="server-error" />}
      <Form layout="vertical" onFinish={() => void submit()} style={{ maxWidth: 720 }}>
        <FormField label="Tổ chức vay vốn" htmlFor="organisationId" error={errors.organisationId?.message} required>
          <Controller control={form.control} name="organisationId" render={({ field }) => <OrganisationPicker value={field.value} onChange={field.onChange} fixedId={fixedOrg} />} />
        </FormField>
        <FormField label="Mục đích vay" htmlFor="purpose" error={errors.purpose?.message} required>
          <Controller control={form.control} name="purpose" render={({ field }) => <Input.TextArea id="purpose" rows={3} {...field} />} />
        </FormField>
        <Space wrap size="large" align="start">
          <FormField label="Số tiền đề nghị vay" htmlFor="amountVnd" error={errors.amountVnd?.message} required>
            <Controller control={form.control} name="amountVnd" render={({ field }) => <MoneyInput id="amountVnd" value={field.value} onChange={field.onChange} onBlur={field.onBlur} />} />
          </FormField>
          <FormField label="Thời hạn (tháng)" htmlFor="termMonths" error={errors.termMonths?.message} required>
            <Controller control={form.control} name="termMonths" render={({ field }) => <InputNumber id="termMonths" min={1} max={360} value={field.value} onChange={(v) => field.onChange(v ?? undefined)} />} />
          </FormField>
          <FormField label="Ân hạn gốc (tháng)" htmlFor="graceMonths" error={errors.graceMonths?.message}>
            <Controller control={form.control} name="graceMonths" render={({ field }) => <InputNumber id="graceMonths" min={0} max={359} value={field.value} onChange={(v) => field.onChange(v ?? 0)} />} />
          </FormField>
        </Space>
        <FormField label="Phương thức trả nợ" htmlFor="method" error={errors.method?.message} required>
          <Controller
            control={form.control}
            name="method"
            render={({ field }) => <Select id="method" value={field.value} onChange={field.onChange} options={Object.entries(METHOD_LABELS).map(([value, label]) => ({ value, label }))} />}
          />
        </FormField>
        <FormField label="Tài sản bảo đảm" htmlFor="collateral" error={errors.collateral?.message}>
          <Controller control={form.control} name="collateral" render={({ field }) => <Input.TextArea id="collateral" rows={2} {...field} value={field.value ?? ''} />} />
        </FormField>
        <Typography.Text strong>Người bảo lãnh</Typography.Text>
        {guarantors.fields.map((g, i) => (
          <Space key={g.id} wrap style={{ display: 'flex', margin: '8px 0' }}>
            <Controller control={form.control} name={`guarantors.${i}.name`} render={({ field }) => <Input placeholder="Họ tên" {...field} status={errors.guarantors?.[i]?.name ? 'error' : undefined} />} />
            <Controller control={form.control} name={`guarantors.${i}.idNumber`} render={({ field }) => <Input placeholder="Số CCCD" {...field} value={field.value ?? ''} />} />
            <Controller control={form.control} name={`guarantors.${i}.relation`} render={({ field }) => <Input placeholder="Quan hệ với tổ chức vay" {...field} value={field.value ?? ''} />} />
            <Button onClick={() => guarantors.remove(i)}>Bỏ</Button>
          </Space>
        ))}
        <div style={{ margin: '8px 0 16px' }}>
          <Button onClick={() => guarantors.append({ name: '', idNumber: '', relation: '' })}>Thêm người bảo lãnh</Button>
        </div>
        {isFund && (
          <FormField label="Ngày nhận hồ sơ (nếu không phải hôm nay)" htmlFor="appliedOn" error={errors.appliedOn?.message}>
            <Controller control={form.control} name="appliedOn" render={({ field }) => <DateInput id="appliedOn" value={field.value} onChange={field.onChange} />} />
          </FormField>
        )}
        <Button type="primary" htmlType="submit" loading={apply.isPending}>
          Gửi hồ sơ
        </Button>
      </Form>
    </Card>
  );
}
