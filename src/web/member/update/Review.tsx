import { useState } from 'react';
import type { ApiError } from '../../api/client.ts';
import { validate } from '../../../server/modules/annual-updates/form-definition.ts';
import { followLink } from '../navigation.ts';
import { formatDateTime } from '../time.ts';
import { shownValue } from './FieldInput.tsx';
import { STATE_LABELS, type Mine, type Receipt, type UpdateValues } from './types.ts';
import type { SubmitResult } from './useDraft.ts';

type ReviewProps = {
  mine: Mine;
  values: UpdateValues;
  unreadable: Record<string, string>;
  reasons: Record<string, string>;
  onEdit(step: number): void;
  submit(): Promise<SubmitResult>;
  onFiled(receipt: Receipt): void;
  onRefused(field: string | undefined, message: string): void;
  onReload(): void;
};

/** The last screen: every answer by section, what is missing or wrong (with the way back to it), then submit. */
export function Review({ mine, values, unreadable, reasons, onEdit, submit, onFiled, onRefused, onReload }: ReviewProps) {
  const definition = mine.form.definition;
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<{ kind: 'offline' } | { kind: 'refused'; error: ApiError } | null>(null);
  const check = validate(definition, values, { forSubmit: true });
  const errors = [...Object.entries(unreadable).map(([field, message]) => ({ field, message })), ...check.errors.filter((e) => !unreadable[e.field])];
  const stepOf = (field: string) => Math.max(0, definition.sections.findIndex((s) => s.fields.some((f) => f.key === field)));

  async function send() {
    setSending(true);
    setProblem(null);
    const result = await submit();
    setSending(false);
    if (result.kind === 'ok') {
      onFiled(result.receipt ?? { number: result.update.receiptNumber ?? result.update.id, submittedAt: result.update.submittedAt ?? new Date().toISOString() });
      return;
    }
    setProblem(result);
    if (result.kind === 'refused') {
      onRefused(result.error.field, result.error.message);
      if (result.error.status === 409) onReload();
    }
  }

  return (
    <section className="m-review" aria-labelledby="review-title">
      <h2 id="review-title" className="m-section-title">
        Xem lại và nộp
      </h2>
      {errors.length > 0 ? (
        <div className="m-alert m-alert-error" role="alert" data-testid="review-errors">
          <p>Còn {errors.length} ô cần sửa trước khi nộp:</p>
          <ul>
            {errors.map((e) => (
              <li key={`${e.field}:${e.message}`}>
                {e.message}{' '}
                <button type="button" className="m-link-button" onClick={() => onEdit(stepOf(e.field))}>
                  Sửa
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="m-alert m-alert-ok">Đã điền đủ. Kiểm tra lại rồi bấm Nộp.</p>
      )}
      {definition.sections.map((section, i) => (
        <div key={section.key} className="m-card">
          <div className="m-card-head">
            <h3 className="m-card-title">{section.title.vi}</h3>
            <button type="button" className="m-link-button" onClick={() => onEdit(i)}>
              Sửa
            </button>
          </div>
          <dl className="m-summary">
            {section.fields.map((field) => (
              <div key={field.key} className={reasons[field.key] ? 'm-questioned' : undefined}>
                <dt>{field.label.vi}</dt>
                <dd data-testid={`review-${field.key}`}>{shownValue(field, values[field.key])}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      {problem?.kind === 'offline' && (
        <p className="m-alert m-alert-warning" role="alert" data-testid="submit-offline">
          Mất kết nối nên chưa biết hồ sơ đã đến máy chủ chưa. Khi có mạng, bấm “Gửi lại”: hồ sơ chỉ được nộp một lần.
        </p>
      )}
      {problem?.kind === 'refused' && (
        <p className="m-alert m-alert-error" role="alert">
          {problem.error.message}
        </p>
      )}
      <div className="m-step-buttons">
        <button type="button" className="m-button" onClick={() => onEdit(definition.sections.length - 1)}>
          ‹ Trước
        </button>
        <button type="button" className="m-button m-button-primary" disabled={sending || errors.length > 0} onClick={() => void send()} data-testid="submit-update">
          {sending ? 'Đang nộp…' : problem?.kind === 'offline' ? 'Gửi lại' : 'Nộp hồ sơ'}
        </button>
      </div>
    </section>
  );
}

/** After submit: the receipt with its number and the time of filing (Vietnam time). */
export function ReceiptView({ mine, receipt }: { mine: Mine; receipt: Receipt }) {
  return (
    <main id="main" className="m-main">
      <section className="m-card m-receipt" data-testid="receipt">
        <h1 className="m-title">Đã nộp hồ sơ cập nhật năm {mine.year}</h1>
        <p>{mine.organisation.name}</p>
        <dl className="m-summary">
          <div>
            <dt>Số biên nhận</dt>
            <dd data-testid="receipt-number">{receipt.number}</dd>
          </div>
          <div>
            <dt>Thời gian nộp</dt>
            <dd data-testid="receipt-time">{formatDateTime(receipt.submittedAt)}</dd>
          </div>
        </dl>
        <p className="m-muted">Liên minh sẽ xem xét hồ sơ. Nếu cần sửa, trang chính sẽ ghi rõ ô nào và lý do.</p>
        <a className="m-button m-button-primary m-block" href="/member" onClick={followLink}>
          Về trang chính
        </a>
      </section>
    </main>
  );
}

/** An update already filed (waiting for the alliance, or accepted): its state and answers, read only. */
export function SubmittedView({ mine }: { mine: Mine }) {
  const update = mine.update!;
  return (
    <main id="main" className="m-main">
      <h1 className="m-title">Cập nhật thông tin năm {mine.year}</h1>
      <p className="m-alert m-alert-ok" data-testid="update-state">
        {STATE_LABELS[update.state]}
        {update.submittedAt && ` · nộp lúc ${formatDateTime(update.submittedAt)}`}
      </p>
      {mine.form.definition.sections.map((section) => (
        <div key={section.key} className="m-card">
          <h2 className="m-card-title">{section.title.vi}</h2>
          <dl className="m-summary">
            {section.fields.map((field) => (
              <div key={field.key}>
                <dt>{field.label.vi}</dt>
                <dd>{shownValue(field, update.values[field.key])}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      <a className="m-button m-block" href="/member" onClick={followLink}>
        Về trang chính
      </a>
    </main>
  );
}
