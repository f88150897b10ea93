import { Flex, InputNumber, Segmented } from 'antd';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.ts';

/** The year the pages show: `?year=` in the address, else this year. */
export function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : new Date().getFullYear();
  const setYear = (next: number) =>
    setParams((current) => {
      const out = new URLSearchParams(current);
      out.set('year', String(next));
      out.delete('page');
      return out;
    });
  return [year, setYear];
}

/** Title, the year and the way between the annual update's pages (each only for the roles that may open it). */
export function UpdatesHeader({ title, year, setYear }: { title: string; year: number; setYear(year: number): void }) {
  const t = useT();
  const { user } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const pages = [
    user?.can.seeUpdates && { value: '/updates', label: t('updates.tab.queue') },
    user?.can.seeCompliance && { value: '/updates/compliance', label: t('updates.tab.compliance') },
    user?.can.seeUpdates && { value: '/updates/forms', label: t('updates.tab.forms') },
  ].filter((p): p is { value: string; label: string } => Boolean(p));
  const current = pages.find((p) => p.value !== '/updates' && pathname.startsWith(p.value))?.value ?? '/updates';
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <PageTitle style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>{title}</PageTitle>
        <Flex align="center" gap={8}>
          <label htmlFor="updates-year">{t('updates.year')}</label>
          <InputNumber
            id="updates-year"
            key={year}
            defaultValue={year}
            min={2000}
            max={2100}
            controls
            inputMode="numeric"
            style={{ width: 100 }}
            onBlur={(e) => {
              const next = Number(e.target.value);
              if (Number.isInteger(next) && next >= 2000 && next <= 2100 && next !== year) setYear(next);
            }}
            onPressEnter={(e) => {
              const next = Number(e.currentTarget.value);
              if (Number.isInteger(next) && next >= 2000 && next <= 2100 && next !== year) setYear(next);
            }}
            onStep={(next) => setYear(Number(next))}
            data-testid="updates-year"
          />
        </Flex>
      </Flex>
      {pages.length > 1 && (
        <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
          <Segmented value={current} options={pages} onChange={(path) => navigate(`${path}?year=${year}`)} data-testid="updates-pages" />
        </div>
      )}
    </Flex>
  );
}
