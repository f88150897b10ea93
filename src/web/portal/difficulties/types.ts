// The shapes of GET /api/public/difficulties[/:id|/figures] as the portal reads them (public-difficulties.service.ts).
export type PublicAnswer = { agency: string; letterNumber: string; letterDate: string; content: string };
export type PublicDifficulty = {
  id: string;
  code: string;
  raisedOn: string;
  category: string;
  title: string;
  description: string;
  cooperative: string;
  state: string;
  outcome: string | null;
  closedOn: string | null;
  directAnswer: { content: string; answeredOn: string | null } | null;
  letter: { agency: string | null; number: string; date: string } | null;
  answers: PublicAnswer[];
};
export type PublicDifficultyPage = { tenant: number; page: number; pageSize: number; total: number; items: PublicDifficulty[] };
export type PublicFigures = {
  tenant: number;
  year: number;
  byCategory: { category: string; label: string; received: number; answered: number; resolved: number }[];
  byAgency: { agency: string; received: number; answered: number; resolved: number }[];
};

/** 'YYYY-MM-DD' as Vietnamese readers write it: 05/04/2025. */
export const vnDate = (iso: string | null | undefined): string => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
