/** The manager's home: their organisation's difficulties not yet closed, each with where it is, and a way to raise one. */
import { withQuery } from '../../api/client.ts';
import { followLink } from '../navigation.ts';
import type { MemberUser } from '../session.ts';
import { Card, Loading, LoadError } from '../ui.tsx';
import { useJson } from '../useJson.ts';
import { STATE_LABELS, type DifficultySummary } from './labels.ts';

const SHOWN = 5;

export function DifficultiesHomeCard({ user }: { user: MemberUser }) {
  const allowed = Boolean(user.can.raiseDifficulties && user.organisationId);
  const list = useJson<{ items: DifficultySummary[] }>(allowed ? withQuery('/api/difficulties', { organisationId: user.organisationId, pageSize: 100 }) : null);
  if (!allowed) return null;
  const open = list.data?.items.filter((d) => d.state !== 'closed') ?? [];
  return (
    <Card title="Khó khăn, kiến nghị" testId="member-difficulties">
      {list.error ? (
        <LoadError error={list.error} onRetry={list.retry} />
      ) : !list.data ? (
        <Loading />
      ) : open.length === 0 ? (
        <p className="m-muted">Không có khó khăn nào đang chờ giải quyết.</p>
      ) : (
        <ul className="m-link-list">
          {open.slice(0, SHOWN).map((d) => (
            <li key={d.id}>
              <a href={`/member/difficulties/${d.id}`} onClick={followLink} className="m-row-link" data-testid="member-difficulty">
                <span>
                  {d.code} · {d.title} — <strong>{STATE_LABELS[d.state] ?? '—'}</strong>
                  {d.overdue ? ' (quá hạn)' : ''}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <a className="m-button m-block" href="/member/difficulties/new" onClick={followLink}>
        Gửi khó khăn, kiến nghị
      </a>
      <a className="m-button m-block" href="/member/difficulties" onClick={followLink} data-testid="open-difficulties">
        {list.data && list.data.items.length > 0 ? `Xem tất cả (${list.data.items.length}) ›` : 'Xem khó khăn đã gửi ›'}
      </a>
    </Card>
  );
}
