import { useMemo, useState } from 'react';
import { withQuery } from '../../api/client.ts';
import { validate } from '../../../server/modules/annual-updates/form-definition.ts';
import { followLink, navigate, useLocation } from '../navigation.ts';
import { formatDateTime } from '../time.ts';
import { useJson } from '../useJson.ts';
import { Loading, LoadError } from '../ui.tsx';
import { ConflictNotice, SaveStatusLine } from './SaveStatus.tsx';
import { FieldInput } from './FieldInput.tsx';
import { ReceiptView, Review, SubmittedView } from './Review.tsx';
import { mineUrl, type Mine, type Receipt } from './types.ts';
import { useDraft } from './useDraft.ts';
import { valuesFromTyped } from './values.ts';

/** /member/update/:year — the annual update, one section per screen, then a review and the receipt. */
export default function UpdatePage({ year }: { year: number }) {
  const mine = useJson<Mine>(mineUrl(year));
  if (mine.error) return <main id="main" className="m-main"><LoadError error={mine.error} onRetry={mine.retry} /></main>;
  if (!mine.data) return <Loading />;
  return <Filing mine={mine.data} reload={mine.retry} />;
}

function Filing({ mine, reload }: { mine: Mine; reload(): void }) {
  const definition = mine.form.definition;
  const sections = definition.sections;
  const { search } = useLocation();
  const step = Math.min(sections.length, Math.max(0, Number(search.get('step') ?? 0) || 0));
  const draft = useDraft(mine);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [blocked, setBlocked] = useState(false);
  const reasons = mine.update?.state === 'returned' ? mine.update.returnReasons ?? {} : {};
  const lastYearLabel = mine.lastAccepted ? `Năm ${mine.lastAccepted.year} (đã duyệt)` : 'Năm trước';

  // Errors of what is typed so far (types, ranges), field by field, in the validator's Vietnamese.
  const { values, unreadable } = useMemo(() => valuesFromTyped(definition, draft.typed), [definition, draft.typed]);
  const draftErrors = useMemo(() => {
    const errors: Record<string, string> = { ...serverErrors };
    for (const e of validate(definition, values, { forSubmit: false }).errors) errors[e.field] ??= e.message;
    return { ...errors, ...unreadable };
  }, [definition, values, unreadable, serverErrors]);

  if (receipt) return <ReceiptView mine={mine} receipt={receipt} />;
  if (mine.update && (mine.update.state === 'submitted' || mine.update.state === 'accepted')) return <SubmittedView mine={mine} />;

  const goTo = (next: number) => {
    void draft.flush();
    setBlocked(false);
    navigate(withQuery(window.location.pathname, { step: next || undefined }));
  };
  const section = sections[step];
  const sectionErrors = section ? section.fields.filter((f) => draftErrors[f.key]) : [];

  return (
    <main id="main" className="m-main m-filing">
      <h1 className="m-title">Cập nhật thông tin năm {mine.year}</h1>
      <p className="m-muted">
        {mine.organisation.name} · hạn nộp {formatDateTime(mine.deadline)}
      </p>
      <StepIndicator titles={[...sections.map((s) => s.title.vi), 'Xem lại và nộp']} step={step} questioned={sections.map((s) => s.fields.some((f) => reasons[f.key]))} onGo={goTo} />
      <SaveStatusLine status={draft.status} savedAt={draft.savedAt} error={draft.error} />
      {draft.conflict && <ConflictNotice definition={definition} server={draft.conflict} typed={draft.typed} onChoose={draft.resolveConflict} />}
      {section ? (
        <form
          className="m-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (sectionErrors.length) {
              setBlocked(true);
              document.getElementById(`field-${sectionErrors[0]!.key}`)?.focus();
              return;
            }
            goTo(step + 1);
          }}
        >
          <h2 className="m-section-title">{section.title.vi}</h2>
          {blocked && sectionErrors.length > 0 && (
            <p className="m-alert m-alert-error" role="alert">
              Mục này còn {sectionErrors.length} ô chưa đúng: sửa các ô được đánh dấu rồi bấm Tiếp.
            </p>
          )}
          {section.fields.map((field) => (
            <FieldInput
              key={field.key}
              field={field}
              typed={draft.typed[field.key]}
              lastYear={mine.lastAccepted?.values[field.key]}
              lastYearLabel={lastYearLabel}
              error={draftErrors[field.key]}
              reason={reasons[field.key]}
              onChange={(value) => {
                draft.change(field.key, value);
                if (serverErrors[field.key]) setServerErrors(({ [field.key]: _gone, ...rest }) => rest);
              }}
            />
          ))}
          <div className="m-step-buttons">
            {step > 0 ? (
              <button type="button" className="m-button" onClick={() => goTo(step - 1)}>
                ‹ Trước
              </button>
            ) : (
              <a className="m-button" href="/member" onClick={followLink}>
                ‹ Trang chính
              </a>
            )}
            <button type="submit" className="m-button m-button-primary" data-testid="next-step">
              Tiếp ›
            </button>
          </div>
        </form>
      ) : (
        <Review
          mine={mine}
          values={values}
          unreadable={unreadable}
          reasons={reasons}
          onEdit={goTo}
          submit={draft.submit}
          onFiled={(r) => setReceipt(r)}
          onRefused={(field, message) => field && setServerErrors((e) => ({ ...e, [field]: message }))}
          onReload={reload}
        />
      )}
    </main>
  );
}

function StepIndicator({ titles, step, questioned, onGo }: { titles: string[]; step: number; questioned: boolean[]; onGo(step: number): void }) {
  return (
    <nav className="m-steps" aria-label="Các bước">
      <p className="m-steps-now" data-testid="step-indicator">
        Bước {step + 1}/{titles.length}: <strong>{titles[step]}</strong>
      </p>
      <ol className="m-steps-list">
        {titles.map((title, i) => (
          <li key={title}>
            <button type="button" className={`m-step${i === step ? ' m-step-current' : ''}${i < step ? ' m-step-done' : ''}${questioned[i] ? ' m-step-questioned' : ''}`} aria-current={i === step ? 'step' : undefined} aria-label={`Bước ${i + 1}: ${title}${questioned[i] ? ' (có ô cần sửa)' : ''}`} onClick={() => onGo(i)}>
              {i + 1}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
