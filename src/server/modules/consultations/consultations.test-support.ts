// Experts and requests for the consultations' tests (test code only), made through the services as staff would.
import type { Db } from '../../../db/client.ts';
import { systemActor } from '../accounts/roles.ts';
import { completeConsultation, createConsultation, recordSession, scheduleConsultation } from './consultations.service.ts';
import { createExpert } from './experts.service.ts';
import type { ConsultationTopic } from './consultations.words.ts';

export async function createTestExpert(db: Db, tenantId: number, name = 'TS. Nguyễn Văn Kế', fields: ConsultationTopic[] = ['accounting', 'business_plan']) {
  return createExpert(db, { actor: systemActor(tenantId), input: { name, fields, organisation: 'Trường Đại học Nông Lâm Bắc Giang', phone: '0912000111', email: null, note: null } });
}

/** A request recorded by staff and taken as far as `until` (its state). */
export async function createTestConsultation(
  db: Db,
  { tenantId, organisationId, expertId, until = 'requested', topic = 'accounting', requestedOn }: { tenantId: number; organisationId: string; expertId: string; until?: 'requested' | 'scheduled' | 'done'; topic?: ConsultationTopic; requestedOn?: string },
) {
  const actor = systemActor(tenantId);
  const request = await createConsultation(db, { actor, input: { organisationId, topic, description: 'Cần hướng dẫn lập sổ kế toán theo Thông tư 71/2019.', channel: 'phone', requestedOn } });
  if (until === 'requested') return request;
  const day = request.requestedOn;
  await scheduleConsultation(db, { actor, id: request.id, expertId, scheduledOn: day, form: 'visit' });
  if (until === 'scheduled') return request;
  await recordSession(db, { actor, id: request.id, heldOn: day, form: 'visit', notes: 'Hướng dẫn mở sổ, hạch toán doanh thu.' });
  await completeConsultation(db, { actor, id: request.id, outcome: 'Hợp tác xã đã lập được sổ kế toán.' });
  return request;
}
