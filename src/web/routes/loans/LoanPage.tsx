import { Button, Card, Col, Descriptions, Row, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { DateInput } from '../../components/DateInput.tsx';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { date, money } from '../../format.ts';
import { LoanActions } from './LoanActions.tsx';
import { DisbursementsTable, DocumentsList, LoanHistory, PaymentsTable, ScheduleTable } from './LoanTables.tsx';
import { statementUrl, useLoan, type LoanDetail } from './loansApi.ts';
import { DEBT_GROUP_LABELS, GROUP_COLORS, LOAN_STATUS_LABELS, METHOD_LABELS, STATUS_COLORS } from './texts.ts';

function Facts({ detail }: { detail: LoanDetail }) {
  const { loan } = detail;
  const items = [
    { label: 'Tổ chức vay', children: detail.borrower.name },
    { label: 'Mục đích', children: loan.purpose },
    { label: 'Số tiền đề nghị', children: money(loan.requestedAmountVnd) },
    { label: 'Được duyệt', children: money(loan.decision?.approvedAmountVnd) },
    { label: 'Đã giải ngân', children: money(detail.disbursedVnd) },
    { label: 'Thời hạn', children: `${detail.currentTermMonths} tháng${loan.graceMonths ? `, ân hạn gốc ${loan.graceMonths} tháng` : ''}` },
    { label: 'Phương thức', children: METHOD_LABELS[loan.method as keyof typeof METHOD_LABELS] },
    { label: 'Lãi suất', children: loan.annualRatePercent ? `${loan.annualRatePercent.replace('.', ',')}%/năm (phạt ${loan.penaltyRatePercent}%)` : '—' },
    { label: 'Tài sản bảo đảm', children: loan.collateral ?? '—' },
    { label: 'Người bảo lãnh', children: loan.guarantors.map((g) => g.name).join(', ') || '—' },
    { label: 'Ngày nhận hồ sơ', children: date(loan.appliedOn) },
    { label: 'Quyết định', children: loan.decision ? `${loan.decision.number} ngày ${date(loan.decision.date)}${loan.decision.reason ? ` — ${loan.decision.reason}` : ''}` : '—' },
    { label: 'Hợp đồng', children: loan.contract ? `${loan.contract.number} ngày ${date(loan.contract.signedOn)}` : '—' },
    { label: 'Thẩm định', children: loan.appraisal ? (loan.appraisal.findings ? `${loan.appraisal.by}: ${loan.appraisal.findings}` : `Đã thẩm định (${loan.appraisal.by})`) : '—' },
  ];
  return <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

function Position({ detail }: { detail: LoanDetail }) {
  const p = detail.position;
  if (!p) return <Typography.Text type="secondary">Chưa giải ngân tại ngày này.</Typography.Text>;
  return (
    <Row gutter={[12, 12]} data-testid="position">
      <Col xs={12} md={6}><Statistic title="Dư nợ gốc" value={money(p.outstandingPrincipalVnd)} /></Col>
      <Col xs={12} md={6}><Statistic title="Gốc quá hạn" value={money(p.overduePrincipalVnd)} /></Col>
      <Col xs={12} md={6}><Statistic title="Lãi quá hạn + lãi phạt" value={money((BigInt(p.overdueInterestVnd) + BigInt(p.penaltyAccruedVnd)).toString())} /></Col>
      <Col xs={12} md={6}>
        <Statistic title="Số ngày quá hạn" value={p.daysPastDue} />
        <Tag color={GROUP_COLORS[p.debtGroup]} data-testid="debt-group">{DEBT_GROUP_LABELS[p.debtGroup]}</Tag>
      </Col>
    </Row>
  );
}

/** One loan: its facts, position as of a date, the steps the user may take, schedule, payments and history. */
export function LoanPage() {
  const { id = '' } = useParams();
  const [asOf, setAsOf] = useState<string | undefined>();
  const query = useLoan(id, asOf);
  if (query.isLoading) return <PageLoading />;
  if (query.error || !query.data) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const detail = query.data;
  const { loan } = detail;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>Khoản vay {loan.code}</span>
            <Tag color={STATUS_COLORS[loan.status]} data-testid="loan-status">{LOAN_STATUS_LABELS[loan.status as keyof typeof LOAN_STATUS_LABELS]}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            <Button href={statementUrl(loan.id, 'pdf', asOf)}>Sao kê PDF</Button>
            <Button href={statementUrl(loan.id, 'xlsx', asOf)}>Sao kê Excel</Button>
          </Space>
        }
      >
        <Facts detail={detail} />
      </Card>
      <Card title={<Space wrap><span>Tình hình khoản vay tại ngày</span><div style={{ width: 160 }}><DateInput id="asOf" value={asOf ?? detail.asOf} onChange={(v) => setAsOf(v ?? undefined)} /></div></Space>}>
        <Position detail={detail} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>
            <Tabs
              items={[
                { key: 'schedule', label: 'Lịch trả nợ', children: <ScheduleTable detail={detail} /> },
                { key: 'payments', label: `Trả nợ (${detail.payments.length})`, children: <PaymentsTable detail={detail} /> },
                { key: 'disbursements', label: 'Giải ngân, gia hạn', children: <DisbursementsTable detail={detail} /> },
                { key: 'documents', label: `Tài liệu (${detail.documents.length})`, children: <DocumentsList detail={detail} /> },
                { key: 'history', label: 'Lịch sử', children: <LoanHistory detail={detail} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <LoanActions detail={detail} />
        </Col>
      </Row>
    </Space>
  );
}
