import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../cooperatives/cooperatives.sql.ts';

/** The alliance's roster of experts (tư vấn chuyên sâu): fields are topic keys (see consultationRequests). */
export const experts = pgTable(
  'experts',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    fields: text('fields').array().notNull().default([]),
    organisation: text('organisation'),
    phone: text('phone'),
    email: text('email'),
    note: text('note'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/**
 * A cooperative's request for expert advice.
 * topic: 'business_plan' | 'accounting' | 'law' | 'technique' | 'market' | 'digital' | 'fund_access' | 'other'.
 * state: 'requested' → 'scheduled' (expert, date, form) → 'done' (sessions recorded) | 'cancelled' (reason).
 * form: 'visit' | 'online' | 'at_alliance'. rating 1–5, given by the cooperative once done.
 */
export const consultationRequests = pgTable(
  'consultation_requests',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    topic: text('topic').notNull(),
    description: text('description').notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    channel: text('channel').notNull().default('online'),
    requestedBy: text('requested_by'),
    state: text('state').notNull().default('requested'),
    expertId: uuid('expert_id'),
    scheduledOn: date('scheduled_on', { mode: 'string' }),
    form: text('form'),
    outcome: text('outcome'),
    cancelReason: text('cancel_reason'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    foreignKey({ columns: [t.tenantId, t.expertId], foreignColumns: [experts.tenantId, experts.id] }),
    index('consultation_requests_state_idx').on(t.tenantId, t.state),
    index('consultation_requests_org_idx').on(t.tenantId, t.organisationId),
  ],
);

/** One session of a consultation (a request may take several). */
export const consultationSessions = pgTable(
  'consultation_sessions',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    form: text('form').notNull(),
    expertId: uuid('expert_id'),
    notes: text('notes').notNull(),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.requestId], foreignColumns: [consultationRequests.tenantId, consultationRequests.id] }),
    index('consultation_sessions_request_idx').on(t.tenantId, t.requestId),
  ],
);
