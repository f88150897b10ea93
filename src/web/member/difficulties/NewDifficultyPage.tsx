import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { followLink } from '../navigation.ts';
import { organisationsOf, useSession } from '../session.ts';
import { Loading } from '../ui.tsx';
import { clearDraft, readDraft, writeDraft, type DifficultyDraft } from './draft.ts';
import { FilePicker } from './FilePicker.tsx';
import { CATEGORIES, CATEGORY_LABELS, CONSENTS, type Difficulty } from './labels.ts';
import { UploadList } from './UploadList.tsx';
import { useUploads } from './useUploads.ts';
import './difficulties.css';

type Errors = Partial<Record<keyof DifficultyDraft, string>>;

const TITLE_MAX = 300;
const DESCRIPTION_MAX = 8000;

function check(draft: DifficultyDraft): Errors {
  const errors: Errors = {};
  if (!draft.category) errors.category = 'Hãy chọn lĩnh vực của khó khăn.';
  if (!draft.title.trim()) errors.title = 'Hãy ghi tiêu đề ngắn của khó khăn.';
  if (!draft.description.trim()) errors.description = 'Hãy mô tả khó khăn, vướng mắc.';
  if (!draft.publicConsent) errors.publicConsent = 'Hãy chọn có cho công khai hay không.';
  return errors;
}

