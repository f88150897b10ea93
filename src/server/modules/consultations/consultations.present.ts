// How a consultation request travels (dates as YYYY-MM-DD, instants as ISO strings).
import type { consultationRequests, consultationSessions } from './consultations.sql.ts';
import type { ConsultationChannel, ConsultationForm, ConsultationState, ConsultationTopic } from './consultations.words.ts';

export type ConsultationRow = typeof consultationRequests.$inferSelect;
export type SessionRow = typeof consultationSessions.$inferSelect;

export function presentConsultation(row: ConsultationRow) {
  return {
    id: row.id,
    organisationId: row.organisationId,
    topic: row.topic as ConsultationTopic,
    description: row.description,
    requestedOn: row.requestedOn,
    channel: row.channel as ConsultationChannel,
    requestedBy: row.requestedBy,
    state: row.state as ConsultationState,
    expertId: row.expertId,
    scheduledOn: row.scheduledOn,
    form: row.form as ConsultationForm | null,
    outcome: row.outcome,
    cancelReason: row.cancelReason,
    rating: row.rating,
    ratingComment: row.ratingComment,
    ratedAt: row.ratedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PresentedConsultation = ReturnType<typeof presentConsultation>;

export function presentSession(row: SessionRow, expertName: string | null) {
  return { id: row.id, heldOn: row.heldOn, form: row.form as ConsultationForm, expertId: row.expertId, expertName, notes: row.notes, recordedBy: row.recordedBy, recordedAt: row.recordedAt.toISOString() };
}
