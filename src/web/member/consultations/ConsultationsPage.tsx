/**
 * The manager's expert consultations on a phone (decision 008): ask for advice on a topic, follow each request
 * (the expert, date and form agreed, the sessions, the outcome), and rate a finished one once. Light: no Ant Design.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { findConsultations, getConsultation } from '../../../server/modules/consultations/consultations.service.ts';
import { CONSULTATION_TOPICS, FORM_LABELS, STATE_LABELS, TOPIC_LABELS, type ConsultationForm, type ConsultationTopic } from '../../../server/modules/consultations/consultations.words.ts';
import { formatDay } from '../time.ts';
import { Card, Loading, LoadError } from '../ui.tsx';
import { useJson } from '../useJson.ts';

type List = Awaited<ReturnType<typeof findConsultations>>;
type Item = List['items'][number];
type Detail = Awaited<ReturnType<typeof getConsultation>>;

export default function ConsultationsPage() {
  const list = useJson<List>('/api/consultations');
  const [asked, setAsked] = useState<string | null>(null);
  return (
    <main id="main" className="m-main">
      <p>
        <a href="/member">‹ Trang của hợp tác xã</a>
      </p>
      <h1 className="m-title">Tư vấn chuyên sâu</h1>
      <Card title="Đề nghị tư vấn" testId="consultation-ask">
        <AskForm
          onAsked={(id) => {
            setAsked(id);
            list.retry();
          }}
        />
        {asked && (
          <p className="m-alert m-alert-ok" role="status" data-testid="consultation-asked">
            Đã gửi đề nghị. Liên minh sẽ phân công chuyên gia và hẹn lịch với hợp tác xã.
          </p>
        )}
      </Card>
      <h2 className="m-section-title">Các đề nghị của hợp tác xã</h2>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.retry} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="m-muted">Chưa có đề nghị tư vấn nào.</p>
      ) : (
        list.data.items.map((item) => <Request key={item.id} item={item} />)
      )}
    </main>
  );
}

function AskForm({ onAsked }: { onAsked(id: string): void }) {
  const [topic, setTopic] = useState<ConsultationTopic | ''>('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ topic?: string; description?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = { topic: topic ? undefined : 'Vui lòng chọn lĩnh vực cần tư vấn.', description: description.trim() ? undefined : 'Vui lòng nêu nội dung cần tư vấn.' };
    setErrors(missing);
    if (missing.topic || missing.description) return;
    setBusy(true);
    api.post<{ id: string }>('/api/consultations', { topic, description }).then(
      (created) => {
        setBusy(false);
        setTopic('');
        setDescription('');
        onAsked(created.id);
      },
      (e: unknown) => {
        setBusy(false);
        const error = e instanceof ApiError ? e : null;
        setErrors(error?.field === 'topic' || error?.field === 'description' ? { [error.field]: error.message } : { form: error?.message ?? 'Không gửi được đề nghị. Thử lại.' });
      },
    );
  };
  return (
    <form className="m-form" onSubmit={submit} noValidate>
      <fieldset className="m-field" aria-describedby={errors.topic ? 'ask-topic-error' : undefined}>
        <legend>
          Lĩnh vực cần tư vấn <span className="m-required">*</span>
        </legend>
        <div className="m-choice-list">
          {CONSULTATION_TOPICS.map((key) => (
            <label key={key} className="m-choice">
              <input type="radio" style={{ flexShrink: 0 }} name="topic" value={key} checked={topic === key} onChange={() => setTopic(key)} data-testid={`ask-topic-${key}`} />
              {TOPIC_LABELS[key]}
            </label>
          ))}
        </div>
        {errors.topic && (
          <p id="ask-topic-error" className="m-field-error" role="alert">
            {errors.topic}
          </p>
        )}
      </fieldset>
      <div className="m-field">
        <label htmlFor="ask-description">
          Nội dung cần tư vấn <span className="m-required">*</span>
        </label>
        <textarea
          id="ask-description"
          rows={4}
          maxLength={5000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? 'ask-description-error' : 'ask-description-help'}
        />
        <p id="ask-description-help" className="m-help">
          Hợp tác xã đang vướng mắc điều gì, cần chuyên gia giúp gì.
        </p>
        {errors.description && (
          <p id="ask-description-error" className="m-field-error" role="alert">
            {errors.description}
          </p>
        )}
      </div>
      {errors.form && (
        <p className="m-alert m-alert-error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="m-button m-button-primary m-block" disabled={busy} data-testid="ask-submit">
        {busy ? 'Đang gửi…' : 'Gửi đề nghị'}
      </button>
    </form>
  );
}

/** One request: its state at a glance; opened, the details (sessions, outcome) and the rating. */
function Request({ item }: { item: Item }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="m-card" data-testid={`consultation-${item.id}`}>
      <h3 className="m-card-title">{TOPIC_LABELS[item.topic]}</h3>
      <dl className="m-summary">
        <div>
          <dt>Tình trạng</dt>
          <dd data-testid="consultation-state">{STATE_LABELS[item.state]}</dd>
        </div>
        <div>
          <dt>Ngày đề nghị</dt>
          <dd>{formatDay(item.requestedOn)}</dd>
        </div>
        {item.organisation && (
          <div>
            <dt>Tổ chức</dt>
            <dd>{item.organisation.name}</dd>
          </div>
        )}
        {item.expertName && (
          <div>
            <dt>Chuyên gia</dt>
            <dd>{item.expertName}</dd>
          </div>
        )}
        {item.scheduledOn && item.state === 'scheduled' && (
          <div>
            <dt>Ngày hẹn</dt>
            <dd>
              {formatDay(item.scheduledOn)}
              {item.form ? ` · ${FORM_LABELS[item.form as ConsultationForm]}` : ''}
            </dd>
          </div>
        )}
        {item.rating !== null && (
          <div>
            <dt>Đánh giá của hợp tác xã</dt>
            <dd>{item.rating}/5</dd>
          </div>
        )}
      </dl>
      <button type="button" className="m-button m-block" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="consultation-toggle" style={{ marginTop: 12 }}>
        {open ? 'Thu gọn' : item.state === 'done' && item.rating === null ? 'Xem kết quả và đánh giá' : 'Xem chi tiết'}
      </button>
      {open && <RequestDetail id={item.id} />}
    </section>
  );
}

