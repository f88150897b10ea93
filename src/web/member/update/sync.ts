/**
 * The two writes of a filing, with what the generic client leaves out: a 409's body (the server's newer draft)
 * and whether the request reached the server at all (a lost connection is not an answer: the draft waits on
 * the device, a submit is retried with the same key).
 */
import { toApiError, type ApiError } from '../../api/client.ts';
import type { AnnualUpdate, Receipt, UpdateValues } from './types.ts';

export type Outcome<T> =
  | { kind: 'ok'; body: T }
  | { kind: 'conflict'; update: AnnualUpdate | null; error: ApiError }
  | { kind: 'refused'; error: ApiError }
  | { kind: 'offline' };

async function send<T>(method: 'PUT' | 'POST', path: string, body: unknown): Promise<Outcome<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'offline' };
  }
  const text = await response.text().catch(() => '');
  if (response.ok) return { kind: 'ok', body: (text ? JSON.parse(text) : {}) as T };
  // A proxy or a gateway with no answer from the server behind it: the request did not land either.
  if (response.status === 502 || response.status === 503 || response.status === 504) return { kind: 'offline' };
  const error = await toApiError(response.status, text);
  if (response.status === 409) {
    let update: AnnualUpdate | null = null;
    try {
      const parsed = JSON.parse(text) as { update?: AnnualUpdate; current?: AnnualUpdate; draft?: AnnualUpdate };
      update = parsed.update ?? parsed.current ?? parsed.draft ?? null;
    } catch {
      // no body: the page reloads the server's copy
    }
    return { kind: 'conflict', update, error };
  }
  return { kind: 'refused', error };
}

const base = (organisationId: string, year: number) => `/api/annual-updates/organisations/${encodeURIComponent(organisationId)}/${year}`;

export function saveDraft(organisationId: string, year: number, values: UpdateValues, draftVersion: number) {
  return send<{ update: AnnualUpdate }>('PUT', `${base(organisationId, year)}/draft`, { values, draftVersion });
}

export function submitUpdate(organisationId: string, year: number, values: UpdateValues, submitKey: string) {
  return send<{ update: AnnualUpdate; receipt: Receipt }>('POST', `${base(organisationId, year)}/submit`, { values, submitKey });
}
