import type { ApiError } from '../../api/client.ts';
import { formatClock } from '../time.ts';
import type { Typed } from './draftStore.ts';
import { shownValue } from './FieldInput.tsx';
import type { AnnualUpdate, FormDefinition } from './types.ts';
import type { SaveStatus } from './useDraft.ts';
import { valuesFromTyped } from './values.ts';


/** Where the draft is: on the device only, being sent, on the server, or waiting for the connection. */
export function SaveStatusLine({ status, savedAt, error }: { status: SaveStatus; savedAt: string | null; error: ApiError | null }) {
  const text: Record<SaveStatus, string> = {
    idle: '',
    local: 'Đã lưu trên máy, sắp gửi lên máy chủ…',
    saving: 'Đang lưu lên máy chủ…',
    saved: savedAt ? `Đã lưu bản nháp lên máy chủ lúc ${formatClock(savedAt)}` : 'Đã lưu bản nháp lên máy chủ',
    offline: 'Đang ngoại tuyến — đã lưu trên máy',
    conflict: 'Có bản nháp mới hơn trên máy chủ',
    error: error ? `Chưa lưu được lên máy chủ: ${error.message}` : 'Chưa lưu được lên máy chủ',
  };
  return (
    <p className={`m-save-status m-save-${status}`} role="status" aria-live="polite" data-testid="save-status" data-status={status}>
      {text[status]}
    </p>
  );
}

/** Another device saved a newer draft: what differs, and the choice of which copy to keep. */
export function ConflictNotice({ definition, server, typed, onChoose }: { definition: FormDefinition; server: AnnualUpdate; typed: Typed; onChoose(keep: 'server' | 'mine'): void }) {
  if (server.state === 'submitted' || server.state === 'accepted') {
    return (
      <section className="m-alert m-alert-warning" role="alert" data-testid="draft-conflict">
        <p>Hồ sơ năm nay đã được nộp (từ một máy khác hoặc bởi Liên minh), nên không sửa tiếp ở đây được.</p>
        <button type="button" className="m-button" onClick={() => window.location.reload()}>
          Xem hồ sơ đã nộp
        </button>
      </section>
    );
  }
  const mine = valuesFromTyped(definition, typed).values;
  const differing = definition.sections.flatMap((s) => s.fields).filter((f) => (server.values?.[f.key] ?? null) !== (mine[f.key] ?? null));
  return (
    <section className="m-alert m-alert-warning" role="alert" data-testid="draft-conflict">
      <h2 className="m-card-title">Có bản nháp mới hơn trên máy chủ</h2>
      <p>Hồ sơ này vừa được sửa ở một máy khác. Chọn bản muốn giữ:</p>
      {differing.length > 0 && (
        <table className="m-diff">
          <thead>
            <tr>
              <th scope="col">Ô</th>
              <th scope="col">Trên máy chủ</th>
              <th scope="col">Trên máy này</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((f) => (
              <tr key={f.key}>
                <th scope="row">{f.label.vi}</th>
                <td>{shownValue(f, server.values?.[f.key])}</td>
                <td>{shownValue(f, mine[f.key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="m-step-buttons">
        <button type="button" className="m-button" onClick={() => onChoose('server')} data-testid="conflict-take-server">
          Dùng bản trên máy chủ
        </button>
        <button type="button" className="m-button m-button-primary" onClick={() => onChoose('mine')} data-testid="conflict-keep-mine">
          Giữ bản trên máy này
        </button>
      </div>
    </section>
  );
}
