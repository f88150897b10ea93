import { withQuery } from '../../api/client.ts';
import { followLink } from '../navigation.ts';
import { useSession } from '../session.ts';
import { formatDay } from '../time.ts';
import { Loading, LoadError } from '../ui.tsx';
import { useJson } from '../useJson.ts';
import { agencyName, CATEGORY_LABELS, STATE_LABELS, type Difficulty, type DifficultySummary } from './labels.ts';
import './difficulties.css';

type List = { items: DifficultySummary[]; total: number };

/** The answer a cooperative got, in a line: the alliance's own or the agency's. */
export function answerOf(d: Pick<DifficultySummary, 'answers' | 'directAnswer'>): { from: string; content: string } | null {
  const agency = d.answers?.[0];
  if (agency?.content) return { from: agencyName(agency.agency) || 'Cơ quan', content: agency.content };
  if (d.directAnswer) return { from: 'Liên minh', content: d.directAnswer };
  return null;
}

/** The difficulties the manager's organisation raised (the one chosen in the session), newest first. */
export function DifficultiesPage() {
  const { user } = useSession();
  const list = useJson<List>(user?.organisationId ? withQuery('/api/difficulties', { organisationId: user.organisationId, pageSize: 100 }) : null);
  return (
    <main id="main" className="m-main">
      <p>
        <a href="/member" onClick={followLink}>
          ‹ Trang của hợp tác xã
        </a>
      </p>
      <h1 className="m-title">Khó khăn, kiến nghị</h1>
      <p className="m-muted">Liên minh trả lời hoặc chuyển cơ quan có thẩm quyền trong 10 ngày làm việc.</p>
      <a className="m-button m-button-primary m-block" href="/member/difficulties/new" onClick={followLink} data-testid="new-difficulty">
        Gửi khó khăn, kiến nghị mới
      </a>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.retry} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="m-card" data-testid="difficulties-empty">
          Hợp tác xã chưa gửi khó khăn, kiến nghị nào.
        </p>
      ) : (
        <ul className="d-list" data-testid="difficulties-list">
          {list.data.items.map((d) => (
            <li key={d.id}>
              <DifficultyCard difficulty={d} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function DifficultyCard({ difficulty: d }: { difficulty: DifficultySummary }) {
  const open = d.state !== 'answered' && d.state !== 'closed';
  // A list carries the alliance's own answer; an agency's is read from the difficulty itself, once it has one.
  const agencyAnswered = !open && Boolean(d.recommendation?.letterNumber) && !d.directAnswer;
  const detail = useJson<Difficulty>(agencyAnswered ? `/api/difficulties/${d.id}` : null);
  const answer = answerOf(detail.data ?? d);
  const r = d.recommendation;
  return (
    <a className="d-card" href={`/member/difficulties/${d.id}`} onClick={followLink} data-testid="difficulty-card">
      <span className="d-card-top">
        <span className="d-code">{d.code}</span>
        <StateBadge state={d.state} overdue={d.overdue} />
      </span>
      <span className="d-card-title">{d.title}</span>
      <span className="m-muted">
        {CATEGORY_LABELS[d.category as keyof typeof CATEGORY_LABELS] ?? 'Khác'} · gửi ngày {formatDay(d.raisedOn)}
      </span>
      {r?.letterNumber && (
        <span>
          Đã chuyển {r.agencyName ?? 'cơ quan có thẩm quyền'} (công văn số {r.letterNumber})
        </span>
      )}
      {open && d.dueOn && <span className={d.overdue ? 'd-late' : undefined}>Hạn trả lời: {formatDay(d.dueOn)}</span>}
      {answer && (
        <span className="d-answer-line" data-testid="difficulty-answer">
          <strong>{answer.from} trả lời:</strong> {answer.content.length > 160 ? `${answer.content.slice(0, 160)}…` : answer.content}
        </span>
      )}
      <span className="d-more" aria-hidden="true">
        Xem chi tiết ›
      </span>
    </a>
  );
}

export function StateBadge({ state, overdue }: { state: string; overdue?: boolean }) {
  return (
    <span className="d-badges">
      <span className={`d-badge d-badge-${state}`} data-testid="difficulty-state">
        {STATE_LABELS[state] ?? '—'}
      </span>
      {overdue && <span className="d-badge d-badge-late">Quá hạn</span>}
    </span>
  );
}
