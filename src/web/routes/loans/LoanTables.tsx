import { App, Button, Card, Descriptions, Flex, Table, Timeline, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { uploadFile } from '../../api/upload.ts';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { date, dateTime, money } from '../../format.ts';
import { documentUrl, type LoanDetail } from './loansApi.ts';
import { useLoanWords } from './texts.ts';

type Detail = { detail: LoanDetail };
type Instalment = LoanDetail['schedule'][number];

/**
 * The repayment schedule with what was paid on each instalment. On a phone, one small card per instalment, so
 * that the interest is in view beside the principal (a six-column table would hide it off the screen's edge).
 */
export function ScheduleTable({ detail }: Detail) {
  const { t } = useLoanWords();
  const narrow = useIsNarrow();
  if (narrow) {
    return (
      <Flex vertical gap={8} data-testid="schedule">
        {detail.schedule.map((i: Instalment) => (
          <Card key={i.n} size="small" title={t('loan.schedule.instalment', { n: i.n, date: date(i.dueDate) })} data-testid="schedule-instalment">
            <Descriptions size="small" column={2} layout="vertical" colon={false}
              items={[
                { key: 'pd', label: t('loan.schedule.principalDue'), children: money(i.principalDueVnd) },
                { key: 'id', label: t('loan.schedule.interestDue'), children: money(i.interestDueVnd) },
                { key: 'pp', label: t('loan.schedule.principalPaid'), children: money(i.principalPaidVnd) },
                { key: 'ip', label: t('loan.schedule.interestPaid'), children: money(i.interestPaidVnd) },
              ]}
            />
          </Card>
        ))}
      </Flex>
    );
  }
  return (
    <Table
      rowKey="n"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={detail.schedule}
      data-testid="schedule"
      columns={[
        { title: t('loan.schedule.n'), dataIndex: 'n', fixed: 'left' },
        { title: t('loan.schedule.dueDate'), dataIndex: 'dueDate', render: date },
        { title: t('loan.schedule.principalDue'), dataIndex: 'principalDueVnd', align: 'right', render: money },
        { title: t('loan.schedule.interestDue'), dataIndex: 'interestDueVnd', align: 'right', render: money },
        { title: t('loan.schedule.principalPaid'), dataIndex: 'principalPaidVnd', align: 'right', render: money },
        { title: t('loan.schedule.interestPaid'), dataIndex: 'interestPaidVnd', align: 'right', render: money },
      ]}
    />
  );
}

/** Repayments and how each was split (penalty → overdue interest → overdue principal → current → prepayment). */
export function PaymentsTable({ detail }: Detail) {
  const { t } = useLoanWords();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={detail.payments}
      data-testid="payments"
      columns={[
        { title: t('loan.payments.paidOn'), dataIndex: 'paidOn', render: date, fixed: 'left' },
        { title: t('loan.payments.amount'), dataIndex: 'amountVnd', align: 'right', render: money },
        { title: t('loan.payments.penalty'), key: 'p', align: 'right', render: (_, p) => money(p.allocation.penaltyVnd) },
        { title: t('loan.payments.overdueInterest'), key: 'oi', align: 'right', render: (_, p) => money(p.allocation.overdueInterestVnd) },
        { title: t('loan.payments.overduePrincipal'), key: 'op', align: 'right', render: (_, p) => money(p.allocation.overduePrincipalVnd) },
        { title: t('loan.payments.currentInterest'), key: 'ci', align: 'right', render: (_, p) => money(p.allocation.currentInterestVnd) },
        { title: t('loan.payments.currentPrincipal'), key: 'cp', align: 'right', render: (_, p) => money(p.allocation.currentPrincipalVnd) },
        { title: t('loan.payments.prepayment'), key: 'pp', align: 'right', render: (_, p) => money(p.allocation.prepaymentVnd) },
        { title: t('loan.payments.recordedBy'), dataIndex: 'recordedBy' },
      ]}
    />
  );
}

/** Tranches disbursed and term extensions. */
export function DisbursementsTable({ detail }: Detail) {
  const { t, months } = useLoanWords();
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={detail.disbursements}
        columns={[
          { title: t('loan.disbursements.on'), dataIndex: 'disbursedOn', render: date },
          { title: t('loan.payments.amount'), dataIndex: 'amountVnd', align: 'right', render: money },
          { title: t('loan.disbursements.note'), dataIndex: 'note' },
        ]}
      />
      {detail.reschedulings.length > 0 && (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          style={{ marginTop: 12 }}
          dataSource={detail.reschedulings}
          columns={[
            { title: t('loan.reschedule.from'), dataIndex: 'effectiveOn', render: date },
            { title: t('loan.reschedule.newTerm'), dataIndex: 'newTermMonths', render: (n: number) => months(n) },
            { title: t('loan.reschedule.decision'), dataIndex: 'decisionNumber' },
            { title: t('loan.reschedule.reason'), dataIndex: 'reason' },
          ]}
        />
      )}
    </>
  );
}

/** Attached documents: download links, and an upload while the loan still takes documents. */
export function DocumentsList({ detail }: Detail) {
  const { t } = useLoanWords();
  const { message } = App.useApp();
  const client = useQueryClient();
  const id = detail.loan.id;
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={detail.documents}
        columns={[
          { title: t('loan.documents.file'), dataIndex: 'fileName', render: (name: string, d) => <a href={documentUrl(id, d.id)}>{name}</a> },
          { title: t('loan.documents.size'), dataIndex: 'sizeBytes', render: (n: number) => `${Math.ceil(n / 1024)} KB` },
          { title: t('loan.documents.by'), dataIndex: 'uploadedBy' },
          { title: t('loan.documents.at'), dataIndex: 'uploadedAt', render: dateTime },
        ]}
      />
      {detail.loan.can.uploadDocument && (
        <Upload
          accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            uploadFile(`/api/loans/${id}/documents`, file as File, () => {})
              .then((body) => {
                onSuccess?.(body);
                void message.success(t('loan.documents.added'));
                void client.invalidateQueries({ queryKey: ['loans'] });
              })
              .catch((error: Error) => {
                onError?.(error);
                void message.error(error.message);
              });
          }}
        >
          <Button style={{ marginTop: 12, whiteSpace: 'normal', height: 'auto' }}>{t('loan.documents.upload')}</Button>
        </Upload>
      )}
    </>
  );
}

/** Who did what and when. */
export function LoanHistory({ detail }: Detail) {
  const { action } = useLoanWords();
  return <Timeline items={detail.history.map((h) => ({ content: `${dateTime(h.at)} — ${action(h.action)} — ${h.actor}` }))} />;
}
