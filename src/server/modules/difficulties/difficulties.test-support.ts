// Shared by the difficulties' tests: organisations in two communes and the people who act on them. Test code only.
import type { TestApp } from '../../../test/harness.ts';
import { createUpdatingOrganisation } from '../annual-updates/annual-updates.test-support.ts';

export type DifficultyWorld = Awaited<ReturnType<typeof createDifficultyWorld>>;

/** Two organisations in one commune, a third in another; a manager for each of the first two; staff; a commune officer. */
export async function createDifficultyWorld(t: TestApp) {
  const own = await createUpdatingOrganisation(t.database.db, { name: 'Hợp tác xã Bưởi Diễn Khó Khăn', registeredCommune: 'Xã Tân Dĩnh', registeredDistrict: 'Lạng Giang' });
  const neighbour = await createUpdatingOrganisation(t.database.db, { name: 'Hợp tác xã Hàng Xóm', registeredCommune: 'Xã Tân Dĩnh', registeredDistrict: 'Lạng Giang' });
  const far = await createUpdatingOrganisation(t.database.db, { name: 'Hợp tác xã Xa Xôi', registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' });
  return {
    own,
    neighbour,
    far,
    staff: await t.signIn('alliance_staff'),
    admin: await t.signIn('alliance_admin'),
    manager: await t.signIn('coop_manager', { organisationId: own.id }),
    neighbourManager: await t.signIn('coop_manager', { organisationId: neighbour.id }),
    communeOfficer: await t.signIn('commune_officer', { communeCode: far.currentCommuneCode! }),
  };
}

export const RAISE = { category: 'capital_credit', title: 'Thiếu vốn lưu động', description: 'Hợp tác xã thiếu vốn để thu mua bưởi vụ mới.', publicConsent: 'anonymous' } as const;
