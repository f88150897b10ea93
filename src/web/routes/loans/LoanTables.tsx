import { App, Button, Table, Timeline, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { uploadFile } from '../../api/upload.ts';
import { date, dateTime, money } from '../../format.ts';
import { documentUrl, type LoanDetail } from './loansApi.ts';
import { ACTION_LABELS } from './texts.ts';

type Detail = { detail: LoanDetail };

/** The repayment schedule with what was paid on each instalment. */
export function ScheduleTable({ detail }: Detail) {
  return (
    <Table
      rowKey="n"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={detail.schedule}
      data-testid="schedule"
      columns={[
        { title: 'Kỳ', dataIndex: 'n' },
        { title: 'Ngày đến hạn', dataIndex: 'dueDate', render: date },
        { title: 'Gốc phải trả', dataIndex: 'principalDueVnd', align: 'right', render: money },
        { title: 'Lãi phải trả', dataIndex: 'interestDueVnd', align: 'right', render: money },
        { title: 'Gốc đã trả', dataIndex: 'principalPaidVnd', align: 'right', render: money },
        { title: 'Lãi đã trả', dataIndex: 'interestPaidVnd', align: 'right', render: money },
      ]}
    />
  );
}

/** Repayments and how each was split (penalty → overdue interest → overdue principal → current → prepayment). */
export function PaymentsTable({ detail }: Detail) {
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={detail.payments}
      data-testid="payments"
      columns={[
        { title: 'Ngày trả', dataIndex: 'paidOn', render: date },
        { title: 'Số tiền', dataIndex: 'amountVnd', align: 'right', render: money },
        { title: 'Lãi phạt', key: 'p', align: 'right', render: (_, p) => money(p.allocation.penaltyVnd) },
        { title: 'Lãi quá hạn', key: 'oi', align: 'right', render: (_, p) => money(p.allocation.overdueInterestVnd) },
        { title: 'Gốc quá hạn', key: 'op', align: 'right', render: (_, p) => money(p.allocation.overduePrincipalVnd) },
        { title: 'Lãi trong hạn', key: 'ci', align: 'right', render: (_, p) => money(p.allocation.currentInterestVnd) },
        { title: 'Gốc trong hạn', key: 'cp', align: 'right', render: (_, p) => money(p.allocation.currentPrincipalVnd) },
        { title: 'Trả trước gốc', key: 'pp', align: 'right', render: (_, p) => money(p.allocation.prepaymentVnd) },
        { title: 'Người ghi', dataIndex: 'recordedBy' },
      ]}
    />
  );
}

/** Tranches disbursed and term extensions. */
export function DisbursementsTable({ detail }: Detail) {
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.disbursements}
        columns={[
          { title: 'Ngày giải ngân', dataIndex: 'disbursedOn', render: date },
          { title: 'Số tiền', dataIndex: 'amountVnd', align: 'right', render: money },
          { title: 'Ghi chú', dataIndex: 'note' },
        ]}
      />
      {detail.reschedulings.length > 0 && (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          style={{ marginTop: 12 }}
          dataSource={detail.reschedulings}
          columns={[
            { title: 'Gia hạn từ ngày', dataIndex: 'effectiveOn', render: date },
            { title: 'Thời hạn mới', dataIndex: 'newTermMonths', render: (n: number) => `${n} tháng` },
            { title: 'Quyết định', dataIndex: 'decisionNumber' },
            { title: 'Lý do', dataIndex: 'reason' },
          ]}
        />
      )}
    </>
  );
}

/** Attached documents: download links, and an upload while the loan still takes documents. */
export function DocumentsList({ detail }: Detail) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const id = detail.loan.id;
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.documents}
        columns={[
          { title: 'Tệp', dataIndex: 'fileName', render: (name: string, d) => <a href={documentUrl(id, d.id)}>{name}</a> },
          { title: 'Dung lượng', dataIndex: 'sizeBytes', render: (n: number) => `${Math.ceil(n / 1024)} KB` },
          { title: 'Người gửi', dataIndex: 'uploadedBy' },
          { title: 'Thời điểm', dataIndex: 'uploadedAt', render: dateTime },
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
                void message.success('Đã đính kèm tài liệu.');
                void client.invalidateQueries({ queryKey: ['loans'] });
              })
              .catch((error: Error) => {
                onError?.(error);
                void message.error(error.message);
              });
          }}
        >
          <Button style={{ marginTop: 12 }}>Đính kèm tài liệu (pdf, jpg, png, docx, xlsx; tối đa 10 MB)</Button>
        </Upload>
      )}
    </>
  );
}

/** Who did what and when. */
export function LoanHistory({ detail }: Detail) {
  return <Timeline items={detail.history.map((h) => ({ content: `${dateTime(h.at)} — ${ACTION_LABELS[h.action] ?? h.action} — ${h.actor}` }))} />;
}
