import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { formatBillionsVnd, formatCount, formatPercent } from '../../../shared/format.ts';
import { useReportTexts } from './texts.ts';

export type Headline = {
  total: number;
  active: number;
  suspended: number;
  newlyEstablished: number;
  dissolved: number;
  members: number;
  workers: number;
  charterCapitalVnd?: string;
  plan?: { newlyEstablished: number | null; percent: number | null };
};

type Props = { headline: Headline; previous?: { year: number; total: number } | null };

const signed = (n: number) => (n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '0');

/** The year's headline figures: total (and its change), new against plan, dissolved, members, capital. */
export function HeadlineFigures({ headline: h, previous }: Props) {
  const t = useReportTexts();
  const plan = h.plan;
  const cards = [
    {
      title: t('total'),
      value: formatCount(h.total),
      note: previous ? t('vsLastYear', { year: previous.year, change: signed(h.total - previous.total) }) : `${t('active')}: ${formatCount(h.active)} · ${t('suspended')}: ${formatCount(h.suspended)}`,
    },
    {
      title: t('newlyEstablished'),
      value: formatCount(h.newlyEstablished),
      extra:
        plan && plan.newlyEstablished !== null && plan.percent !== null ? (
          <>
            <Progress percent={Math.min(100, plan.percent)} showInfo={false} size="small" status={plan.percent >= 100 ? 'success' : 'active'} />
            <Typography.Text type="secondary">{t('ofPlan', { percent: formatPercent(plan.percent), target: formatCount(plan.newlyEstablished) })}</Typography.Text>
          </>
        ) : plan ? (
          <Typography.Text type="secondary">{t('noPlan')}</Typography.Text>
        ) : null,
    },
    { title: t('dissolved'), value: formatCount(h.dissolved) },
    { title: t('members'), value: formatCount(h.members), note: `${t('workers')}: ${formatCount(h.workers)}` },
    ...(h.charterCapitalVnd !== undefined ? [{ title: t('capital'), value: formatBillionsVnd(BigInt(h.charterCapitalVnd)) }] : []),
  ];
  return (
    <Row gutter={[12, 12]} data-testid="headline-figures">
      {cards.map((c) => (
        <Col key={c.title} xs={12} md={8} xl={24 / cards.length >= 4 ? Math.floor(24 / cards.length) : 6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={c.title} value={c.value} data-testid="figure-value" />
            {'extra' in c ? c.extra : null}
            {'note' in c && c.note ? <Typography.Text type="secondary">{c.note}</Typography.Text> : null}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
