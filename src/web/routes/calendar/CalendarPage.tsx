import { Alert, Button, Card, Flex, Popconfirm, App as AntApp, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.ts';
import { useYear } from '../updates/UpdatesHeader.tsx';
import { useCalendarDays, useRemoveCorrection, weekdayKey, type CalendarDay, type Correction } from './calendarApi.ts';
import { CorrectionForm } from './CorrectionForm.tsx';
import { DueDateTool } from './DueDateTool.tsx';
import { YearInput } from '../../components/YearInput.tsx';

/**
 * The working-day calendar of a year: the law's days off that are not weekends, the administrator's corrections
 * (days off added, weekend days worked) marked as such. Everyone signed in reads it; the administrator corrects.
 */
export default function CalendarPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const { message } = AntApp.useApp();
  const { user } = useSession();
  const [year, setYear] = useYear();
  const days = useCalendarDays(year);
  const remove = useRemoveCorrection();
  const [preset, setPreset] = useState<Correction | null>(null);
  const canCorrect = Boolean(user?.can.manageCalendar);

  const removeDay = (day: string) =>
    remove.mutateAsync(day).then(
      () => void message.success(t('calendar.removed', { day: date(day) })),
      () => undefined,
    );
  const list = days.data?.days ?? [];

  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <PageTitle style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>{t('calendar.title', { year })}</PageTitle>
        <Flex align="center" gap={8}>
          <label htmlFor="calendar-year">{t('calendar.year')}</label>
          <YearInput id="calendar-year" year={year} onChange={setYear} testId="calendar-year" />
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" data-testid="calendar-hint">{t('calendar.hint')}</Typography.Paragraph>
      {days.isLoading && <PageLoading />}
      {days.error && <PageError error={days.error} onRetry={() => void days.refetch()} />}
      {days.data && (
        <Flex vertical gap={16}>
          <Typography.Text data-testid="calendar-count">
            {t('calendar.count', { off: list.filter((d) => d.dayOff && !d.weekend).length, worked: list.filter((d) => !d.dayOff && d.weekend).length })}
          </Typography.Text>
          {remove.error && <Alert type="error" showIcon title={remove.error.message} data-testid="calendar-remove-error" />}
          <Table<CalendarDay>
            rowKey="day"
            size="small"
            dataSource={list}
            pagination={false}
            locale={{ emptyText: t('calendar.empty') }}
            data-testid="calendar-days"
            onRow={(row) => ({ 'data-testid': `calendar-day-${row.day}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('calendar.day'),
                dataIndex: 'day',
                render: (day: string) => (
                  <div style={{ whiteSpace: 'nowrap' }}>
                    <div>{date(day)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(weekdayKey(day))}</Typography.Text>
                  </div>
                ),
              },
              {
                title: t('calendar.name'),
                dataIndex: 'name',
                render: (name: string, row) => (
                  <div style={{ minWidth: 140, maxWidth: 480, whiteSpace: 'normal' }}>
                    <div>{name}</div>
                    <Flex wrap gap={4} style={{ marginTop: 2 }}>
                      <Tag color={row.dayOff ? 'red' : 'green'} style={{ marginInlineEnd: 0 }}>{t(row.dayOff ? 'calendar.kind.off' : 'calendar.kind.working')}</Tag>
                      <Tag color={row.source === 'admin' ? 'blue' : undefined} style={{ marginInlineEnd: 0 }}>{t(row.source === 'admin' ? 'calendar.source.admin' : 'calendar.source.law')}</Tag>
                    </Flex>
                    {row.lawName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('calendar.replaces', { name: row.lawName })}</Typography.Text>}
                    {canCorrect && actions(row)}
                  </div>
                ),
              },
            ]}
          />
          <DueDateTool />
          {canCorrect ? <CorrectionForm year={year} preset={preset} /> : <Typography.Text type="secondary" data-testid="calendar-read-only">{t('calendar.readOnly')}</Typography.Text>}
        </Flex>
      )}
    </Card>
  );

  function actions(row: CalendarDay) {
    // Inside the row's text, not in a column of their own: a phone's 360 px keep the table without a sideways scroll.
    return (
      <Flex wrap gap={12} style={{ marginTop: 2 }}>
        {row.source === 'admin' ? (
          <>
            <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setPreset({ day: row.day, dayOff: row.dayOff, name: row.name })} data-testid={`calendar-edit-${row.day}`}>
              {t('calendar.edit')}
            </Button>
            <Popconfirm title={t('calendar.removeConfirm', { day: date(row.day) })} okText={t('calendar.remove')} cancelText={t('common.cancel')} onConfirm={() => removeDay(row.day)}>
              <Button size="small" type="link" danger style={{ padding: 0 }} data-testid={`calendar-remove-${row.day}`}>{t('calendar.remove')}</Button>
            </Popconfirm>
          </>
        ) : (
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setPreset({ day: row.day, dayOff: false, name: '' })} data-testid={`calendar-make-working-${row.day}`}>
            {t('calendar.makeWorking')}
          </Button>
        )}
      </Flex>
    );
  }
}
