import type { MessageKey } from '../../i18n/index.tsx';

// The audit's actions of a difficulty (without "difficulty."), in words; another is said as a plain change.
const ACTIONS: Record<string, MessageKey> = {
  raised: 'dif.history.raised',
  raised_from_update: 'dif.history.raised',
  triaged: 'dif.history.triaged',
  published: 'dif.history.published',
  unpublished: 'dif.history.unpublished',
  answered: 'dif.history.answered',
  closed: 'dif.history.closed',
  file_added: 'dif.history.fileAdded',
  grouped: 'dif.history.grouped',
  ungrouped: 'dif.history.ungrouped',
  forwarded: 'dif.history.forwarded',
  agency_answered: 'dif.history.agencyAnswered',
};

export const historyLabel = (action: string): MessageKey => ACTIONS[action.replace(/^difficulty\./, '')] ?? 'dif.history.changed';
