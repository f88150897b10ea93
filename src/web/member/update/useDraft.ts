/**
 * The filing's draft: kept on the device at every change (draftStore.ts), sent to the server a moment after
 * typing stops, at every move to another section and when the connection returns; a newer copy on the server
 * (another device) is shown for the manager to choose; the submit carries one key per attempt.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/client.ts';
import { clearLocalDraft, newSubmitKey, readLocalDraft, writeLocalDraft, type LocalDraft, type Typed } from './draftStore.ts';
import { saveDraft, submitUpdate } from './sync.ts';
import type { AnnualUpdate, Mine, Receipt } from './types.ts';
import { typedFromValues, valuesFromTyped } from './values.ts';

export type SaveStatus = 'idle' | 'local' | 'saving' | 'saved' | 'offline' | 'conflict' | 'error';
export type SubmitResult = { kind: 'ok'; update: AnnualUpdate; receipt: Receipt } | { kind: 'offline' } | { kind: 'refused'; error: ApiError };

const SAVE_AFTER_MS = 1500;
const now = () => new Date().toISOString();

function initialDraft(mine: Mine): { draft: LocalDraft; conflict: AnnualUpdate | null } {
  const definition = mine.form.definition;
  const server = mine.update;
  const serverVersion = server?.draftVersion ?? 0;
  const fromServer: LocalDraft = { typed: typedFromValues(definition, server?.values ?? {}), baseVersion: serverVersion, unsent: false, savedAt: now() };
  const local = readLocalDraft(mine.organisation.id, mine.year);
  if (!local) return { draft: fromServer, conflict: null };
  const editable = !server || server.state === 'draft' || server.state === 'returned';
  if (!editable) return { draft: fromServer, conflict: null };
  // Edits this device has not sent yet win, unless the server moved on meanwhile (another device): then ask.
  if (local.unsent) return { draft: local, conflict: local.baseVersion !== serverVersion && server ? server : null };
  return { draft: { ...fromServer, submitKey: local.submitKey }, conflict: null };
}

export function useDraft(mine: Mine) {
  const organisationId = mine.organisation.id;
  const { year } = mine;
  const definition = mine.form.definition;
  const [start] = useState(() => initialDraft(mine));
  const [draft, setDraftState] = useState<LocalDraft>(start.draft);
  const [conflict, setConflict] = useState<AnnualUpdate | null>(start.conflict);
  const [status, setStatus] = useState<SaveStatus>(start.draft.unsent ? 'local' : 'idle');
  const [error, setError] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const draftRef = useRef(draft);
  const conflictRef = useRef(conflict);
  conflictRef.current = conflict;
  const flushing = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const setDraft = useCallback(
    (next: LocalDraft) => {
      draftRef.current = next;
      setDraftState(next);
      writeLocalDraft(organisationId, year, next);
    },
    [organisationId, year],
  );

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    if (flushing.current) return flushing.current.then(() => (draftRef.current.unsent ? flush() : undefined));
    const sending = draftRef.current;
    if (!sending.unsent || conflictRef.current) return Promise.resolve();
    if (!navigator.onLine) {
      setStatus('offline');
      return Promise.resolve();
    }
    setStatus('saving');
    // A field whose text is not a number yet is left out (the device keeps it as typed).
    const { values } = valuesFromTyped(definition, sending.typed);
    const run = saveDraft(organisationId, year, values, sending.baseVersion).then((outcome) => {
      flushing.current = null;
      const current = draftRef.current;
      if (outcome.kind === 'ok') {
        setDraft({ ...current, baseVersion: outcome.body.update.draftVersion, unsent: current.typed !== sending.typed, savedAt: now() });
        setSavedAt(now());
        setError(null);
        setStatus(current.typed !== sending.typed ? 'local' : 'saved');
      } else if (outcome.kind === 'offline') {
        setStatus('offline');
      } else if (outcome.kind === 'conflict') {
        setConflict(outcome.update ?? ({ ...(mine.update as AnnualUpdate), draftVersion: sending.baseVersion + 1 } satisfies AnnualUpdate));
        setStatus('conflict');
      } else {
        setError(outcome.error);
        setStatus('error');
      }
    });
    flushing.current = run;
    return run;
  }, [definition, mine.update, organisationId, setDraft, year]);

  /** One field changed: kept on the device now, sent to the server when typing pauses. */
  const change = useCallback(
    (key: string, value: Typed[string]) => {
      const current = draftRef.current;
      setDraft({ ...current, typed: { ...current.typed, [key]: value }, unsent: true, savedAt: now() });
      setStatus(navigator.onLine ? 'local' : 'offline');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
    },
    [flush, setDraft],
  );

  // The connection comes back: what waited on the device goes now. It goes: say so at once.
  useEffect(() => {
    const online = () => void flush();
    const offline = () => draftRef.current.unsent && setStatus('offline');
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      clearTimeout(timer.current);
    };
  }, [flush]);

  /** The manager's answer to a newer copy on the server: take it, or keep theirs (which then overwrites it). */
  const resolveConflict = useCallback(
    (keep: 'server' | 'mine') => {
      const server = conflictRef.current;
      if (!server) return;
      conflictRef.current = null;
      setConflict(null);
      if (keep === 'server') {
        setDraft({ typed: typedFromValues(definition, server.values ?? {}), baseVersion: server.draftVersion, unsent: false, savedAt: now() });
        setStatus('saved');
      } else {
        setDraft({ ...draftRef.current, baseVersion: server.draftVersion, unsent: true });
        void flush();
      }
    },
    [definition, flush, setDraft],
  );

  /** Files the update. The attempt's key stays on the device until the server answers, so a retry files once. */
  const submit = useCallback(async (): Promise<SubmitResult> => {
    clearTimeout(timer.current);
    if (flushing.current) await flushing.current;
    const current = draftRef.current;
    const submitKey = current.submitKey ?? newSubmitKey();
    if (!current.submitKey) setDraft({ ...current, submitKey });
    if (!navigator.onLine) return { kind: 'offline' };
    const { values } = valuesFromTyped(definition, current.typed);
    const outcome = await submitUpdate(organisationId, year, values, submitKey);
    if (outcome.kind === 'ok') {
      clearLocalDraft(organisationId, year);
      return { kind: 'ok', update: outcome.body.update, receipt: outcome.body.receipt };
    }
    if (outcome.kind === 'offline') return { kind: 'offline' };
    // The server answered: this attempt is over, the next one gets a new key.
    setDraft({ ...draftRef.current, submitKey: undefined });
    return { kind: 'refused', error: outcome.error };
  }, [definition, organisationId, setDraft, year]);

  return { typed: draft.typed, unsent: draft.unsent, status, error, savedAt, conflict, change, flush, resolveConflict, submit };
}
