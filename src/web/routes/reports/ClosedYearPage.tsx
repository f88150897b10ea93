import { Alert, App, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatCount, formatVnd } from '../../../shared/format.ts';
import { useSession } from '../../session/session.ts';
import { defaultReportYear } from '../../../shared/dates.ts';
import { useCloseYear, useYearDifferences, type YearDifferences } from './reportsApi.ts';

type Figure = YearDifferences['figures'][number];
type Changed = YearDifferences['organisations'][number];

const show = (f: Figure, v: number | string) => (f.key === 'charterCapitalVnd' ? formatVnd(BigInt(v)) : formatCount(Number(v)));
const EFFECT = { added: ['green', 'Vào số liệu'], removed: ['red', 'Ra khỏi số liệu'], changed: ['blue', 'Thay đổi'] } as const;

/**
 * Closed years: the administrator closes a year (its published report is frozen), and anyone who reads reports
 * sees the frozen figures beside today's, with the organisations behind each difference.
 */
export default function ClosedYearPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const thisYear = defaultReportYear();
  const [year, setYear] = useState(thisYear - 1);
  const differences = useYearDifferences(year, true);
  const close = useCloseYear();
  const notClosed = differences.error && /chốt/.test(String((differences.error as Error).message));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>Chốt số liệu năm</Typography.Title>
      <Space wrap>
        <Select aria-label="Năm" value={year} onChange={setYear} style={{ width: 120 }} options={Array.from({ length: 12 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `Năm ${y}` }))} />
        {user?.can.closeYears && !differences.data && (
          <Popconfirm title={`Chốt số liệu năm ${year}? Báo cáo đã công bố sẽ không thay đổi về sau.`} okText="Chốt" cancelText="Thôi" onConfirm={() => close.mutate(year, { onSuccess: () => void message.success(`Đã chốt số liệu năm ${year}.`) })}>
            <Button type="primary" loading={close.isPending} data-testid="close-year">Chốt năm {year}</Button>
          </Popconfirm>
        )}
      </Space>
      {close.error && <Alert type="error" showIcon title={(close.error as Error).message} />}
      {notClosed ? (
        <Empty description={`Năm ${year} chưa được chốt.`} />
      ) : differences.error ? (
        <Alert type="error" showIcon title={(differences.error as Error).message} />
      ) : differences.data ? (
        <>
          <Alert type="info" showIcon title={`Số liệu tính đến ngày ${differences.data.asOf.split('-').reverse().join('/')}, chốt lúc ${new Date(differences.data.closedAt ?? '').toLocaleString('vi-VN')}.`} />
          <Card title="Số liệu đã chốt và hiện tại" size="small">
            <Table<Figure> size="small" rowKey="key" pagination={false} scroll={{ x: true }} dataSource={differences.data.figures} data-testid="differences-figures"
              columns={[
                { title: 'Chỉ tiêu', dataIndex: 'label' },
                { title: 'Đã chốt', align: 'right', render: (_, f) => show(f, f.frozen) },
                { title: 'Hiện tại', align: 'right', render: (_, f) => show(f, f.live) },
                { title: 'Chênh lệch', align: 'right', render: (_, f) => (String(f.difference) === '0' ? '' : show(f, f.difference)) },
              ]}
            />
          </Card>
          <Card title="Tổ chức giải thích chênh lệch" size="small">
            <Table<Changed> size="small" rowKey="organisationId" pagination={{ pageSize: 20 }} dataSource={differences.data.organisations} data-testid="differences-organisations"
              locale={{ emptyText: 'Không có chênh lệch.' }}
              columns={[
                { title: 'Tổ chức', render: (_, o) => <Link to={`/registry/${o.organisationId}`}>{o.name}</Link> },
                { title: '', render: (_, o) => <Tag color={EFFECT[o.effect as keyof typeof EFFECT][0]}>{EFFECT[o.effect as keyof typeof EFFECT][1]}</Tag> },
                { title: 'Thay đổi', render: (_, o) => o.changes.map((c) => `${c.label}: ${String(c.frozen ?? '—')} → ${String(c.live ?? '—')}`).join('; ') },
              ]}
            />
          </Card>
        </>
      ) : null}
    </Space>
  );
}
