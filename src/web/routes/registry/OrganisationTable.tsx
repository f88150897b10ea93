import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { OrganisationListItem } from '../../api/types.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { date, money } from '../../format.ts';
import { useLabels, useT } from '../../i18n/index.tsx';

type Props = { items: OrganisationListItem[]; communeName(code: string | null): string | null; loading: boolean };

/** Where an organisation is: today's commune, else the commune and district it registered in. */
export function placeOf(item: OrganisationListItem, communeName: Props['communeName']): string {
  return communeName(item.currentCommuneCode) ?? [item.registeredCommune, item.registeredDistrict].filter(Boolean).join(', ');
}

/** The registry as a table, on screens wide enough for one. */
export function OrganisationTable({ items, communeName, loading }: Props) {
  const t = useT();
  const labels = useLabels();
  const columns: TableColumnsType<OrganisationListItem> = [
    {
      title: labels.field('name'),
      dataIndex: 'name',
      width: '26%',
      render: (name: string, item) => (
        <>
          <Link to={`/registry/${item.id}`}>{name}</Link>
          {item.registrationNumber && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{item.registrationNumber}</Typography.Text>}
        </>
      ),
    },
    { title: labels.field('kind'), dataIndex: 'kind', render: (kind: string) => labels.kind(kind), responsive: ['lg'] },
    { title: labels.field('sectorCode'), dataIndex: 'sectorCode', render: (code: string) => labels.sector(code) },
    { title: labels.field('status'), dataIndex: 'status', render: (status: string) => <StatusTag status={status} nowrap /> },
    { title: t('registry.commune'), key: 'place', render: (_: unknown, item) => placeOf(item, communeName) },
    { title: labels.field('representative'), dataIndex: 'representative', responsive: ['xl'] },
    { title: t('registry.foundedOn'), dataIndex: 'foundedOn', render: (d: string) => date(d), responsive: ['lg'], onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
    { title: labels.field('charterCapitalVnd'), dataIndex: 'charterCapitalVnd', align: 'right', render: (v: string) => money(v), responsive: ['xl'], onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
  ];
  return <Table rowKey="id" columns={columns} dataSource={items} loading={loading} pagination={false} size="middle" data-testid="registry-table" />;
}
