import { Alert, App, Button, DatePicker, Flex, Form, Input, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { useSetCorrection, type Correction } from './calendarApi.ts';

type Values = { day: Dayjs | null; dayOff: boolean; name: string };

/** The administrator's correction of one date: a day off or a working day, with its name or reason. */
export function CorrectionForm({ year, preset }: { year: number; preset: Correction | null }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetCorrection();
  useEffect(() => {
    if (!preset) return;
    form.setFieldsValue({ day: dayjs(preset.day), dayOff: preset.dayOff, name: preset.name });
    document.querySelector('[data-testid="calendar-form"]')?.scrollIntoView({ block: 'start' });
  }, [preset, form]);

  const submit = (values: Values) => {
    const day = values.day!.format('YYYY-MM-DD');
    save.mutate(
      { day, dayOff: values.dayOff, name: values.name.trim() },
      {
        onSuccess: () => {
          void message.success(t('calendar.form.saved', { day: date(day) }));
          form.resetFields();
        },
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ day: null, dayOff: true, name: '' }} onFinish={submit} data-testid="calendar-form" style={{ maxWidth: 560 }}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>{t('calendar.form.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('calendar.form.hint')}</Typography.Paragraph>
      <Flex wrap gap={12}>
        <Form.Item name="day" label={t('calendar.day')} rules={[{ required: true, message: t('calendar.form.dayRequired') }]} style={{ minWidth: 170 }}>
          <DatePicker format="DD/MM/YYYY" defaultPickerValue={dayjs(`${year}-01-01`)} style={{ width: 170 }} data-testid="calendar-form-day" />
        </Form.Item>
        <Form.Item name="dayOff" label={t('calendar.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('calendar.kind.off') },
              { value: false, label: t('calendar.kind.working') },
            ]}
            data-testid="calendar-form-kind"
          />
        </Form.Item>
      </Flex>
      <Form.Item name="name" label={t('calendar.name')} rules={[{ required: true, whitespace: true, message: t('calendar.form.nameRequired') }]}>
        <Input maxLength={200} data-testid="calendar-form-name" />
      </Form.Item>
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} data-testid="calendar-form-error" />}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="calendar-form-save">{t('calendar.form.save')}</Button>
    </Form>
  );
}
