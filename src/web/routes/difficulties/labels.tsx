import { Tag } from 'antd';
import { date } from '../../format.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { AGENCY_KINDS, CATEGORIES, CHANNELS, CONSENTS, OUTCOMES, RECOMMENDATION_STATES, STATES } from './difficultiesApi.ts';

type Word = 'category' | 'channel' | 'state' | 'outcome' | 'consent' | 'recState' | 'agencyKind';
const PREFIX: Record<Word, string> = {
  category: 'dif.category.',
  channel: 'dif.channel.',
  state: 'dif.state.',
  outcome: 'dif.outcome.',
  consent: 'dif.consent.',
  recState: 'rec.state.',
  agencyKind: 'agency.kind.',
};
const VALUES: Record<Word, readonly string[]> = {
  category: CATEGORIES,
  channel: CHANNELS,
  state: STATES,
  outcome: OUTCOMES,
  consent: CONSENTS,
  recState: RECOMMENDATION_STATES,
  agencyKind: AGENCY_KINDS,
};

/** The Vietnamese (or English) label of one of decision 008's words; an unknown value shows a dash, never a key. */
export function useWord(): (word: Word, value: string | null | undefined) => string {
  const t = useT();
  return (word, value) => (value && VALUES[word].includes(value) ? t(`${PREFIX[word]}${value}` as MessageKey) : t('common.none'));
}

/** The options of a select over one of the words. */
export function useWordOptions(): (word: Word, values?: readonly string[]) => { value: string; label: string }[] {
  const label = useWord();
  return (word, values = VALUES[word]) => values.map((value) => ({ value, label: label(word, value) }));
}

const STATE_COLORS: Record<string, string> = { received: 'blue', handling: 'gold', forwarded: 'purple', answered: 'cyan', closed: 'default', draft: 'default' };

export function StateTag({ state, recommendation = false }: { state: string; recommendation?: boolean }) {
  const label = useWord();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }} data-testid="difficulty-state">
      {label(recommendation ? 'recState' : 'state', state)}
    </Tag>
  );
}

/** A due date; an overdue one in red with the word "Quá hạn" (not colour alone). */
export function DueDate({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const t = useT();
  if (!dueOn) return <>{t('common.none')}</>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {date(dueOn)}
      {overdue && <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="overdue">{t('dif.overdue')}</Tag>}
    </span>
  );
}

/** What an empty list says, in a grey of 7:1. */
export function EmptyText({ children }: { children: string }) {
  return <span style={{ color: '#595959' }}>{children}</span>;
}

/** Today in Vietnam (UTC+7) as YYYY-MM-DD. */
export function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
