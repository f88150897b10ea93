import { Button, Card, Space, Table, Tabs, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { PageError } from '../../components/PageStatus.tsx';
import { CardHeading } from '../../components/PageTitle.tsx';
import { date, money } from '../../format.ts';
import { useSession } from '../../session/session.ts';
import type { LoanStatus } from '../../../server/modules/loans/loans.schemas.ts';
import { type LoanSummary, useLoans } from './loansApi.ts';
import { STATUS_COLORS, useLoanWords } from './texts.ts';

// The fund's work, step by step: each queue holds the applications and loans of one status.
const QUEUES: LoanStatus[] = ['submitted', 'appraised', 'approved', 'contracted', 'active', 'closed', 'rejected', 'written_off'];

function LoanTable({ status }: { status?: LoanStatus }) {
  const { t, status: statusLabel, months } = useLoanWords();
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
        { title: t('loans.col.code'), dataIndex: 'code', render: (code: string, l) => <Link to={`/loans/${l.id}`}>{code}</Link> },
        { title: t('loans.col.borrower'), dataIndex: 'borrowerName' },
        { title: t('loans.col.requested'), dataIndex: 'requestedAmountVnd', align: 'right', render: money },
        { title: t('loans.col.approved'), key: 'approved', align: 'right', render: (_, l) => money(l.decision?.approvedAmountVnd) },
        { title: t('loans.col.term'), dataIndex: 'termMonths', render: (n: number) => months(n) },
        { title: t('loans.col.appliedOn'), dataIndex: 'appliedOn', render: date },
        { title: t('loans.col.status'), dataIndex: 'status', render: (s: LoanStatus) => <Tag color={STATUS_COLORS[s]}>{statusLabel(s)}</Tag> },
      ]}
    />
  );
}

/** The fund's work queues (appraisal, approval, contract, disbursement, …); a manager's own loans. */
export function LoanQueues() {
  const { user } = useSession();
  const { t } = useLoanWords();
  const navigate = useNavigate();
  const apply = (
    <Space wrap>
      <Link to="/loans/rules">{t('loans.rulesLink')}</Link>
      <Button type="primary" onClick={() => navigate('/loans/new')}>
        {t('loans.apply')}
      </Button>
    </Space>
  );
  if (user && !user.can.handleLoans) {
    return (
      <Card title={<CardHeading>{t('loans.ownLoans')}</CardHeading>} extra={apply}>
        <LoanTable />
      </Card>
    );
  }
  return (
    <Card title={<CardHeading>{t('loans.fundLoans')}</CardHeading>} extra={apply}>
      <Tabs items={QUEUES.map((status) => ({ key: status, label: t(`loans.queue.${status}`), children: <LoanTable status={status} /> }))} destroyOnHidden />
    </Card>
  );
}
