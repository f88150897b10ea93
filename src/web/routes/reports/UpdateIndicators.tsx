import { Card, Col, Row, Statistic, Typography } from 'antd';
import { formatBillionsVnd, formatCount, formatPercent, formatVnd } from '../../../shared/format.ts';
import type { UpdateIndicators as Indicators } from '../../../server/modules/annual-updates/indicators.ts';
import { useReportTexts } from './texts.ts';

const BILLION = 1_000_000_000n;
/** Totals in billions once they reach one; smaller amounts to the đồng. */
const money = (vnd: string) => (BigInt(vnd) >= BILLION || BigInt(vnd) <= -BILLION ? formatBillionsVnd(BigInt(vnd)) : formatVnd(BigInt(vnd)));

/** The year's figures that only the accepted annual updates give, with what they rest on (issue 13). */
export function UpdateIndicators({ updates }: { updates: Indicators }) {
  const t = useReportTexts();
  const u = updates;
  const cards = [
    { title: t('updatesFiled'), value: u.acceptedPercent === null ? '—' : formatPercent(u.acceptedPercent), note: `${formatCount(u.basedOn.accepted)}/${formatCount(u.basedOn.due)}` },
    { title: t('updatesRevenue'), value: money(u.revenueVnd), note: u.averageRevenueVnd === null ? undefined : t('updatesAverageRevenue', { amount: formatVnd(BigInt(u.averageRevenueVnd)) }) },
    { title: t('updatesProfit'), value: money(u.profitBeforeTaxVnd) },
    { title: t('updatesIncome'), value: u.averageIncomeVnd === null ? '—' : formatVnd(BigInt(u.averageIncomeVnd)), note: `${t('workers')}: ${formatCount(u.workers)}` },
    {
      title: t('members'),
      value: formatCount(u.members.total),
      note: t('updatesMemberClasses', { official: formatCount(u.members.official), capital: formatCount(u.members.associatedCapital), noCapital: formatCount(u.members.associatedNoCapital) }),
    },
  ];
  return (
    <Card size="small" title={t('updatesTitle', { year: u.year })} data-testid="update-indicators">
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.title} xs={12} md={8} xl={Math.floor(24 / cards.length) || 4} style={{ minWidth: 0 }}>
            <Statistic title={c.title} value={c.value} />
            {c.note ? <Typography.Text type="secondary">{c.note}</Typography.Text> : null}
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="update-indicators-based-on">
        {t('updatesBasedOn', { accepted: formatCount(u.basedOn.accepted), due: formatCount(u.basedOn.due) })}
      </Typography.Paragraph>
    </Card>
  );
}
