import { Card, Col, Row, Space, Statistic, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DateInput } from '../../components/DateInput.tsx';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { date, money } from '../../format.ts';
import { useSession } from '../../session/session.ts';
import { useDueList, usePortfolio, type Portfolio } from './loansApi.ts';
import { DEBT_GROUP_LABELS } from './texts.ts';

type Bucket = Portfolio['bySectorGroup'][number];
const percent = (text: string) => `${text.replace('.', ',')}%`;

function BucketTable({ rows, title }: { rows: Bucket[]; title: string }) {
  return (
    <Table<Bucket>
      rowKey="key"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      columns={[
        { title, dataIndex: 'name' },
        { title: 'Số khoản vay', dataIndex: 'loans', align: 'right' },
        { title: 'Dư nợ gốc', dataIndex: 'outstandingPrincipalVnd', align: 'right', render: money },
        { title: 'Gốc quá hạn', dataIndex: 'overduePrincipalVnd', align: 'right', render: money },
        { title: 'Lãi quá hạn', dataIndex: 'overdueInterestVnd', align: 'right', render: money },
        { title: 'Nợ xấu (nhóm 3–5)', dataIndex: 'badDebtPrincipalVnd', align: 'right', render: money },
        { title: 'Tỷ lệ nợ xấu', dataIndex: 'badDebtRatioPercent', align: 'right', render: percent },
      ]}
    />
  );
}

function DueList({ from }: { from?: string }) {
  const due = useDueList(from);
  return (
    <Table
      rowKey={(i) => `${i.loanId}-${i.n}`}
      size="small"
      loading={due.isLoading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={due.data?.items ?? []}
      columns={[
        { title: 'Ngày đến hạn', dataIndex: 'dueDate', render: date },
        { title: 'Khoản vay', dataIndex: 'code', render: (code: string, i) => <Link to={`/loans/${i.loanId}`}>{code}</Link> },
        { title: 'Tổ chức vay', dataIndex: 'borrowerName' },
        { title: 'Kỳ', dataIndex: 'n' },
        { title: 'Gốc', dataIndex: 'principalVnd', align: 'right', render: money },
        { title: 'Lãi', dataIndex: 'interestVnd', align: 'right', render: money },
        { title: 'Tổng', dataIndex: 'totalVnd', align: 'right', render: money },
      ]}
    />
  );
}

/** The fund's portfolio as of a date: outstanding, overdue, debt groups, bad-debt ratio, by sector and area. */
export function PortfolioDashboard() {
  const { user } = useSession();
  const [asOf, setAsOf] = useState<string | undefined>();
  const query = usePortfolio(asOf);
  if (query.isLoading) return <PageLoading />;
  if (query.error || !query.data) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const isFund = user?.role === 'fund_officer' || user?.role === 'alliance_admin';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<Space wrap><span>Dư nợ Quỹ hỗ trợ tại ngày</span><div style={{ width: 160 }}><DateInput id="portfolioAsOf" value={asOf ?? p.asOf} onChange={(v) => setAsOf(v ?? undefined)} /></div></Space>}>
        <Row gutter={[12, 12]} data-testid="portfolio-totals">
          <Col xs={12} md={6}><Statistic title="Dư nợ gốc" value={money(p.totals.outstandingPrincipalVnd)} /></Col>
          <Col xs={12} md={6}><Statistic title="Gốc quá hạn" value={money(p.totals.overduePrincipalVnd)} /></Col>
          <Col xs={12} md={6}><Statistic title="Lãi quá hạn" value={money(p.totals.overdueInterestVnd)} /></Col>
          <Col xs={12} md={6}><Statistic title="Tỷ lệ nợ xấu" value={percent(p.totals.badDebtRatioPercent)} /></Col>
        </Row>
      </Card>
      <Card title="Theo nhóm nợ">
        <Table
          rowKey="group"
          size="small"
          pagination={false}
          dataSource={p.byDebtGroup}
          data-testid="debt-groups"
          columns={[
            { title: 'Nhóm nợ', dataIndex: 'group', render: (g: number) => DEBT_GROUP_LABELS[g] },
            { title: 'Dư nợ gốc', dataIndex: 'outstandingPrincipalVnd', align: 'right', render: money },
          ]}
        />
        {p.writtenOff.loans > 0 && <p>Đã xóa nợ: {p.writtenOff.loans} khoản, {money(p.writtenOff.principalVnd)} gốc.</p>}
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'sector', label: 'Theo nhóm lĩnh vực', children: <BucketTable rows={p.bySectorGroup} title="Nhóm lĩnh vực" /> },
            { key: 'district', label: 'Theo huyện (địa bàn đăng ký)', children: <BucketTable rows={p.byDistrict} title="Huyện, thành phố" /> },
            { key: 'commune', label: 'Theo xã, phường hiện nay', children: <BucketTable rows={p.byCommune} title="Xã, phường" /> },
            ...(isFund ? [{ key: 'due', label: 'Đến hạn trong 30 ngày', children: <DueList from={asOf} /> }] : []),
          ]}
        />
      </Card>
    </Space>
  );
}