function RequestDetail({ id }: { id: string }) {
  const detail = useJson<Detail>(`/api/consultations/${id}`);
  if (detail.error) return <LoadError error={detail.error} onRetry={detail.retry} />;
  if (!detail.data) return <Loading />;
  const c = detail.data;
  return (
    <div style={{ marginTop: 12 }}>
      <p style={{ whiteSpace: 'pre-wrap' }}>{c.description}</p>
      {c.expert && (
        <p>
          <strong>Chuyên gia:</strong> {[c.expert.name, c.expert.organisation, c.expert.phone].filter(Boolean).join(' · ')}
        </p>
      )}
      {c.sessions.length > 0 && (
        <>
          <h4 className="m-section-title">Các buổi tư vấn</h4>
          <ul data-testid="consultation-sessions">
            {c.sessions.map((s) => (
              <li key={s.id}>
                {formatDay(s.heldOn)} · {FORM_LABELS[s.form]}: <span style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {c.outcome && (
        <p data-testid="consultation-outcome">
          <strong>Kết quả:</strong> {c.outcome}
        </p>
      )}
      {c.cancelReason && (
        <p>
          <strong>Lý do hủy:</strong> {c.cancelReason}
        </p>
      )}
      {c.can.rate ? (
        <RatingForm id={c.id} onRated={detail.retry} />
      ) : (
        c.rating !== null && (
          <p data-testid="consultation-rated">
            <strong>Hợp tác xã đã đánh giá:</strong> {c.rating}/5{c.ratingComment ? ` — ${c.ratingComment}` : ''}
          </p>
        )
      )}
    </div>
  );
}

const RATING_WORDS = ['', 'Không hữu ích', 'Ít hữu ích', 'Tạm được', 'Hữu ích', 'Rất hữu ích'];

function RatingForm({ id, onRated }: { id: string; onRated(): void }) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!rating) return setError('Vui lòng chọn mức đánh giá (1 đến 5).');
    setBusy(true);
    setError(null);
    api.post(`/api/consultations/${id}/rating`, { rating, comment: comment.trim() || null }).then(
      () => {
        setBusy(false);
        onRated();
      },
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof ApiError ? e.message : 'Không gửi được đánh giá. Thử lại.');
      },
    );
  };
  return (
    <form className="m-form" onSubmit={submit} noValidate data-testid="rating-form">
      <fieldset className="m-field">
        <legend>
          Đánh giá buổi tư vấn <span className="m-required">*</span>
        </legend>
        <div className="m-choice-list">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="m-choice" style={{ flexBasis: 120 }}>
              <input type="radio" style={{ flexShrink: 0 }} name={`rating-${id}`} value={n} checked={rating === n} onChange={() => setRating(n)} data-testid={`rating-${n}`} />
              {n} – {RATING_WORDS[n]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="m-field">
        <label htmlFor={`rating-comment-${id}`}>Nhận xét (không bắt buộc)</label>
        <textarea id={`rating-comment-${id}`} rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {error && (
        <p className="m-field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="m-button m-button-primary m-block" disabled={busy} data-testid="rating-submit">
        {busy ? 'Đang gửi…' : 'Gửi đánh giá'}
      </button>
    </form>
  );
}
