import { Button, Card, Space, Table, Tabs, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { PageError } from '../../components/PageStatus.tsx';
import { date, money } from '../../format.ts';
import { useSession } from '../../session/session.ts';
import type { LoanStatus } from '../../../server/modules/loans/loans.schemas.ts';
import { type LoanSummary, useLoans } from './loansApi.ts';
import { LOAN_STATUS_LABELS, STATUS_COLORS } from './texts.ts';

const QUEUES: Array<{ status: LoanStatus; label: string }> = [
  { status: 'submitted', label: 'Chờ thẩm định' },
  { status: 'appraised', label: 'Chờ phê duyệt' },
  { status: 'approved', label: 'Chờ ký hợp đồng' },
  { status: 'contracted', label: 'Chờ giải ngân' },
  { status: 'active', label: 'Đang cho vay' },
  { status: 'closed', label: 'Đã tất toán' },
  { status: 'rejected', label: 'Từ chối' },
  { status: 'written_off', label: 'Đã xóa nợ' },
];

function LoanTable({ status }: { status?: LoanStatus }) {
  const loans = useLoans(status);
  if (loans.error) return <PageError error={loans.error} onRetry={() => void loans.refetch()} />;
  return (
    <Table<LoanSummary>
      rowKey="id"
      size="middle"
      loading={loans.isLoading}
      dataSource={loans.data?.items ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: 'Mã hồ sơ', dataIndex: 'code', render: (code: string, l) => <Link to={`/loans/${l.id}`}>{code}</Link> },
        { title: 'Tổ chức vay', dataIndex: 'borrowerName' },
        { title: 'Số tiền đề nghị', dataIndex: 'requestedAmountVnd', align: 'right', render: money },
        { title: 'Được duyệt', key: 'approved', align: 'right', render: (_, l) => money(l.decision?.approvedAmountVnd) },
        { title: 'Thời hạn', dataIndex: 'termMonths', render: (n: number) => `${n} tháng` },
        { title: 'Ngày nhận', dataIndex: 'appliedOn', render: date },
        { title: 'Trạng thái', dataIndex: 'status', render: (s: LoanStatus) => <Tag color={STATUS_COLORS[s]}>{LOAN_STATUS_LABELS[s]}</Tag> },
      ]}
    />
  );
}

/** The fund's work queues (appraisal, approval, contract, disbursement, …); a manager's own loans. */
export function LoanQueues() {
  const { user } = useSession();
  const navigate = useNavigate();
  const apply = (
    <Space wrap>
      <Link to="/loans/rules">Quy định cho vay</Link>
      <Button type="primary" onClick={() => navigate('/loans/new')}>
        Lập hồ sơ vay
      </Button>
    </Space>
  );
  if (user?.role === 'coop_manager') {
    return (
      <Card title="Khoản vay của tổ chức" extra={apply}>
        <LoanTable />
      </Card>
    );
  }
  return (
    <Card title="Hồ sơ và khoản vay của Quỹ" extra={apply}>
      <Tabs items={QUEUES.map((q) => ({ key: q.status, label: q.label, children: <LoanTable status={q.status} /> }))} destroyOnHidden />
    </Card>
  );
}
