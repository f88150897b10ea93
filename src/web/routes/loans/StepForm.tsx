import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useState, type ReactNode } from 'react';
import { Controller, useForm, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { DateInput } from '../../components/DateInput.tsx';
import { FormField } from '../../components/FormField.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { placeServerError } from '../registry/serverErrors.ts';
import { useLoanStep } from './loansApi.ts';
import { useLoanWords } from './texts.ts';

export type StepField = {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'money' | 'date' | 'number' | 'select';
  options?: Array<{ value: string; label: string }>;
  required?: boolean;
  /** For dates: the first and last day the server accepts ('YYYY-MM-DD'); the others are greyed out. */
  min?: string;
  max?: string;
};

type Props = {
  loanId: string;
  /** The path after /api/loans/:id/ (appraisal, decision, payments, …). */
  step: string;
  title: string;
  submitLabel: string;
  schema: z.ZodType<FieldValues>;
  fields: StepField[];
  defaults: FieldValues;
  /** Values added on submit (e.g. an idempotency key), fresh for each new form. */
  extra?: () => FieldValues;
  note?: ReactNode;
  danger?: boolean;
  /** Asked before posting (destructive steps): the question shown in a confirmation dialog. */
  confirm?: (values: FieldValues) => string;
  onDone?: () => void;
};

/** One step on a loan as a small form, validated by the same zod schema as the route it posts to. */
export function StepForm({ loanId, step, title, submitLabel, schema, fields, defaults, extra, note, danger, confirm, onDone }: Props) {
  const { message, modal } = App.useApp();
  const { t } = useLoanWords();
  const mutation = useLoanStep<FieldValues>(loanId, step);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [extraValues, setExtraValues] = useState<FieldValues>(() => extra?.() ?? {});
  const form = useForm<FieldValues>({ resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>, defaultValues: { ...defaults, ...extraValues } });
  const errors = form.formState.errors;
  const post = (input: FieldValues) => {
    setRefusal(null);
    mutation.mutate(input, {
      onSuccess: () => {
        void message.success(t('loan.step.done', { title }));
        const fresh = extra?.() ?? {};
        setExtraValues(fresh);
        form.reset({ ...defaults, ...fresh });
        onDone?.();
      },
      onError: (error) => setRefusal(placeServerError(error, form.setError, fields.map((f) => f.name))),
    });
  };
  const submit = form.handleSubmit((input) => {
    if (!confirm) return post(input);
    void modal.confirm({ title, content: confirm(input), okText: submitLabel, okButtonProps: { danger: true }, cancelText: t('loan.step.no'), onOk: () => post(input) });
  });
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid={`step-${step}`}>
      {note}
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="server-error" />}
      <Form layout="vertical" onFinish={() => void submit()}>
        {fields.map((f) => {
          const error = errors[f.name]?.message as string | undefined;
          const id = `${step}-${f.name}`;
          return (
            <FormField key={f.name} label={f.label} htmlFor={id} error={error} required={f.required}>
              <Controller
                control={form.control}
                name={f.name}
                render={({ field }) => {
                  if (f.kind === 'money') return <MoneyInput id={id} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />;
                  if (f.kind === 'date') return <DateInput id={id} value={field.value} onChange={field.onChange} min={f.min} max={f.max} />;
                  if (f.kind === 'number') return <InputNumber id={id} min={0} value={field.value} onChange={(v) => field.onChange(v ?? undefined)} />;
                  if (f.kind === 'select') return <Select id={id} value={field.value} onChange={field.onChange} options={f.options} />;
                  if (f.kind === 'textarea') return <Input.TextArea id={id} rows={3} value={field.value ?? ''} onChange={field.onChange} />;
                  return <Input id={id} value={field.value ?? ''} onChange={field.onChange} />;
                }}
              />
            </FormField>
          );
        })}
        <Button type="primary" danger={danger} htmlType="submit" loading={mutation.isPending}>
          {submitLabel}
        </Button>
      </Form>
    </Card>
  );
}
