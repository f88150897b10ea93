import { Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import type { OrganisationListItem } from '../../api/types.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { count, date, money } from '../../format.ts';
import { useLabels, useT } from '../../i18n/index.tsx';

/** A row of the registry; the server adds the members it sorts by (official and associated). */
export type RegistryRow = OrganisationListItem & { members?: number };

/** The columns the server sorts by (the API's `sort`: a field, '-' before it for descending). */
export const SORTABLE = ['name', 'foundedOn', 'charterCapital', 'members', 'commune'] as const;
type Sortable = (typeof SORTABLE)[number];

/** Every order the API offers, for the phone's order picker (cards have no column headers to click). */
export const SORTS = SORTABLE.flatMap((key) => [key, `-${key}`] as const);

/** The URL's order if the API knows it (an edited or old link falls back to the default order). */
export function knownSort(sort: string | undefined): string | undefined {
  return sort && (SORTABLE as readonly string[]).includes(sort.replace(/^-/, '')) ? sort : undefined;
}

type Props = {
  items: RegistryRow[];
  communeName(code: string | null): string | null;
  loading: boolean;
  /** The order in effect, as the API names it (the default order shows as the name, ascending). */
  sort: string | undefined;
  onSort(sort: string | undefined): void;
};

/** Where an organisation is: today's commune, else the commune and district it registered in. */
export function placeOf(item: OrganisationListItem, communeName: Props['communeName']): string {
  return item.currentCommuneName ?? communeName(item.currentCommuneCode) ?? [item.registeredCommune, item.registeredDistrict].filter(Boolean).join(', ');
}

/** The registry as a table, on screens wide enough for one. */
export function OrganisationTable({ items, communeName, loading, sort, onSort }: Props) {
  const t = useT();
  const labels = useLabels();
  // Sorting is the server's (the whole registry, not the page shown): each column's arrow shows the URL's order.
  const sorted = (key: Sortable) => ({
    key,
    sorter: true,
    // A third click goes back to ascending rather than to no order (there is always one: the server's).
    sortDirections: ['ascend', 'descend', 'ascend'] as SortOrder[],
    sortOrder: (sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null) as SortOrder,
  });
  const onChange: TableProps<RegistryRow>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort' || Array.isArray(sorter)) return;
    const key = sorter.columnKey as Sortable | undefined;
    onSort(key && sorter.order ? `${sorter.order === 'descend' ? '-' : ''}${key}` : undefined);
  };
  const columns: TableColumnsType<RegistryRow> = [
    {
      title: labels.field('name'),
      dataIndex: 'name',
      ...sorted('name'),
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
    { title: t('registry.commune'), ...sorted('commune'), render: (_: unknown, item) => placeOf(item, communeName) },
    { title: labels.field('representative'), dataIndex: 'representative', responsive: ['xl'] },
    { title: t('registry.foundedOn'), dataIndex: 'foundedOn', ...sorted('foundedOn'), render: (d: string) => date(d), responsive: ['lg'], onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
    { title: t('registry.members'), dataIndex: 'members', ...sorted('members'), align: 'right', render: (n: number | undefined) => (n === undefined ? '' : count(n)), responsive: ['xl'] },
    { title: labels.field('charterCapitalVnd'), dataIndex: 'charterCapitalVnd', ...sorted('charterCapital'), align: 'right', render: (v: string) => money(v), responsive: ['xl'], onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
  ];
  return <Table rowKey="id" columns={columns} dataSource={items} loading={loading} pagination={false} size="middle" onChange={onChange} data-testid="registry-table" />;
}
