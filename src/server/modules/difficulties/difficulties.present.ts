// A difficulty as the API sends it (the staff pages, the manager's light app).
import { difficultyCode } from './number-series.ts';
import type { difficulties } from './difficulties.sql.ts';

export type DifficultyRow = typeof difficulties.$inferSelect;

export function presentDifficulty(row: DifficultyRow, today: string) {
  return {
    id: row.id,
    code: difficultyCode(row.year, row.seq),
    year: row.year,
    organisationId: row.organisationId,
    raisedOn: row.raisedOn,
    channel: row.channel,
    occasion: row.occasion,
    category: row.category,
    title: row.title,
    description: row.description,
    publicConsent: row.publicConsent,
    published: row.published,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    state: row.state,
    unitInCharge: row.unitInCharge,
    recommendationId: row.recommendationId,
    dueOn: row.dueOn,
    overdue: ['received', 'handling', 'forwarded'].includes(row.state) && row.dueOn !== null && row.dueOn < today,
    directAnswer: row.directAnswer,
    answeredOn: row.answeredOn,
    outcome: row.outcome,
    outcomeReason: row.outcomeReason,
    closedOn: row.closedOn,
    sourceUpdateId: row.sourceUpdateId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
