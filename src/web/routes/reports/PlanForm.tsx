import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, AutoComplete, Button, Card, Form, InputNumber, Select, Table } from 'antd';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { formatCount } from '../../../shared/format.ts';
import { PLAN_INDICATOR_LABELS, PLAN_INDICATORS, PlanInput } from '../../../server/modules/reports/reports.schemas.ts';
import { dateTime } from '../../format.ts';
import { usePlans, useSetPlan } from './reportsApi.ts';
import { useReportTexts } from './texts.ts';

type Values = z.input<typeof PlanInput>;
type Props = { year: number; areas?: string[]; onSaved?: () => void };

/**
 * Sets the alliance's yearly targets (alliance staff): one indicator, for the whole province or one area
 * as the report names it. The same schema checks the form and the API; the year's targets are listed below.
 */
export function PlanForm({ year, areas = [], onSaved }: Props) {
  const t = useReportTexts();
  const { message } = App.useApp();
  const save = useSetPlan();
  const { control, handleSubmit, formState: { errors }, reset } = useForm<Values>({
    resolver: zodResolver(PlanInput),
    defaultValues: { year, indicator: 'newly_established', area: '', target: undefined as unknown as number },
  });
  const formYear = useWatch({ control, name: 'year' });
  const plans = usePlans(Number.isInteger(formYear) ? formYear : year);

  const submit = handleSubmit((values) =>
    save.mutate(PlanInput.parse(values), {
      onSuccess: (saved) => {
        void message.success(t('saved'));
        reset({ year: saved.year, indicator: saved.indicator, area: saved.area, target: undefined as unknown as number });
        onSaved?.();
      },
    }),
  );
  const item = (name: keyof Values) => ({ validateStatus: errors[name] ? ('error' as const) : undefined, help: errors[name]?.message as string | undefined });

  return (
    <Card title={`${t('planFormTitle')} ${formYear ?? year}`} size="small">
      {save.error ? <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} /> : null}
      <Form layout="vertical" component="div">
        <form onSubmit={submit} noValidate>
          <Form.Item label={t('year')} htmlFor="plan-year" {...item('year')}>
            <Controller name="year" control={control} render={({ field }) => <InputNumber id="plan-year" value={field.value} onChange={(v) => field.onChange(v ?? undefined)} onBlur={field.onBlur} min={1990} max={2100} precision={0} style={{ width: 140 }} />} />
          </Form.Item>
          <Form.Item label={t('indicator')} htmlFor="plan-indicator" {...item('indicator')}>
            <Controller name="indicator" control={control} render={({ field }) => <Select id="plan-indicator" value={field.value} onChange={field.onChange} options={PLAN_INDICATORS.map((i) => ({ value: i, label: PLAN_INDICATOR_LABELS[i] }))} />} />
          </Form.Item>
          <Form.Item label={t('area')} htmlFor="plan-area" extra={t('areaHint')} {...item('area')}>
            <Controller name="area" control={control} render={({ field }) => <AutoComplete id="plan-area" value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} options={areas.map((a) => ({ value: a }))} allowClear filterOption={(input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase())} />} />
          </Form.Item>
          <Form.Item label={t('target')} htmlFor="plan-target" {...item('target')}>
            <Controller
              name="target"
              control={control}
              render={({ field }) => (
                <InputNumber
                  id="plan-target"
                  value={field.value}
                  onChange={(v) => field.onChange(v ?? undefined)}
                  onBlur={field.onBlur}
                  min={0}
                  precision={0}
                  style={{ width: '100%' }}
                  formatter={(v) => (String(v ?? '') === '' ? '' : formatCount(Number(v)))}
                  parser={(v) => { const digits = (v ?? '').replace(/\D/g, ''); return (digits === '' ? undefined : Number(digits)) as number; }}
                />
              )}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('save')}
          </Button>
        </form>
      </Form>
      <Table
        style={{ marginTop: 16 }}
        size="small"
        rowKey={(p) => `${p.indicator}/${p.area}`}
        loading={plans.isLoading}
        dataSource={plans.data ?? []}
        pagination={false}
        columns={[
          { title: t('indicator'), dataIndex: 'indicator', render: (i: keyof typeof PLAN_INDICATOR_LABELS) => PLAN_INDICATOR_LABELS[i] },
          { title: t('area'), dataIndex: 'area', render: (a: string) => a || t('wholeProvince') },
          { title: t('target'), dataIndex: 'target', align: 'right', render: (v: number) => formatCount(v) },
          { title: t('updatedBy'), dataIndex: 'updatedBy', render: (by: string, p) => `${by}, ${dateTime(p.updatedAt)}` },
        ]}
      />
    </Card>
  );
}

export default PlanForm;
