/** The published scoreboard on the manager's phone: rank, total and scores of every member; its own results only. */
import { followLink } from '../navigation.ts';
import { Card, Loading, LoadError } from '../ui.tsx';
import { useJson } from '../useJson.ts';
import { viNumber, type MemberScoreboard } from './types.ts';

export function ScoreboardPage({ pactId }: { pactId: string }) {
  const board = useJson<MemberScoreboard>(`/api/emulation/pacts/${pactId}/scoreboard`);
  const b = board.data;
  return (
    <main id="main" className="m-main">
      <h1 className="m-title">Bảng điểm thi đua{b ? ` năm ${b.pact.year}` : ''}</h1>
      {board.error ? (
        <LoadError error={board.error} onRetry={board.retry} />
      ) : !b ? (
        <Loading />
      ) : (
        <>
          <p className="m-muted">
            {b.block.name} · {b.pact.title}
          </p>
          <ol className="m-link-list" data-testid="member-scoreboard">
            {b.rows.map((r) => (
              <li key={r.organisationId}>
                <Card title={`${r.rank}. ${r.name}${r.own ? ' (hợp tác xã của bạn)' : ''}`} testId={r.own ? 'own-row' : undefined}>
                  <p>
                    Tổng điểm: <strong data-testid="row-total">{viNumber(r.total)}</strong> / {b.maxTotal}
                  </p>
                  <ul>
                    {b.criteria.map((c, i) => {
                      const cell = r.cells[i]!;
                      return (
                        <li key={c.id}>
                          {c.position}. {c.name}: {cell.score === null ? 'chưa báo cáo' : `${viNumber(cell.score)} điểm`}
                          {cell.value !== undefined && cell.value !== null ? ` (kết quả ${viNumber(cell.value)})` : ''}
                        </li>
                      );
                    })}
                  </ul>
                </Card>
              </li>
            ))}
          </ol>
          <p className="m-help">
            {b.tieBreakText} {b.notReportedText}
          </p>
        </>
      )}
      <a href="/member/emulation" onClick={followLink}>‹ Về giao ước thi đua</a>
    </main>
  );
}
