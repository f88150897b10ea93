export const ROLES = [
  'alliance_admin',
  'alliance_staff',
  'fund_officer',
  'commune_officer',
  'coop_manager',
  'national_viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  alliance_admin: 'Quản trị Liên minh',
  alliance_staff: 'Cán bộ Liên minh',
  fund_officer: 'Cán bộ Quỹ hỗ trợ',
  commune_officer: 'Cán bộ cấp xã',
  coop_manager: 'Quản lý HTX',
  national_viewer: 'Theo dõi toàn quốc',
};

/** Who is acting: a signed-in user (with the scope of their role) or an anonymous visitor. */
export type Actor =
  | {
      kind: 'user';
      userId: string | null;
      email: string;
      role: Role;
      tenantId: number | null;
      /** The organisation a coop manager acts for now (the session's choice, else their first). */
      organisationId: string | null;
      /**
       * Every organisation a coop manager acts for (empty for other roles). Always set for a session's actor;
       * optional only so that actors built by hand (tests, benchmarks, scripts) need not name it.
       */
      organisationIds?: string[];
      communeCode: string | null;
      /**
       * May publish on the portal (decision 009): always for alliance_admin, the account's flag for alliance_staff,
       * never for other roles. Set for a session's actor; optional so that actors built by hand need not name it.
       */
      portalEditor?: boolean;
    }
  | { kind: 'anonymous' };

export const anonymous: Actor = { kind: 'anonymous' };

/** The actor of command-line tools run by the operator of the machine. */
export function systemActor(tenantId: number): Actor {
  return {
    kind: 'user',
    userId: null,
    email: 'system@coop',
    role: 'alliance_admin',
    tenantId,
    organisationId: null,
    organisationIds: [],
    communeCode: null,
    portalEditor: true,
  };
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? actor.email : 'anonymous';
}
