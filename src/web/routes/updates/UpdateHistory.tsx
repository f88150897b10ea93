import { Timeline, Typography } from 'antd';
import { dateTime } from '../../format.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { EmptyText } from './stateLabels.tsx';
import type { AnnualUpdate, HistoryEntry } from './updatesApi.ts';

/** The steps of an update, from the server's history or, when it sends none, from the update's own dates. */
export function historyOf(update: AnnualUpdate, history: HistoryEntry[] | undefined): HistoryEntry[] {
  if (history) return [...history].sort((a, b) => a.at.localeCompare(b.at));
  const steps: HistoryEntry[] = [];
  if (update.firstSubmittedAt) steps.push({ at: update.firstSubmittedAt, action: 'submitted', actorLabel: update.firstSubmittedAt === update.submittedAt ? update.submittedBy : null });
  if (update.returnedAt) steps.push({ at: update.returnedAt, action: 'returned', actorLabel: update.returnedBy, reasons: update.returnReasons });
  if (update.submittedAt && update.submittedAt !== update.firstSubmittedAt) steps.push({ at: update.submittedAt, action: 'resubmitted', actorLabel: update.submittedBy });
  if (update.acceptedAt) steps.push({ at: update.acceptedAt, action: 'accepted', actorLabel: update.acceptedBy });
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}

function actionKey(action: string): MessageKey | null {
  if (/resubmit/i.test(action)) return 'updates.history.resubmitted';
  if (/submit/i.test(action)) return 'updates.history.submitted';
  if (/return/i.test(action)) return 'updates.history.returned';
  if (/accept/i.test(action)) return 'updates.history.accepted';
  if (/creat|draft/i.test(action)) return 'updates.history.created';
  return null;
}

/** Submitted, returned (with the reasons), resubmitted, accepted: when and by whom. */
export function UpdateHistory({ entries, fieldLabel }: { entries: HistoryEntry[]; fieldLabel(key: string): string }) {
  const t = useT();
  if (entries.length === 0) return <EmptyText>{t('updates.history.empty')}</EmptyText>;
  return (
    <Timeline
      data-testid="update-history"
      items={entries.map((entry, index) => {
        const key = actionKey(entry.action);
        return {
          key: `${entry.at}-${index}`,
          color: /accept/i.test(entry.action) ? 'green' : /return/i.test(entry.action) ? 'orange' : 'blue',
          content: (
            <div data-testid="history-entry">
              <Typography.Text strong>{key ? t(key) : entry.action}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {dateTime(entry.at)}{entry.actorLabel ? ` · ${entry.actorLabel}` : ''}
              </Typography.Text>
              {entry.reasons && Object.keys(entry.reasons).length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {Object.entries(entry.reasons).map(([field, reason]) => (
                    <li key={field} style={{ overflowWrap: 'anywhere' }}>{fieldLabel(field)}: {reason}</li>
                  ))}
                </ul>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
