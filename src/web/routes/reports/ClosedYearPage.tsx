import { Alert, App, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatCount, formatVnd } from '../../../shared/format.ts';
import { useSession } from '../../session/session.ts';
import { defaultReportYear, endOfYear, todayIso } from '../../../shared/dates.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { date } from '../../format.ts';
import { useI18n, useLabels, type MessageKey } from '../../i18n/index.tsx';
import { useClosedYears, useCloseYear, useYearDifferences, type YearDifferences } from './reportsApi.ts';

type Figure = YearDifferences['figures'][number];
type Changed = YearDifferences['organisations'][number];
type Change = Changed['changes'][number];

const show = (f: Figure, v: number | string) => (f.key === 'charterCapitalVnd' ? formatVnd(BigInt(v)) : formatCount(Number(v)));
const EFFECT_COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** The page's words: the dictionary's where it has one (figures and fields by their keys), else the server's. */
function useClosedYearWords() {
  const { t, lang } = useI18n();
  const labels = useLabels();
  const known = (key: string, fallback: string) => {
    const text = t(key as MessageKey);
    return text === key ? fallback : text;
  };
  const figure = (f: Figure) => {
    const [dimension, code] = f.key.split(':');
    if (dimension === 'sectorGroup' && code) return labels.sectorGroup(code);
    if (dimension === 'kind' && code) return labels.kind(code);
    return known(`closed.figure.${f.key}`, f.label);
  };
  const value = (c: Change, v: unknown) => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return t(v ? 'closed.yes' : 'closed.no');
    if (c.field === 'kind') return labels.kind(String(v));
    if (c.field === 'sectorGroup') return labels.sectorGroup(String(v));
    if (c.field === 'sector') return labels.sector(String(v));
    if (c.field === 'charterCapitalVnd') return formatVnd(BigInt(String(v)));
    if (typeof v === 'number') return formatCount(v);
    return String(v);
  };
  const change = (c: Change) => `${known(`closed.field.${c.field}`, c.label)}: ${value(c, c.frozen)} → ${value(c, c.live)}`;
  return { t, lang, figure, change };
}

/**
 * Closed years: the administrator closes a year (its published report is frozen), and anyone who reads reports
 * sees the frozen figures beside today's, with the organisations behind each difference.
 */
export default function ClosedYearPage() {
  const { user } = useSession();
  const { t, lang, figure, change } = useClosedYearWords();
  const { message } = App.useApp();
  const thisYear = defaultReportYear();
  const closedYears = useClosedYears();
  const [chosen, setYear] = useState<number | null>(null);
  const year = chosen ?? closedYears.data?.years[0]?.year ?? thisYear - 1;
  // Only a closed year has differences to ask for (no 404 in the console for the others).
  const isClosed = Boolean(closedYears.data?.years.some((y) => y.year === year));
  const differences = useYearDifferences(year, isClosed);
  const close = useCloseYear();
  const notClosed = closedYears.data !== undefined && !isClosed;
  // The server closes a year only once it has ended.
  const ended = endOfYear(year) < todayIso();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageTitle style={{ margin: 0 }}>{t('closed.title')}</PageTitle>
      <Space wrap>
        <Select aria-label={t('closed.year')} value={year} onChange={setYear} style={{ width: 120 }} options={Array.from({ length: 12 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: t('closed.yearOption', { year: y }) }))} />
        {user?.can.closeYears && notClosed && ended && (
          <Popconfirm title={t('closed.confirm', { year })} okText={t('closed.ok')} cancelText={t('closed.cancel')} onConfirm={() => close.mutate(year, { onSuccess: () => void message.success(t('closed.done', { year })) })}>
            <Button type="primary" loading={close.isPending} data-testid="close-year">{t('closed.close', { year })}</Button>
          </Popconfirm>
        )}
      </Space>
      {close.error && <Alert type="error" showIcon title={(close.error as Error).message} />}
      {notClosed ? (
        <Empty description={t('closed.notClosed', { year })} />
      ) : differences.error ? (
        <Alert type="error" showIcon title={(differences.error as Error).message} />
      ) : differences.data ? (
        <>
          <Alert type="info" showIcon title={t('closed.asOf', { date: date(differences.data.asOf), at: new Date(differences.data.closedAt ?? '').toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN') })} />
          <Card title={t('closed.figures')} size="small">
            <Table<Figure> size="small" rowKey="key" pagination={false} scroll={{ x: true }} dataSource={differences.data.figures} data-testid="differences-figures"
              columns={[
                { title: t('closed.indicator'), key: 'label', render: (_, f) => figure(f) },
                { title: t('closed.frozen'), align: 'right', render: (_, f) => show(f, f.frozen) },
                { title: t('closed.live'), align: 'right', render: (_, f) => show(f, f.live) },
                { title: t('closed.difference'), align: 'right', render: (_, f) => (String(f.difference) === '0' ? '' : show(f, f.difference)) },
              ]}
            />
          </Card>
          <Card title={t('closed.organisations')} size="small">
            <Table<Changed> size="small" rowKey="organisationId" pagination={{ pageSize: 20 }} scroll={{ x: true }} dataSource={differences.data.organisations} data-testid="differences-organisations"
              locale={{ emptyText: t('closed.noDifference') }}
              columns={[
                { title: t('closed.organisation'), render: (_, o) => <Link to={`/registry/${o.organisationId}`}>{o.name}</Link> },
                { title: '', render: (_, o) => <Tag color={EFFECT_COLORS[o.effect as keyof typeof EFFECT_COLORS]}>{t(`closed.effect.${o.effect}` as MessageKey)}</Tag> },
                { title: t('closed.changes'), render: (_, o) => o.changes.map(change).join('; ') },
              ]}
            />
          </Card>
        </>
      ) : null}
    </Space>
  );
}