/** A manager raises a difficulty from the phone: what, in which field, may it be published, with photos or PDFs. */
export function NewDifficultyPage() {
  const { user } = useSession();
  const organisationId = user?.organisationId ?? '';
  const [draft, setDraft] = useState<DifficultyDraft>(() => readDraft(organisationId));
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Difficulty | null>(null);
  const { uploads, add, remove, start, retry } = useUploads();

  useEffect(() => {
    if (!created) writeDraft(organisationId, draft);
  }, [organisationId, draft, created]);

  if (!user) return <Loading />;
  const organisationName = organisationsOf(user).find((o) => o.id === organisationId)?.name;
  const set = <K extends keyof DifficultyDraft>(key: K, value: DifficultyDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check(draft);
    setErrors(found);
    setServerError(null);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`difficulty-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const answer = await api.post<{ items: Difficulty[] }>('/api/difficulties', { organisationId, category: draft.category, title: draft.title.trim(), description: draft.description.trim(), publicConsent: draft.publicConsent });
      const difficulty = answer.items[0]!;
      clearDraft(organisationId);
      setCreated(difficulty);
      start(difficulty.id);
      window.scrollTo(0, 0);
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, 'network', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
      if (e.field && e.field in draft) setErrors({ [e.field]: e.message });
      else setServerError(e.status === 0 ? `${e.message} Những gì bạn đã ghi vẫn được giữ trên máy.` : e.message);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    const sending = uploads.some((u) => u.status !== 'done' && u.status !== 'failed');
    const failed = uploads.filter((u) => u.status === 'failed').length;
    return (
      <main id="main" className="m-main">
        <h1 className="m-title">Đã gửi khó khăn</h1>
        <div className="m-alert m-alert-ok" role="status" data-testid="difficulty-created">
          <p>
            Liên minh đã nhận khó khăn <strong data-testid="difficulty-code">{created.code}</strong>: {created.title}.
          </p>
        </div>
        {uploads.length > 0 && (
          <section className="m-card" aria-labelledby="files-title">
            <h2 id="files-title" className="m-card-title">
              Tệp đính kèm
            </h2>
            <UploadList uploads={uploads} onRetry={retry} />
            {failed > 0 && <p className="m-help">Tệp chưa gửi được có thể gửi lại ngay, hoặc sau ở trang của khó khăn này.</p>}
          </section>
        )}
        <a className="m-button m-button-primary m-block" href={`/member/difficulties/${created.id}`} onClick={followLink} data-testid="open-created">
          {sending ? 'Đang gửi tệp… Xem khó khăn vừa gửi' : 'Xem khó khăn vừa gửi'}
        </a>
        <a className="m-button m-block" href="/member/difficulties" onClick={followLink}>
          Về danh sách khó khăn
        </a>
      </main>
    );
  }

  return (
    <main id="main" className="m-main">
      <p>
        <a href="/member/difficulties" onClick={followLink}>
          ‹ Khó khăn, kiến nghị
        </a>
      </p>
      <h1 className="m-title">Gửi khó khăn, kiến nghị</h1>
      {organisationName && <p className="m-muted">Của {organisationName}</p>}
      <form className="m-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="m-field" aria-describedby={errors.category ? 'difficulty-category-error' : undefined}>
          <legend>
            Lĩnh vực<span className="m-required" aria-hidden="true"> *</span>
          </legend>
          <div className="m-choice-list" data-testid="difficulty-category">
            {CATEGORIES.map((category, index) => (
              <label key={category} className="m-choice">
                <input type="radio" name="category" id={index === 0 ? 'difficulty-category' : undefined} value={category} checked={draft.category === category} onChange={() => set('category', category)} />
                {CATEGORY_LABELS[category]}
              </label>
            ))}
          </div>
          {errors.category && <FieldError id="difficulty-category-error" text={errors.category} />}
        </fieldset>

        <div className="m-field">
          <label htmlFor="difficulty-title">
            Tiêu đề<span className="m-required" aria-hidden="true"> *</span>
          </label>
          <p className="m-help" id="difficulty-title-help">
            Một câu ngắn, ví dụ: Khó vay vốn mua máy sấy vải.
          </p>
          <input id="difficulty-title" type="text" maxLength={TITLE_MAX} value={draft.title} onChange={(e) => set('title', e.target.value)} aria-invalid={Boolean(errors.title)} aria-required aria-describedby={errors.title ? 'difficulty-title-help difficulty-title-error' : 'difficulty-title-help'} />
          {errors.title && <FieldError id="difficulty-title-error" text={errors.title} />}
        </div>

        <div className="m-field">
          <label htmlFor="difficulty-description">
            Mô tả khó khăn, kiến nghị<span className="m-required" aria-hidden="true"> *</span>
          </label>
          <p className="m-help" id="difficulty-description-help">
            Việc gì, từ bao giờ, đã hỏi ai, hợp tác xã đề nghị được giúp gì.
          </p>
          <textarea id="difficulty-description" rows={6} maxLength={DESCRIPTION_MAX} value={draft.description} onChange={(e) => set('description', e.target.value)} aria-invalid={Boolean(errors.description)} aria-required aria-describedby={errors.description ? 'difficulty-description-help difficulty-description-error' : 'difficulty-description-help'} />
          {errors.description && <FieldError id="difficulty-description-error" text={errors.description} />}
        </div>

        <fieldset className="m-field" aria-describedby={errors.publicConsent ? 'difficulty-publicConsent-error' : undefined}>
          <legend>
            Có cho đăng lên trang công khai không?<span className="m-required" aria-hidden="true"> *</span>
          </legend>
          <p className="m-help">Liên minh chỉ đăng khi hợp tác xã đồng ý. Tệp đính kèm không bao giờ được đăng.</p>
          <div className="d-consents" data-testid="difficulty-consent">
            {CONSENTS.map((consent, index) => (
              <label key={consent.value} className="m-choice d-consent">
                <input type="radio" name="publicConsent" id={index === 0 ? 'difficulty-publicConsent' : undefined} value={consent.value} checked={draft.publicConsent === consent.value} onChange={() => set('publicConsent', consent.value)} />
                <span>
                  <strong>{consent.label}</strong>
                  <br />
                  <span className="m-help">{consent.help}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.publicConsent && <FieldError id="difficulty-publicConsent-error" text={errors.publicConsent} />}
        </fieldset>

        <div className="m-field">
          <span className="d-label">Ảnh, giấy tờ kèm theo (nếu có)</span>
          <FilePicker count={uploads.length} onChoose={add} />
          <UploadList uploads={uploads} onRetry={retry} onRemove={remove} />
        </div>

        {serverError && (
          <div className="m-alert m-alert-error" role="alert" data-testid="server-error">
            <p>{serverError}</p>
          </div>
        )}
        <p className="m-help">Những gì bạn ghi được giữ trên máy này cho đến khi gửi xong, kể cả khi mất mạng.</p>
        <button type="submit" className="m-button m-button-primary m-block" disabled={busy} data-testid="submit-difficulty">
          {busy ? 'Đang gửi…' : 'Gửi Liên minh'}
        </button>
      </form>
    </main>
  );
}

function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p className="m-field-error" id={id} role="alert">
      {text}
    </p>
  );
}
