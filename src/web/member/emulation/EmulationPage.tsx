/**
 * "Thi đua" on the manager's phone: its block's pact, a number field per criterion (decimal comma accepted), evidence
 * photos or PDFs per criterion, one save; the link to the scoreboard once the alliance has published it.
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { followLink } from '../navigation.ts';
import { useSession } from '../session.ts';
import { formatDay } from '../time.ts';
import { Card, Loading, LoadError } from '../ui.tsx';
import { useJson } from '../useJson.ts';
import { typedNumber, viNumber, type EvidenceFile, type MemberBlock, type MemberPact, type MemberResults } from './types.ts';

/** The newest block of the manager's organisation that has a pact it may see. */
export function currentBlock(items: MemberBlock[] | undefined): MemberBlock | undefined {
  return items?.find((b) => b.pact !== null);
}

export function EmulationPage() {
  const blocks = useJson<{ items: MemberBlock[] }>('/api/emulation/blocks');
  const block = currentBlock(blocks.data?.items);
  return (
    <main id="main" className="m-main">
      <h1 className="m-title">Thi đua</h1>
      {blocks.error ? (
        <LoadError error={blocks.error} onRetry={blocks.retry} />
      ) : !blocks.data ? (
        <Loading />
      ) : !block ? (
        <p className="m-muted">Hợp tác xã chưa tham gia giao ước thi đua nào đã ký.</p>
      ) : (
        <PactForm pactId={block.pact!.id} />
      )}
      <a href="/member" onClick={followLink}>‹ Về trang của hợp tác xã</a>
    </main>
  );
}

function PactForm({ pactId }: { pactId: string }) {
  const { user } = useSession();
  const pact = useJson<MemberPact>(`/api/emulation/pacts/${pactId}`);
  const results = useJson<MemberResults>(user?.organisationId ? `/api/emulation/pacts/${pactId}/results?organisationId=${user.organisationId}` : null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<Record<string, EvidenceFile[]>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const own = results.data?.organisations[0];
  useEffect(() => {
    if (!own) return;
    setValues(Object.fromEntries(own.results.map((r) => [r.criterionId, viNumber(r.value)])));
    setFiles(Object.fromEntries(own.results.map((r) => [r.criterionId, r.files])));
  }, [own]);
  if (pact.error) return <LoadError error={pact.error} onRetry={pact.retry} />;
  if (results.error) return <LoadError error={results.error} onRetry={results.retry} />;
  if (!pact.data || !own) return <Loading />;
  const p = pact.data;
  const canReport = results.data!.can.report;
  const save = async () => {
    setSaving(true);
    setStatus(null);
    setErrors({});
    try {
      await api.put(`/api/emulation/pacts/${pactId}/results`, { organisationId: own.id, values: p.criteria.map((c) => ({ criterionId: c.id, value: typedNumber(values[c.id] ?? '') })) });
      setStatus({ kind: 'ok', text: 'Đã lưu kết quả.' });
    } catch (error) {
      const field = error instanceof ApiError ? /^values\.(\d+)/.exec(error.field ?? '') : null;
      if (field) setErrors({ [p.criteria[Number(field[1])]!.id]: (error as ApiError).message });
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Card title={p.title} testId="member-pact">
        <p>
          {p.block.name} · {p.stateText}
          {p.signedOn ? ` ngày ${formatDay(p.signedOn)}` : ''}
        </p>
        {p.can.seeScoreboard && (
          <a className="m-button m-block" href={`/member/emulation/${p.id}/scoreboard`} onClick={followLink} data-testid="open-scoreboard">
            Xem bảng điểm ›
          </a>
        )}
        {!canReport && <p className="m-muted">Giao ước đã tổng kết: kết quả không sửa được nữa.</p>}
      </Card>
      <form
        className="m-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {p.criteria.map((c) => (
          <Card key={c.id} title={`${c.position}. ${c.name}`}>
            <div className="m-field">
              <label htmlFor={`criterion-${c.id}`}>
                Kết quả ({c.unit}) — chỉ tiêu {viNumber(c.target)}
              </label>
              <div className="m-number">
                <input
                  id={`criterion-${c.id}`}
                  type="text"
                  inputMode="decimal"
                  value={values[c.id] ?? ''}
                  disabled={!canReport}
                  aria-invalid={errors[c.id] ? true : undefined}
                  onChange={(e) => setValues((all) => ({ ...all, [c.id]: e.target.value }))}
                  data-testid={`result-${c.position}`}
                />
                <span className="m-unit">{c.unit}</span>
              </div>
              {errors[c.id] && <p className="m-field-error">{errors[c.id]}</p>}
              <p className="m-help">{c.ruleText}</p>
            </div>
            <Evidence pactId={pactId} criterionId={c.id} files={files[c.id] ?? []} enabled={canReport} onAdded={(f) => setFiles((all) => ({ ...all, [c.id]: [...(all[c.id] ?? []), f] }))} />
          </Card>
        ))}
        {status && (
          <div className={`m-alert ${status.kind === 'ok' ? 'm-alert-ok' : 'm-alert-error'}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
            {status.text}
          </div>
        )}
        {canReport && (
          <button type="submit" className="m-button m-button-primary m-block" disabled={saving} data-testid="save-results">
            {saving ? 'Đang lưu…' : 'Lưu kết quả'}
          </button>
        )}
      </form>
    </>
  );
}

/** The evidence of one criterion: the files sent, and a button to send a photo or a PDF. */
function Evidence({ pactId, criterionId, files, enabled, onAdded }: { pactId: string; criterionId: string; files: EvidenceFile[]; enabled: boolean; onAdded(file: EvidenceFile): void }) {
  const [state, setState] = useState<string | null>(null);
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setState('Đang gửi…');
    try {
      const stored = await uploadFile<EvidenceFile>(`/api/emulation/results/files?pactId=${pactId}&criterionId=${criterionId}`, file, (p) => setState(p.phase === 'uploading' ? `Đang gửi ${p.percent}%…` : 'Đang lưu…'));
      onAdded(stored);
      setState(null);
    } catch (error) {
      setState(error instanceof ApiError ? error.message : 'Không gửi được tệp. Kiểm tra mạng rồi thử lại.');
    }
  };
  return (
    <div>
      {files.length > 0 && (
        <ul className="m-link-list">
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/api/emulation/results/files/${f.id}`} className="m-row-link">
                Minh chứng: {f.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
      {enabled && (
        <label className="m-button m-block">
          <input type="file" accept="image/*,application/pdf" onChange={(e) => void choose(e)} style={{ position: 'absolute', opacity: 0, width: 1, height: 1 }} data-testid={`evidence-${criterionId}`} />
          Gửi ảnh hoặc tệp PDF minh chứng
        </label>
      )}
      {state && <p className="m-help" role="status">{state}</p>}
    </div>
  );
}
