import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Accounts. Not distributed on Citus (a national_viewer has no tenant): a reference table, small and
 * rarely written. A person logs in by email or by phone number (stored as digits, "0912345678").
 * An invited account has no password until its one-time link is used.
 */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: integer('tenant_id'),
  email: text('email').unique(),
  phone: text('phone').unique(),
  passwordHash: text('password_hash'),
  role: text('role').notNull(),
  /** A coop manager's first organisation (more in user_organisations); kept for older code paths. */
  organisationId: uuid('organisation_id'),
  communeCode: text('commune_code'),
  displayName: text('display_name'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  /** An alliance_staff account the admin lets publish on the portal (decision 009); admins always may. */
  portalEditor: boolean('portal_editor').notNull().default(false),
});

/** The organisations a coop manager acts for (one person may chair a union and a member cooperative). */
export const userOrganisations = pgTable(
  'user_organisations',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    tenantId: integer('tenant_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), index('user_organisations_org_idx').on(t.tenantId, t.organisationId)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Last request seen: a session idle for too long ends. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    /** The organisation a coop manager chose to act for in this session. */
    organisationId: uuid('organisation_id'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time links (invitation, password reset): only the SHA-256 of the token is stored; used once, then void. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('one_time_tokens_user_idx').on(t.userId)],
);

/** A cooperative asks for an account with its registration number and a contact; staff approve or refuse. */
export const accountRequests = pgTable(
  'account_requests',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    registrationNumber: text('registration_number').notNull(),
    organisationId: uuid('organisation_id'),
    contactName: text('contact_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    message: text('message'),
    state: text('state').notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    userId: uuid('user_id'),
    emailSent: boolean('email_sent').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('account_requests_state_idx').on(t.tenantId, t.state)],
);
