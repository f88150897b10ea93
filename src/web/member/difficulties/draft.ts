/**
 * What the manager typed in a new difficulty, kept on the phone on every change (per organisation): a lost
 * connection, a closed tab or a flat battery loses nothing. Cleared once the server has the difficulty.
 * Files are not kept (too large for the browser's storage): they are chosen again.
 */
export type DifficultyDraft = { category: string; title: string; description: string; publicConsent: string };

export const EMPTY_DRAFT: DifficultyDraft = { category: '', title: '', description: '', publicConsent: '' };

const keyOf = (organisationId: string) => `coop.difficultyDraft.${organisationId}`;

export function readDraft(organisationId: string): DifficultyDraft {
  try {
    const text = localStorage.getItem(keyOf(organisationId));
    return text ? { ...EMPTY_DRAFT, ...(JSON.parse(text) as Partial<DifficultyDraft>) } : EMPTY_DRAFT;
  } catch {
    return EMPTY_DRAFT;
  }
}

export function writeDraft(organisationId: string, draft: DifficultyDraft): void {
  try {
    if (Object.values(draft).some(Boolean)) localStorage.setItem(keyOf(organisationId), JSON.stringify(draft));
    else localStorage.removeItem(keyOf(organisationId));
  } catch {
    // Storage full or refused (private mode): nothing is kept on the phone.
  }
}

export function clearDraft(organisationId: string): void {
  try {
    localStorage.removeItem(keyOf(organisationId));
  } catch {
    // nothing kept
  }
}
