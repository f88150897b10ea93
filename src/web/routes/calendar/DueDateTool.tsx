import { Alert, DatePicker, Flex, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { daysBetween } from '../../../shared/dates.ts';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { useDueDate, weekdayKey } from './calendarApi.ts';

/** "10 working days after 13/02/2026": the due date as the server counts it, corrections included. */
export function DueDateTool() {
  const t = useT();
  const [from, setFrom] = useState<string | null>(null);
  const [workingDays, setWorkingDays] = useState<number | null>(10);
  const due = useDueDate(from && workingDays !== null ? { from, workingDays } : null);
  return (
    <Flex vertical gap={8} data-testid="due-date-tool">
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('calendar.due.title')}</Typography.Title>
      <Flex wrap gap={12} align="center">
        <label htmlFor="due-from">{t('calendar.due.from')}</label>
        <DatePicker id="due-from" format="DD/MM/YYYY" style={{ width: 160 }} onChange={(d) => setFrom(d ? d.format('YYYY-MM-DD') : null)} data-testid="due-from" />
        <label htmlFor="due-working-days">{t('calendar.due.workingDays')}</label>
        <InputNumber id="due-working-days" min={0} max={1000} precision={0} inputMode="numeric" value={workingDays} onChange={(v) => setWorkingDays(typeof v === 'number' ? v : null)} style={{ width: 90 }} data-testid="due-working-days" />
      </Flex>
      {due.error && <Alert type="error" showIcon title={due.error.message} />}
      {due.data && (
        <Typography.Text strong data-testid="due-on">
          {t('calendar.due.result', { dueOn: `${t(weekdayKey(due.data.dueOn))}, ${date(due.data.dueOn)}`, from: date(due.data.from), workingDays: due.data.workingDays, days: daysBetween(due.data.from, due.data.dueOn) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
