// The accounts routes' rows of the authorization matrix (src/server/authorization.test.ts). The alliance's
// accounts are its administrator's; staff invite organisations' managers and decide on account requests;
// a coop manager switches between its own organisations; the one-time-link and forgotten-password routes are
// for anyone (a stranger holds the link). Test code only.
import type { InjectOptions } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { createAccount } from './accounts.admin.service.ts';
import { submitAccountRequest } from './account-requests.service.ts';
import { accountRequests } from './accounts.sql.ts';
import { systemActor } from './roles.ts';
import { TENANT } from '../../../test/harness.ts';

type Who = 'anonymous' | 'alliance_admin' | 'alliance_staff' | 'fund_officer' | 'commune_officer' | 'coop_manager' | 'other_coop_manager' | 'national_viewer' | 'other_tenant_staff';
type AccountRow = { route: string; request: () => InjectOptions; allowed: Who[]; freshSession?: boolean };
export type AccountFixture = { userId: string; token: string; approveId: string; refuseId: string; orgId: string; ids: string[] };

const EVERYONE: Who[] = ['anonymous', 'alliance_admin', 'alliance_staff', 'fund_officer', 'commune_officer', 'coop_manager', 'other_coop_manager', 'national_viewer', 'other_tenant_staff'];
const SIGNED_IN = EVERYONE.filter((w) => w !== 'anonymous');

/** An invited account and two pending account requests of the alliance. */
export async function createAccountFixture(db: Db): Promise<Omit<AccountFixture, 'orgId'>> {
  const { account, token } = await createAccount(db, { actor: systemActor(TENANT), input: { role: 'alliance_staff', email: 'ma-tran@lienminh.test' } });
  for (const contactName of ['Người được duyệt', 'Người bị từ chối']) {
    await submitAccountRequest(db, { input: { registrationNumber: '2400000000', contactName, phone: '0915000000', tenant: TENANT } });
  }
  const requests = await db.select({ id: accountRequests.id, contactName: accountRequests.contactName }).from(accountRequests);
  const approveId = requests.find((r) => r.contactName === 'Người được duyệt')!.id;
  const refuseId = requests.find((r) => r.contactName === 'Người bị từ chối')!.id;
  return { userId: account.id, token, approveId, refuseId, ids: [account.id, approveId, refuseId] };
}

/** Every route of the accounts module (accounts.routes.ts, accounts.admin.routes.ts, account-requests.routes.ts). */
export function accountRows(f: () => AccountFixture): AccountRow[] {
  return [
    { route: 'POST /api/auth/organisation', request: () => ({ method: 'POST', url: '/api/auth/organisation', payload: { organisationId: f().orgId } }), allowed: ['coop_manager'] },
    // A wrong current password is a 400: the route is open to every signed-in user.
    { route: 'POST /api/auth/password', request: () => ({ method: 'POST', url: '/api/auth/password', payload: { current: 'pas-le-bon-mot', next: 'un-nouveau-mot-de-passe' } }), allowed: SIGNED_IN },
    { route: 'GET /api/auth/token', request: () => ({ url: `/api/auth/token?token=${f().token}` }), allowed: EVERYONE },
    { route: 'POST /api/auth/set-password', request: () => ({ method: 'POST', url: '/api/auth/set-password', payload: { token: 'x'.repeat(43), password: 'mot-mat-khau-dai-du' } }), allowed: EVERYONE, freshSession: true },
    { route: 'POST /api/auth/forgot', request: () => ({ method: 'POST', url: '/api/auth/forgot', payload: { login: 'khong.ai@lienminh.test' } }), allowed: EVERYONE },
    { route: 'GET /api/accounts', request: () => ({ url: '/api/accounts' }), allowed: ['alliance_admin'] },
    { route: 'POST /api/accounts', request: () => ({ method: 'POST', url: '/api/accounts', payload: { role: 'fund_officer', phone: '0915111222' } }), allowed: ['alliance_admin'] },
    { route: 'PATCH /api/accounts/:id', request: () => ({ method: 'PATCH', url: `/api/accounts/${f().userId}`, payload: { displayName: 'Cán bộ ma trận' } }), allowed: ['alliance_admin'] },
    { route: 'POST /api/accounts/:id/disable', request: () => ({ method: 'POST', url: `/api/accounts/${f().userId}/disable` }), allowed: ['alliance_admin'] },
    { route: 'POST /api/accounts/:id/enable', request: () => ({ method: 'POST', url: `/api/accounts/${f().userId}/enable` }), allowed: ['alliance_admin'] },
    { route: 'POST /api/accounts/:id/invitation', request: () => ({ method: 'POST', url: `/api/accounts/${f().userId}/invitation` }), allowed: ['alliance_admin'] },
    // The fixture account is invited, not active: the administrator passes and hears 409.
    { route: 'POST /api/accounts/:id/reset-link', request: () => ({ method: 'POST', url: `/api/accounts/${f().userId}/reset-link` }), allowed: ['alliance_admin'] },
    // Another alliance's staff pass the role check and then do not find the organisation (404, id in the body).
    { route: 'POST /api/accounts/manager-invitations', request: () => ({ method: 'POST', url: '/api/accounts/manager-invitations', payload: { organisationId: f().orgId, phone: '0915333444' } }), allowed: ['alliance_admin', 'alliance_staff', 'other_tenant_staff'] },
    { route: 'POST /api/public/account-requests', request: () => ({ method: 'POST', url: '/api/public/account-requests', payload: { registrationNumber: '2400000000', contactName: 'Khách', phone: '0915999000' } }), allowed: EVERYONE },
    // Another alliance's staff read their own alliance's requests.
    { route: 'GET /api/account-requests', request: () => ({ url: '/api/account-requests' }), allowed: ['alliance_admin', 'alliance_staff', 'other_tenant_staff'] },
    { route: 'POST /api/account-requests/:id/approve', request: () => ({ method: 'POST', url: `/api/account-requests/${f().approveId}/approve`, payload: { organisationId: f().orgId } }), allowed: ['alliance_admin', 'alliance_staff'] },
    { route: 'POST /api/account-requests/:id/refuse', request: () => ({ method: 'POST', url: `/api/account-requests/${f().refuseId}/refuse`, payload: { reason: 'Thử ma trận quyền' } }), allowed: ['alliance_admin', 'alliance_staff'] },
  ];
}
