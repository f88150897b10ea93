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
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { date, money } from '../../format.ts';
import { useSession } from '../../session/session.ts';
import { LoanRulesInput } from '../../../server/modules/loans/loans.schemas.ts';
import { placeServerError } from '../registry/serverErrors.ts';
import { type LoanRules, useLoanRules } from './loansApi.ts';
import { METHOD_LABELS } from './texts.ts';

type RulesForm = z.input<typeof LoanRulesInput>;
const FIELDS = ['effectiveFrom', 'maxAmountVnd', 'maxTermMonths', 'maxGraceMonths', 'methods', 'annualRatePercent', 'penaltyRatePercent', 'minMonthsSinceFounding', 'maxOpenLoans', 'note'];
/** Who may read the rules (the server decides: loans.policy.ts requireRulesReader); only the alliance admin issues them. */
export const RULES_READERS = ['fund_officer', 'alliance_admin', 'coop_manager'];

const methods = (ms: string[]) => ms.map((m) => METHOD_LABELS[m as keyof typeof METHOD_LABELS] ?? m).join(', ');
const rate = (r: string) => `${r.replace('.', ',')}%/năm`;
const conditions = (v: LoanRules) =>
  [
    v.minMonthsSinceFounding > 0 ? `thành lập từ ${v.minMonthsSinceFounding} tháng` : null,
    v.maxOpenLoans ? `tối đa ${v.maxOpenLoans} khoản đang vay` : null,
    v.sectorGroups ? `ngành: ${v.sectorGroups.map((g) => sectorGroupLabel(g, 'vi')).join(', ')}` : null,
    v.kinds ? `loại hình: ${v.kinds.map((k) => kindLabel(k, 'vi')).join(', ')}` : null,
    v.note,
  ].filter(Boolean).join('; ') || 'Không có điều kiện thêm';

/** "Đang áp dụng" for the version in force today, "Sắp có hiệu lực" for one dated later. */
function Status({ v, inForce }: { v: LoanRules; inForce: LoanRules | undefined }) {
  if (v.id === inForce?.id) return <Tag color="green">Đang áp dụng</Tag>;
  if (v.effectiveFrom > (inForce?.effectiveFrom ?? '')) return <Tag color="blue">Sắp có hiệu lực</Tag>;
  return null;
}

/** On a phone, one card per version (a wide table would scroll sideways). */
function RulesCards({ versions, inForce }: { versions: LoanRules[]; inForce: LoanRules | undefined }) {
  if (versions.length === 0) return <Alert type="info" title="Chưa có phiên bản quy định nào." />;
  return (
    <>
      {versions.map((v) => (
        <Card key={v.id} size="small" style={{ marginBottom: 12 }} title={<Space wrap>Hiệu lực từ {date(v.effectiveFrom)}<Status v={v} inForce={inForce} /></Space>} data-testid="rules-version">
          <Descriptions size="small" column={1} items={[
            { key: 'amount', label: 'Vay tối đa', children: money(v.maxAmountVnd) },
            { key: 'term', label: 'Thời hạn tối đa', children: `${v.maxTermMonths} tháng; ân hạn tối đa ${v.maxGraceMonths} tháng` },
            { key: 'methods', label: 'Phương thức', children: methods(v.methods) },
            { key: 'rates', label: 'Lãi suất', children: `${rate(v.annualRatePercent)}; phạt ${v.penaltyRatePercent}%` },
            { key: 'conditions', label: 'Điều kiện', children: conditions(v) },
          ]} />
        </Card>
      ))}
    </>
  );
}

