import { Tag } from 'antd';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import type { UpdateState } from './updatesApi.ts';

const STATE_KEYS: Record<UpdateState, MessageKey> = {
  draft: 'updates.state.draft',
  submitted: 'updates.state.submitted',
  returned: 'updates.state.returned',
  accepted: 'updates.state.accepted',
};
const STATE_COLORS: Record<UpdateState, string> = { draft: 'default', submitted: 'blue', returned: 'orange', accepted: 'green' };

/** An update's state in words (an unknown or absent one reads "not started"). */
export function useStateLabel(): (state: string | null | undefined) => string {
  const t = useT();
  return (state) => t(state && state in STATE_KEYS ? STATE_KEYS[state as UpdateState] : 'updates.state.notStarted');
}

export function StateTag({ state }: { state: string | null | undefined }) {
  const label = useStateLabel();
  const color = state && state in STATE_COLORS ? STATE_COLORS[state as UpdateState] : 'default';
  return <Tag color={color} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }} data-testid="update-state">{label(state)}</Tag>;
}

/** On time / late as a tag; nothing until submitted. */
export function TimelinessTag({ onTime }: { onTime: boolean | null | undefined }) {
  const t = useT();
  if (onTime === null || onTime === undefined) return <>{t('common.none')}</>;
  return onTime ? <Tag color="green">{t('updates.onTime')}</Tag> : <Tag color="red">{t('updates.late')}</Tag>;
}

/** What an empty list says, in a grey of 7:1 (antd's placeholder grey is 1.8:1). */
export function EmptyText({ children }: { children: string }) {
  return <span style={{ color: '#595959' }}>{children}</span>;
}
