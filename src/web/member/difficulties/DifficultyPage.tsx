import { followLink } from '../navigation.ts';
import { formatDay } from '../time.ts';
import { Card, Loading, LoadError } from '../ui.tsx';
import { useJson } from '../useJson.ts';
import { StateBadge } from './DifficultiesPage.tsx';
import { FilePicker } from './FilePicker.tsx';
import { agencyName, CATEGORY_LABELS, CONSENT_LABELS, formatSize, OUTCOME_LABELS, type Difficulty } from './labels.ts';
import { UploadList } from './UploadList.tsx';
import { useUploads } from './useUploads.ts';
import './difficulties.css';

const ORDER = ['received', 'handling', 'forwarded', 'answered', 'closed'];

/** One difficulty's whole story as its cooperative sees it: what was raised, the files, where it is, the answer. */
export function DifficultyPage({ id }: { id: string }) {
  const found = useJson<Difficulty>(`/api/difficulties/${encodeURIComponent(id)}`);
  return (
    <main id="main" className="m-main">
      <p>
        <a href="/member/difficulties" onClick={followLink}>
          ‹ Khó khăn, kiến nghị
        </a>
      </p>
      {found.error ? (
        found.error.status === 404 ? (
          <>
            <h1 className="m-title">Không tìm thấy khó khăn này</h1>
            <p>Khó khăn không có hoặc không thuộc hợp tác xã của bạn.</p>
          </>
        ) : (
          <LoadError error={found.error} onRetry={found.retry} />
        )
      ) : !found.data ? (
        <Loading />
      ) : (
        <Story difficulty={found.data} />
      )}
    </main>
  );
}

function Story({ difficulty: d }: { difficulty: Difficulty }) {
  return (
    <>
      <h1 className="m-title" data-testid="difficulty-title">
        {d.title}
      </h1>
      <div className="d-card-top">
        <span className="d-code" data-testid="difficulty-code">
          Mã {d.code}
        </span>
        <StateBadge state={d.state} overdue={d.overdue} />
      </div>
      <Card title="Khó khăn đang ở đâu" testId="difficulty-progress">
        <Progress d={d} />
      </Card>
      <Card title="Hợp tác xã đã nêu">
        <dl className="m-summary">
          {d.organisation && (
            <div>
              <dt>Hợp tác xã</dt>
              <dd>{d.organisation.name}</dd>
            </div>
          )}
          <div>
            <dt>Lĩnh vực</dt>
            <dd>{CATEGORY_LABELS[d.category as keyof typeof CATEGORY_LABELS] ?? 'Khác'}</dd>
          </div>
          <div>
            <dt>Ngày gửi</dt>
            <dd>{formatDay(d.raisedOn)}</dd>
          </div>
          <div>
            <dt>Công khai</dt>
            <dd data-testid="difficulty-consent">
              {CONSENT_LABELS[d.publicConsent] ?? '—'}
              {d.published ? ' — đã đăng trên trang công khai' : ''}
            </dd>
          </div>
        </dl>
        <p className="d-text" data-testid="difficulty-description">
          {d.description}
        </p>
      </Card>
      <Files d={d} />
    </>
  );
}

/** The steps from received to closed, each with what is known of it. */
function Progress({ d }: { d: Difficulty }) {
  const reached = ORDER.indexOf(d.state);
  const r = d.recommendation;
  const forwarded = Boolean(r?.letterNumber);
  const answers = d.answers ?? [];
  const step = (state: string) => (reached > ORDER.indexOf(state) ? 'd-step-done' : reached === ORDER.indexOf(state) ? 'd-step-current' : 'd-step-next');
  const open = d.state !== 'answered' && d.state !== 'closed';
  return (
    <>
      <ol className="d-steps">
        <li className={step('received')}>
          <strong>Đã tiếp nhận</strong> ngày {formatDay(d.raisedOn)}
        </li>
        <li className={step('handling')}>
          <strong>Đang xử lý</strong>
          {reached >= 1 ? ' — Liên minh đang xem xét, trả lời hoặc chuyển cơ quan có thẩm quyền.' : ''}
        </li>
        {(forwarded || !d.directAnswer) && (
          <li className={step('forwarded')} data-testid="difficulty-forwarded">
            <strong>Đã chuyển cơ quan</strong>
            {forwarded && r ? (
              <>
                {' '}
                — chuyển {agencyName(r.agency) || 'cơ quan có thẩm quyền'} theo công văn số {r.letterNumber}
                {r.letterDate ? ` ngày ${formatDay(r.letterDate)}` : ''}
                {r.dueOn ? `, hạn trả lời ${formatDay(r.dueOn)}` : ''}.
              </>
            ) : null}
          </li>
        )}
        <li className={step('answered')}>
          <strong>Đã trả lời</strong>
          {d.answeredOn ? ` ngày ${formatDay(d.answeredOn)}` : ''}
        </li>
        <li className={step('closed')}>
          <strong>Đã kết thúc</strong>
          {d.outcome ? ` — ${OUTCOME_LABELS[d.outcome] ?? ''}` : ''}
          {d.outcomeReason ? `: ${d.outcomeReason}` : ''}
        </li>
      </ol>
      {open && d.dueOn && (
        <p className={d.overdue ? 'd-late' : undefined} data-testid="difficulty-due">
          {d.overdue ? `Đã quá hạn trả lời (${formatDay(d.dueOn)}). Liên minh đang đôn đốc.` : `Hạn trả lời: ${formatDay(d.dueOn)}.`}
        </p>
      )}
      {answers.map((a, i) => (
        <div key={i} className="d-answer" data-testid="agency-answer">
          <p>
            <strong>{agencyName(a.agency) || 'Cơ quan'} trả lời</strong>
            {a.letterNumber ? ` tại văn bản số ${a.letterNumber}` : ''}
            {a.letterDate ? ` ngày ${formatDay(a.letterDate)}` : ''}:
          </p>
          <p className="d-text">{a.content}</p>
        </div>
      ))}
      {d.directAnswer && (
        <div className="d-answer" data-testid="direct-answer">
          <p>
            <strong>Liên minh trả lời</strong>
            {d.answeredOn ? ` ngày ${formatDay(d.answeredOn)}` : ''}:
          </p>
          <p className="d-text">{d.directAnswer}</p>
        </div>
      )}
    </>
  );
}

/** The attached files (for download), and more to add while the difficulty is open. */
function Files({ d }: { d: Difficulty }) {
  const { uploads, add, start, retry } = useUploads();
  const files = d.files ?? [];
  const canAttach = d.can?.attach !== false && d.state !== 'closed';
  return (
    <Card title="Tệp đính kèm" testId="difficulty-files">
      {files.length === 0 && uploads.length === 0 && <p className="m-muted">Chưa có tệp nào.</p>}
      {files.length > 0 && (
        <ul className="m-link-list">
          {files.map((f) => (
            <li key={f.id}>
              <a className="m-row-link d-file-link" href={`/api/difficulties/${d.id}/files/${f.id}`} download={f.fileName} data-testid="difficulty-file">
                {f.fileName} <span className="m-muted">({formatSize(f.sizeBytes)})</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <UploadList uploads={uploads} onRetry={retry} />
      {canAttach && (
        <FilePicker
          count={files.length + uploads.length}
          onChoose={(chosen) => {
            start(d.id);
            add(chosen);
          }}
        />
      )}
    </Card>
  );
}
