import { Card, Col, Row, Space, Statistic, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DateInput } from '../../components/DateInput.tsx';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { date, money } from '../../format.ts';
import { useLabels } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.ts';
import { useDueList, usePortfolio, type Portfolio } from './loansApi.ts';
import { useLoanWords } from './texts.ts';

type Bucket = Portfolio['bySectorGroup'][number];
const percent = (text: string) => `${text.replace('.', ',')}%`;

function BucketTable({ rows, title }: { rows: Bucket[]; title: string }) {
  const { t } = useLoanWords();
  return (
    <Table<Bucket>
      rowKey="key"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      columns={[
        { title, dataIndex: 'name' },
        { title: t('portfolio.loans'), dataIndex: 'loans', align: 'right' },
        { title: t('portfolio.outstanding'), dataIndex: 'outstandingPrincipalVnd', align: 'right', render: money },
        { title: t('portfolio.overduePrincipal'), dataIndex: 'overduePrincipalVnd', align: 'right', render: money },
        { title: t('portfolio.overdueInterest'), dataIndex: 'overdueInterestVnd', align: 'right', render: money },
        { title: t('portfolio.badDebt'), dataIndex: 'badDebtPrincipalVnd', align: 'right', render: money },
        { title: t('portfolio.badDebtRatio'), dataIndex: 'badDebtRatioPercent', align: 'right', render: percent },
      ]}
    />
  );
}

function DueList({ from }: { from?: string }) {
  const { t } = useLoanWords();
  const due = useDueList(from);
  return (
    <Table
      rowKey={(i) => `${i.loanId}-${i.n}`}
      size="small"
      loading={due.isLoading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={due.data?.items ?? []}
      columns={[
        { title: t('portfolio.dueDate'), dataIndex: 'dueDate', render: date },
        { title: t('portfolio.loan'), dataIndex: 'code', render: (code: string, i) => <Link to={`/loans/${i.loanId}`}>{code}</Link> },
        { title: t('loans.col.borrower'), dataIndex: 'borrowerName' },
        { title: t('portfolio.instalment'), dataIndex: 'n' },
        { title: t('portfolio.principal'), dataIndex: 'principalVnd', align: 'right', render: money },
        { title: t('portfolio.interest'), dataIndex: 'interestVnd', align: 'right', render: money },
        { title: t('portfolio.total'), dataIndex: 'totalVnd', align: 'right', render: money },
      ]}
    />
  );
}

/** The fund's portfolio as of a date: outstanding, overdue, debt groups, bad-debt ratio, by sector and area. */
export function PortfolioDashboard() {
  const { user } = useSession();
  const { t, debtGroup } = useLoanWords();
  const labels = useLabels();
  const [asOf, setAsOf] = useState<string | undefined>();
  const query = usePortfolio(asOf);
  if (query.isLoading) return <PageLoading />;
  if (query.error || !query.data) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const isFund = Boolean(user?.can.handleLoans);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageTitle style={{ margin: 0 }}>{t('nav.portfolio')}</PageTitle>
      <Card title={<Space wrap><span>{t('portfolio.asOf')}</span><div style={{ width: 160 }}><DateInput id="portfolioAsOf" value={asOf ?? p.asOf} onChange={(v) => setAsOf(v ?? undefined)} /></div></Space>}>
        <Row gutter={[12, 12]} data-testid="portfolio-totals">
          <Col xs={12} md={6}><Statistic title={t('portfolio.outstanding')} value={money(p.totals.outstandingPrincipalVnd)} /></Col>
          <Col xs={12} md={6}><Statistic title={t('portfolio.overduePrincipal')} value={money(p.totals.overduePrincipalVnd)} /></Col>
          <Col xs={12} md={6}><Statistic title={t('portfolio.overdueInterest')} value={money(p.totals.overdueInterestVnd)} /></Col>
          <Col xs={12} md={6}><Statistic title={t('portfolio.badDebtRatio')} value={percent(p.totals.badDebtRatioPercent)} /></Col>
        </Row>
      </Card>
      <Card title={t('portfolio.byDebtGroup')}>
        <Table
          rowKey="group"
          size="small"
          pagination={false}
          dataSource={p.byDebtGroup}
          data-testid="debt-groups"
          columns={[
            { title: t('portfolio.debtGroup'), dataIndex: 'group', render: (g: number) => debtGroup(g) },
            { title: t('portfolio.outstanding'), dataIndex: 'outstandingPrincipalVnd', align: 'right', render: money },
          ]}
        />
        {p.writtenOff.loans > 0 && <p>{t('portfolio.writtenOff', { loans: p.writtenOff.loans, amount: money(p.writtenOff.principalVnd) })}</p>}
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'sector', label: t('portfolio.bySectorGroup'), children: <BucketTable rows={p.bySectorGroup.map((b) => (b.key === 'unknown' ? b : { ...b, name: labels.sectorGroup(b.key) }))} title={t('portfolio.sectorGroup')} /> },
            { key: 'district', label: t('portfolio.byDistrict'), children: <BucketTable rows={p.byDistrict} title={t('portfolio.district')} /> },
            { key: 'commune', label: t('portfolio.byCommune'), children: <BucketTable rows={p.byCommune} title={t('portfolio.commune')} /> },
            ...(isFund ? [{ key: 'due', label: t('portfolio.due30'), children: <DueList from={asOf} /> }] : []),
          ]}
        />
      </Card>
    </Space>
  );
}
