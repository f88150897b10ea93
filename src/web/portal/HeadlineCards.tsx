import { formatCount } from '../../shared/format.ts';
import type { PublicDashboardData } from '../routes/reports/reportsApi.ts';
import { useReportTexts } from '../routes/reports/texts.ts';

type Props = { headline: PublicDashboardData['headline']; previous: PublicDashboardData['previousYear'] };

const signed = (n: number) => (n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '0');

/** The year's public headline figures: organisations (and their change), new, dissolved, members. */
export function HeadlineCards({ headline: h, previous }: Props) {
  const t = useReportTexts();
  const cards = [
    {
      title: t('total'),
      value: h.total,
      note: previous ? t('vsLastYear', { year: previous.year, change: signed(h.total - previous.total) }) : `${t('active')}: ${formatCount(h.active)} · ${t('suspended')}: ${formatCount(h.suspended)}`,
    },
    { title: t('newlyEstablished'), value: h.newlyEstablished },
    { title: t('dissolved'), value: h.dissolved },
    { title: t('members'), value: h.members, note: `${t('workers')}: ${formatCount(h.workers)}` },
  ];
  return (
    <ul className="portal-figures" data-testid="headline-figures">
      {cards.map((c) => (
        <li key={c.title} className="portal-card portal-figure">
          <span className="portal-muted">{c.title}</span>
          <strong className="portal-figure-value" data-testid="figure-value">
            {formatCount(c.value)}
          </strong>
          {c.note ? <span className="portal-muted portal-small">{c.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}