/** The alliance admin's form for a new version of the rules, validated by the same zod schema as POST /api/loans/rules. */
function IssueRules({ onDone }: { onDone(): void }) {
  const { message } = App.useApp();
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
        void message.success(`Đã ban hành quy định cho vay hiệu lực từ ngày ${date(v.effectiveFrom)}.`);
        onDone();
      },
      onError: (error) => setRefusal(placeServerError(error, form.setError, FIELDS)),
    });
  });
  return (
    <Card size="small" title="Ban hành phiên bản quy định mới" style={{ marginBottom: 16 }} data-testid="issue-rules">
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="server-error" />}
      <Form layout="vertical" onFinish={() => void submit()} style={{ maxWidth: 720 }}>
        <Space wrap size="large" align="start">
          <FormField label="Hiệu lực từ ngày" htmlFor="effectiveFrom" error={errors.effectiveFrom?.message} required>
            <Controller control={form.control} name="effectiveFrom" render={({ field }) => <DateInput id="effectiveFrom" value={field.value} onChange={(v) => field.onChange(v ?? '')} />} />
          </FormField>
          <FormField label="Số tiền vay tối đa" htmlFor="maxAmountVnd" error={errors.maxAmountVnd?.message} required>
            <Controller control={form.control} name="maxAmountVnd" render={({ field }) => <MoneyInput id="maxAmountVnd" value={field.value} onChange={field.onChange} onBlur={field.onBlur} />} />
          </FormField>
        </Space>
        <Space wrap size="large" align="start">
          <FormField label="Thời hạn tối đa (tháng)" htmlFor="maxTermMonths" error={errors.maxTermMonths?.message} required>
            <Controller control={form.control} name="maxTermMonths" render={({ field }) => <InputNumber id="maxTermMonths" min={1} max={360} value={field.value} onChange={(v) => field.onChange(v ?? undefined)} />} />
          </FormField>
          <FormField label="Ân hạn tối đa (tháng)" htmlFor="maxGraceMonths" error={errors.maxGraceMonths?.message}>
            <Controller control={form.control} name="maxGraceMonths" render={({ field }) => <InputNumber id="maxGraceMonths" min={0} max={360} value={field.value} onChange={(v) => field.onChange(v ?? 0)} />} />
          </FormField>
          <FormField label="Lãi suất (%/năm, ví dụ 4.8)" htmlFor="annualRatePercent" error={errors.annualRatePercent?.message} required>
            <Controller control={form.control} name="annualRatePercent" render={({ field }) => <Input id="annualRatePercent" inputMode="decimal" {...field} onChange={(e) => field.onChange(e.target.value.replace(',', '.'))} />} />
          </FormField>
          <FormField label="Lãi phạt (% lãi trong hạn)" htmlFor="penaltyRatePercent" error={errors.penaltyRatePercent?.message}>
            <Controller control={form.control} name="penaltyRatePercent" render={({ field }) => <InputNumber id="penaltyRatePercent" min={100} max={300} value={field.value} onChange={(v) => field.onChange(v ?? 150)} />} />
          </FormField>
        </Space>
        <FormField label="Phương thức trả nợ được phép" htmlFor="methods" error={errors.methods?.message} required>
          <Controller control={form.control} name="methods" render={({ field }) => <Select id="methods" mode="multiple" value={field.value} onChange={field.onChange} options={Object.entries(METHOD_LABELS).map(([value, label]) => ({ value, label }))} />} />
        </FormField>
        <Space wrap size="large" align="start">
          <FormField label="Thành lập ít nhất (tháng)" htmlFor="minMonthsSinceFounding" error={errors.minMonthsSinceFounding?.message}>
            <Controller control={form.control} name="minMonthsSinceFounding" render={({ field }) => <InputNumber id="minMonthsSinceFounding" min={0} max={600} value={field.value} onChange={(v) => field.onChange(v ?? 0)} />} />
          </FormField>
          <FormField label="Số khoản vay đang mở tối đa (để trống: không giới hạn)" htmlFor="maxOpenLoans" error={errors.maxOpenLoans?.message}>
            <Controller control={form.control} name="maxOpenLoans" render={({ field }) => <InputNumber id="maxOpenLoans" min={1} max={100} value={field.value ?? null} onChange={(v) => field.onChange(v ?? null)} />} />
          </FormField>
        </Space>
        <FormField label="Ghi chú (căn cứ, số quyết định …)" htmlFor="note" error={errors.note?.message}>
          <Controller control={form.control} name="note" render={({ field }) => <Input.TextArea id="note" rows={2} {...field} value={field.value ?? ''} />} />
        </FormField>
        <Space>
          <Button type="primary" htmlType="submit" loading={issue.isPending}>Ban hành</Button>
          <Button onClick={onDone}>Hủy</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** "Quy định cho vay": every version by effective date, newest first; the alliance admin issues new ones. */
export function LoanRulesPage() {
  const { user } = useSession();
  const rules = useLoanRules();
  const [issuing, setIssuing] = useState(false);
  const screens = Grid.useBreakpoint();
  if (!user || !RULES_READERS.includes(user.role)) return <Result status="403" title="Bạn không xem được quy định cho vay." />;
  if (rules.error) return <PageError error={rules.error} onRetry={() => void rules.refetch()} />;
  const isAdmin = user.role === 'alliance_admin';
  const inForceId = rules.data?.inForceId ?? null;
  const versions = rules.data?.versions ?? [];
  const inForce = versions.find((v) => v.id === inForceId);
  const phone = !screens.md;
  return (
    <Card title="Quy định cho vay của Quỹ">
      {isAdmin && !issuing && (
        <Button type="primary" onClick={() => setIssuing(true)} style={{ marginBottom: 16 }}>
          Ban hành quy định mới
        </Button>
      )}
      {isAdmin && issuing && <IssueRules onDone={() => setIssuing(false)} />}
      {rules.data && !inForceId && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="no-rules-in-force"
          title={isAdmin ? 'Chưa có quy định cho vay có hiệu lực hôm nay: hãy ban hành một phiên bản để Quỹ nhận hồ sơ vay.' : 'Chưa có quy định cho vay có hiệu lực hôm nay; hãy đề nghị Quản trị Liên minh ban hành.'} />
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
          locale={{ emptyText: 'Chưa có phiên bản quy định nào.' }}
          columns={[
            { title: 'Hiệu lực từ', dataIndex: 'effectiveFrom', width: 150, render: (d: string, v) => <Space wrap size={4}>{date(d)}<Status v={v} inForce={inForce} /></Space> },
            { title: 'Vay tối đa', dataIndex: 'maxAmountVnd', align: 'right', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{money(v)}</span> },
            { title: 'Thời hạn tối đa', dataIndex: 'maxTermMonths', render: (n: number) => `${n} tháng` },
            { title: 'Ân hạn tối đa', dataIndex: 'maxGraceMonths', render: (n: number) => `${n} tháng` },
            { title: 'Phương thức', dataIndex: 'methods', render: methods },
            { title: 'Lãi suất', key: 'rates', render: (_, v) => `${rate(v.annualRatePercent)}; phạt ${v.penaltyRatePercent}%` },
            { title: 'Điều kiện', key: 'conditions', render: (_, v) => conditions(v) },
          ]}
        />
      )}
    </Card>
  );
}
