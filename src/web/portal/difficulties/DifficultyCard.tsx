import { categoryLabel, DIFFICULTY_OUTCOME_LABELS, DIFFICULTY_STATE_LABELS } from '../../../server/modules/difficulties/public-difficulties.words.ts';
import { followLink } from '../navigation.ts';
import { vnDate, type PublicDifficulty } from './types.ts';

/** The state as a tag: closed items say how they ended. */
export function StateTag({ item }: { item: PublicDifficulty }) {
  const closed = item.state === 'closed';
  const text = closed && item.outcome ? DIFFICULTY_OUTCOME_LABELS[item.outcome] ?? DIFFICULTY_STATE_LABELS.closed : (DIFFICULTY_STATE_LABELS[item.state] ?? DIFFICULTY_STATE_LABELS.received);
  const color = closed ? (item.outcome === 'resolved' ? 'green' : '') : item.state === 'answered' ? 'green' : 'orange';
  return <span className={`portal-tag${color ? ` portal-tag-${color}` : ''}`}>{text}</span>;
}

/** Who answered and what, in the order the letters came. */
export function Answers({ item, full }: { item: PublicDifficulty; full: boolean }) {
  const clip = (text: string) => (full || text.length <= 240 ? text : `${text.slice(0, 240)}…`);
  return (
    <>
      {item.letter ? (
        <p className="portal-small">
          Đã chuyển {item.letter.agency ?? 'cơ quan có thẩm quyền'} — công văn số {item.letter.number} ngày {vnDate(item.letter.date)}
        </p>
      ) : null}
      {item.directAnswer ? (
        <div className="kn-answer">
          <strong>Liên minh HTX trả lời{item.directAnswer.answeredOn ? ` (${vnDate(item.directAnswer.answeredOn)})` : ''}:</strong>
          <p>{clip(item.directAnswer.content)}</p>
        </div>
      ) : null}
      {item.answers.map((a) => (
        <div className="kn-answer" key={`${a.agency}-${a.letterNumber}`}>
          <strong>
            {a.agency} trả lời — văn bản số {a.letterNumber} ngày {vnDate(a.letterDate)}:
          </strong>
          <p>{clip(a.content)}</p>
        </div>
      ))}
    </>
  );
}

/** One published difficulty in the list. */
export function DifficultyCard({ item }: { item: PublicDifficulty }) {
  return (
    <li className="portal-card portal-entry" data-testid="difficulty-entry">
      <a href={`/kien-nghi/${item.id}`} onClick={followLink} className="portal-link">
        <strong>{item.title}</strong>
      </a>
      <span className="portal-entry-place">
        <StateTag item={item} />
        <span className="portal-tag">{categoryLabel(item.category)}</span>
        <span className="portal-muted portal-small">
          {item.code} · {vnDate(item.raisedOn)} · {item.cooperative}
        </span>
      </span>
      <Answers item={item} full={false} />
    </li>
  );
}
