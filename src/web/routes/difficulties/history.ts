import type { MessageKey } from '../../i18n/index.tsx';
import type { HistoryEntry } from './difficultiesApi.ts';

// The audit's actions of a difficulty (without "difficulty."), in words; another is said as a plain change.
const ACTIONS: Record<string, MessageKey> = {
  raised: 'dif.history.raised',
  triaged: 'dif.history.triaged',
  published: 'dif.history.published',
  unpublished: 'dif.history.unpublished',
  answered: 'dif.history.answered',
  closed: 'dif.history.closed',
  file_added: 'dif.history.fileAdded',
  grouped: 'dif.history.grouped',
  ungrouped: 'dif.history.ungrouped',
  forwarded: 'dif.history.forwarded',
  due_reminder_sent: 'dif.history.reminded',
  due_reminder_failed: 'dif.history.reminderFailed',
};

/** The words of one history entry; "answered" through a recommendation is the agency's answer, not the alliance's. */
export function historyLabel(entry: HistoryEntry): MessageKey {
  const action = entry.action.replace(/^difficulty\./, '');
  if (action === 'answered' && entry.after && typeof entry.after === 'object' && 'recommendationId' in entry.after) return 'dif.history.agencyAnswered';
  return ACTIONS[action] ?? 'dif.history.changed';
}
