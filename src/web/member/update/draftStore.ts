/**
 * The draft kept on the device, per organisation and year, written on every change: what was typed survives a
 * lost connection, a closed tab or a flat battery. `baseVersion` is the server's draftVersion these edits build
 * on; `unsent` says the server has not got them yet; `submitKey` is the pending submit attempt's key, kept until
 * the server answers it (a retry after a lost connection sends the same key, so nothing is filed twice).
 */
export type Typed = Record<string, string | boolean | null>;

export type LocalDraft = { typed: Typed; baseVersion: number; unsent: boolean; savedAt: string; submitKey?: string };

const keyOf = (organisationId: string, year: number) => `coop.annualUpdate.${organisationId}.${year}`;

export function readLocalDraft(organisationId: string, year: number): LocalDraft | null {
  try {
    const text = localStorage.getItem(keyOf(organisationId, year));
    return text ? (JSON.parse(text) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(organisationId: string, year: number, draft: LocalDraft): void {
  try {
    localStorage.setItem(keyOf(organisationId, year), JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the server copy is all there is.
  }
}

export function clearLocalDraft(organisationId: string, year: number): void {
  try {
    localStorage.removeItem(keyOf(organisationId, year));
  } catch {
    // nothing kept
  }
}

/** A new key for one submit attempt (works on plain HTTP too, where crypto.randomUUID is missing). */
export function newSubmitKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
