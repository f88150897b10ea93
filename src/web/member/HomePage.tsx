import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { STATUS_LABELS, KIND_LABELS, type Kind, type Status } from '../../shared/organisation-kinds.ts';
import { followLink } from './navigation.ts';
import { chooseOrganisation, organisationsOf, useSession, type MemberUser } from './session.ts';
import { daysUntil, formatDateTime, vietnamToday, vietnamYear } from './time.ts';
import { DifficultiesHomeCard } from './difficulties/HomeCard.tsx';
import { Card, Loading, LoadError } from './ui.tsx';
import { useJson } from './useJson.ts';
import { mineUrl, STATE_LABELS, type Mine } from './update/types.ts';

/** The coop manager's home on a phone: their organisation, what is due and when, their loans and account. */
export function HomePage() {
  const { user } = useSession();
  const year = vietnamYear();
  const due = useJson<Mine>(mineUrl(year));
  // The update's answer names the organisation too; asked on its own only when that answer failed (no form for its kind).
  const organisation = useJson<OrganisationFacts>(due.error && user?.organisationId ? `/api/cooperatives/${user.organisationId}` : null);
  const facts: OrganisationFacts | undefined = due.data?.organisation ?? organisation.data;
  // Their loans (the staff app's /loans shows them), linked only when there are some.
  const loans = useJson<{ items: unknown[] }>(user?.can.seeLoans ? '/api/loans' : null);
  if (!user) return <Loading />;
  return (
    <main id="main" className="m-main">
      <h1 className="m-title">Trang của hợp tác xã</h1>
      <OrganisationSwitcher user={user} />
      <Card title="Tổ chức" testId="member-organisation">
        {organisation.error ? <LoadError error={organisation.error} onRetry={organisation.retry} /> : facts ? <OrganisationCard org={facts} /> : <Loading />}
      </Card>
      <Card title={`Cập nhật thông tin năm ${year}`} testId="member-due">
        {due.error ? <LoadError error={due.error} onRetry={due.retry} /> : due.data ? <Due mine={due.data} /> : <Loading />}
      </Card>
      <DifficultiesHomeCard user={user} />
      <Card title="Việc khác">
        <ul className="m-link-list">
          {loans.data && loans.data.items.length > 0 && (
            <li>
              <a href="/loans" className="m-row-link" data-testid="member-loans">
                Khoản vay của quỹ hỗ trợ ({loans.data.items.length}) ›
              </a>
            </li>
          )}
          {user.can.reportEmulation && (
            <li>
              <a href="/member/emulation" onClick={followLink} className="m-row-link" data-testid="member-emulation">
                Thi đua: giao ước, kết quả, bảng điểm ›
              </a>
            </li>
          )}
          <li>
            <a href="/member/consultations" onClick={followLink} className="m-row-link" data-testid="member-consultations">
              Tư vấn chuyên sâu: đề nghị, theo dõi, đánh giá ›
            </a>
          </li>
          <li>
            <a href="/member/password" onClick={followLink} className="m-row-link">
              Đổi mật khẩu ›
            </a>
          </li>
        </ul>
        <p className="m-muted">Đăng nhập bằng {user.email}</p>
      </Card>
    </main>
  );
}

type OrganisationFacts = { name: string; kind: string; registrationNumber: string | null; status: string; currentCommuneName?: string | null; registeredCommune?: string | null };

function OrganisationCard({ org }: { org: OrganisationFacts }) {
  return (
    <dl className="m-summary">
      <div>
        <dt>Tên</dt>
        <dd data-testid="member-organisation-name">{org.name}</dd>
      </div>
      <div>
        <dt>Loại hình</dt>
        <dd>{KIND_LABELS[org.kind as Kind] ?? org.kind}</dd>
      </div>
      <div>
        <dt>Mã số đăng ký</dt>
        <dd>{org.registrationNumber ?? '—'}</dd>
      </div>
      <div>
        <dt>Xã, phường</dt>
        <dd>{org.currentCommuneName ?? org.registeredCommune ?? '—'}</dd>
      </div>
      <div>
        <dt>Tình trạng</dt>
        <dd>{STATUS_LABELS[org.status as Status] ?? org.status}</dd>
      </div>
    </dl>
  );
}

