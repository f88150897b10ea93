/** The emulation answers the manager's pages read (decision 010), and the number as typed on a phone. */
export type MemberBlock = { id: string; year: number; name: string; pact: { id: string; title: string; state: string; signedOn: string | null; scoreboardPublished: boolean } | null };
export type MemberPact = {
  id: string;
  year: number;
  title: string;
  state: string;
  stateText: string;
  signedOn: string | null;
  scoreboardPublishedAt: string | null;
  block: { name: string; headName: string | null; deputyName: string | null };
  criteria: Array<{ id: string; position: number; name: string; unit: string; target: string; points: number; maxPoints: number; ruleText: string }>;
  can: { report: boolean; seeScoreboard: boolean };
};
export type EvidenceFile = { id: string; fileName: string; sizeBytes: number };
export type MemberResults = {
  organisations: Array<{ id: string; name: string; results: Array<{ criterionId: string; value: string | null; files: EvidenceFile[] }> }>;
  can: { report: boolean };
};
export type MemberScoreboard = {
  pact: { title: string; year: number; stateText: string };
  block: { name: string };
  criteria: Array<{ id: string; position: number; name: string; maxPoints: number }>;
  maxTotal: number;
  rows: Array<{ rank: number; organisationId: string; name: string; own: boolean; total: string; cells: Array<{ score: string | null; value?: string | null }> }>;
  tieBreakText: string;
  notReportedText: string;
};

/** "12.5" → "12,5": decimals as Vietnamese write them. */
export const viNumber = (s: string | null | undefined) => (s ?? '').replace('.', ',');

/**
 * A number typed on a phone, for the server: "12,5" or "12.5", thousands with dots ("1.250,5") or spaces; the
 * server checks what is left and names the field in Vietnamese when it is not a number.
 */
export function typedNumber(text: string): string | null {
  const t = text.trim().replace(/[\s\u00a0]/g, '');
  if (t === '') return null;
  const grouped = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) ? t.replace(/\./g, '') : t;
  return grouped.replace(',', '.');
}
