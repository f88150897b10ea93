import { Button, Card, Col, Descriptions, Flex, Row, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { DateInput } from '../../components/DateInput.tsx';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { date, money } from '../../format.ts';
import { LoanActions } from './LoanActions.tsx';
import { DisbursementsTable, DocumentsList, LoanHistory, PaymentsTable, ScheduleTable } from './LoanTables.tsx';
import { statementUrl, useLoan, type LoanDetail } from './loansApi.ts';
import { GROUP_COLORS, STATUS_COLORS, useLoanWords } from './texts.ts';

function Facts({ detail }: { detail: LoanDetail }) {
  const { t, method, rate } = useLoanWords();
  const { loan } = detail;
  const numberOn = (number: string | null, on: string | null) => t('loan.fact.numberOn', { number: number ?? '', date: date(on) });
  const items = [
    { label: t('loan.fact.borrower'), children: detail.borrower.name },
    { label: t('loan.fact.purpose'), children: loan.purpose },
    { label: t('loan.fact.requested'), children: money(loan.requestedAmountVnd) },
    { label: t('loan.fact.approved'), children: money(loan.decision?.approvedAmountVnd) },
    { label: t('loan.fact.disbursed'), children: money(detail.disbursedVnd) },
    { label: t('loan.fact.term'), children: loan.graceMonths ? t('loan.fact.termGrace', { months: detail.currentTermMonths, grace: loan.graceMonths }) : t('loans.months', { n: detail.currentTermMonths }) },
    { label: t('loan.fact.method'), children: method(loan.method) },
    { label: t('loan.fact.rate'), children: loan.annualRatePercent ? t('loan.fact.rateValue', { rate: rate(loan.annualRatePercent), penalty: loan.penaltyRatePercent ?? '' }) : '—' },
    { label: t('loan.fact.collateral'), children: loan.collateral ?? '—' },
    { label: t('loan.fact.guarantors'), children: loan.guarantors.map((g) => g.name).join(', ') || '—' },
    { label: t('loan.fact.appliedOn'), children: date(loan.appliedOn) },
    { label: t('loan.fact.decision'), children: loan.decision ? `${numberOn(loan.decision.number, loan.decision.date)}${loan.decision.reason ? ` — ${loan.decision.reason}` : ''}` : '—' },
    { label: t('loan.fact.contract'), children: loan.contract ? numberOn(loan.contract.number, loan.contract.signedOn) : '—' },
    { label: t('loan.fact.appraisal'), children: loan.appraisal ? (loan.appraisal.findings ? `${loan.appraisal.by}: ${loan.appraisal.findings}` : t('loan.fact.appraisedBy', { by: loan.appraisal.by })) : '—' },
  ];
  return <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

function Position({ detail }: { detail: LoanDetail }) {
  const { t, debtGroup } = useLoanWords();
  const p = detail.position;
  if (!p) return <Typography.Text type="secondary">{t('loan.notDisbursedYet')}</Typography.Text>;
  return (
    <Row gutter={[12, 12]} data-testid="position">
      <Col xs={12} md={6}><Statistic title={t('loan.outstandingPrincipal')} value={money(p.outstandingPrincipalVnd)} /></Col>
      <Col xs={12} md={6}><Statistic title={t('loan.overduePrincipal')} value={money(p.overduePrincipalVnd)} /></Col>
      <Col xs={12} md={6}><Statistic title={t('loan.overdueInterestAndPenalty')} value={money((BigInt(p.overdueInterestVnd) + BigInt(p.penaltyAccruedVnd)).toString())} /></Col>
      <Col xs={12} md={6}>
        <Statistic title={t('loan.daysPastDue')} value={p.daysPastDue} />
        <Tag color={GROUP_COLORS[p.debtGroup]} data-testid="debt-group" style={{ whiteSpace: 'normal' }}>{debtGroup(p.debtGroup)}</Tag>
      </Col>
    </Row>
  );
}

/** One loan: its facts, position as of a date, the steps the user may take, schedule, payments and history. */
export function LoanPage() {
  const { id = '' } = useParams();
  const { t, status } = useLoanWords();
  const [asOf, setAsOf] = useState<string | undefined>();
  const query = useLoan(id, asOf);
  if (query.isLoading) return <PageLoading />;
  if (query.error || !query.data) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const detail = query.data;
  const { loan } = detail;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        {/* The heading and its buttons wrap onto lines of their own on a phone: a Card title would clip them. */}
        <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }} data-testid="loan-header">
          <Flex wrap align="center" gap={8}>
            <PageTitle style={{ margin: 0 }}>{t('loan.title', { code: loan.code })}</PageTitle>
            <Tag color={STATUS_COLORS[loan.status]} data-testid="loan-status">{status(loan.status)}</Tag>
          </Flex>
          <Space wrap>
            <Button href={statementUrl(loan.id, 'pdf', asOf)}>{t('loan.statementPdf')}</Button>
            <Button href={statementUrl(loan.id, 'xlsx', asOf)}>{t('loan.statementXlsx')}</Button>
          </Space>
        </Flex>
        <Facts detail={detail} />
      </Card>
      <Card>
        <Flex wrap align="center" gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('loan.positionAsOf')}</Typography.Text>
          <div style={{ width: 160 }}><DateInput id="asOf" value={asOf ?? detail.asOf} onChange={(v) => setAsOf(v ?? undefined)} /></div>
        </Flex>
        <Position detail={detail} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>
            <Tabs
              items={[
                { key: 'schedule', label: t('loan.tab.schedule'), children: <ScheduleTable detail={detail} /> },
                { key: 'payments', label: t('loan.tab.payments', { count: detail.payments.length }), children: <PaymentsTable detail={detail} /> },
                { key: 'disbursements', label: t('loan.tab.disbursements'), children: <DisbursementsTable detail={detail} /> },
                { key: 'documents', label: t('loan.tab.documents', { count: detail.documents.length }), children: <DocumentsList detail={detail} /> },
                { key: 'history', label: t('loan.tab.history'), children: <LoanHistory detail={detail} /> },
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