/** What is due this year: the state, the deadline, a banner from 1 December, and what the alliance asked to correct. */
function Due({ mine }: { mine: Mine }) {
  const update = mine.update;
  const state = update?.state ?? 'none';
  const open = state === 'none' || state === 'draft' || state === 'returned';
  const days = daysUntil(mine.deadline);
  const december = vietnamToday() >= `${mine.year}-12-01`;
  const reasons = state === 'returned' ? Object.entries(update?.returnReasons ?? {}) : [];
  const labelOf = (key: string) => mine.form.definition.sections.flatMap((s) => s.fields).find((f) => f.key === key)?.label.vi ?? key;
  return (
    <>
      {open && december && (
        <p className={`m-banner${days < 0 ? ' m-banner-late' : ''}`} role="alert" data-testid="deadline-banner">
          {days > 0 ? `Còn ${days} ngày đến hạn nộp cập nhật thông tin năm ${mine.year} (${formatDateTime(mine.deadline)}).` : days === 0 ? `Hôm nay là hạn cuối nộp cập nhật thông tin năm ${mine.year} (đến ${formatDateTime(mine.deadline)}).` : `Đã quá hạn nộp cập nhật thông tin năm ${mine.year} (${formatDateTime(mine.deadline)}). Vẫn nộp được — hãy nộp sớm.`}
        </p>
      )}
      <dl className="m-summary">
        <div>
          <dt>Tình trạng</dt>
          <dd data-testid="member-update-state">{STATE_LABELS[state]}</dd>
        </div>
        <div>
          <dt>Hạn nộp</dt>
          <dd>{formatDateTime(mine.deadline)}</dd>
        </div>
        {update?.submittedAt && (
          <div>
            <dt>Nộp lúc</dt>
            <dd>{formatDateTime(update.submittedAt)}</dd>
          </div>
        )}
        {update?.receiptNumber && (
          <div>
            <dt>Số biên nhận</dt>
            <dd>{update.receiptNumber}</dd>
          </div>
        )}
      </dl>
      {reasons.length > 0 && (
        <div className="m-alert m-alert-warning" data-testid="member-return-reasons">
          <p>
            <strong>Liên minh đề nghị sửa {reasons.length} ô:</strong>
          </p>
          <ul>
            {reasons.map(([key, text]) => (
              <li key={key}>
                {labelOf(key)}: {text}
              </li>
            ))}
          </ul>
        </div>
      )}
      <a className={`m-button m-block${open ? ' m-button-primary' : ''}`} href={`/member/update/${mine.year}`} onClick={followLink} data-testid="open-update">
        {state === 'none' ? 'Bắt đầu cập nhật' : state === 'draft' ? 'Tiếp tục cập nhật' : state === 'returned' ? 'Sửa và nộp lại' : 'Xem hồ sơ đã nộp'}
      </a>
    </>
  );
}

/** A manager of several organisations chooses, explicitly, the one they act for. */
function OrganisationSwitcher({ user }: { user: MemberUser }) {
  const organisations = organisationsOf(user);
  const [chosen, setChosen] = useState(user.organisationId ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (organisations.length < 2) return null;
  return (
    <form
      className="m-card m-switcher"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        chooseOrganisation(chosen).then(
          () => setBusy(false),
          (e: unknown) => {
            setBusy(false);
            setError(e instanceof ApiError ? e.message : 'Không chuyển được tổ chức.');
          },
        );
      }}
    >
      <label htmlFor="organisation-choice">Đang làm việc cho tổ chức</label>
      <select id="organisation-choice" value={chosen} onChange={(e) => setChosen(e.target.value)}>
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name ?? o.id}
          </option>
        ))}
      </select>
      <button type="submit" className="m-button" disabled={busy || chosen === user.organisationId}>
        Chuyển
      </button>
      {error && (
        <p className="m-field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
