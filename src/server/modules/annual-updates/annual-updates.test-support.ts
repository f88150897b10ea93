// Values and organisations for the annual update's tests (test code only; the other annual-update tests use it).
import type { Db } from '../../../db/client.ts';
import { TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { createOrganisation } from '../cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../demo/factories.ts';
import type { OrganisationInput } from '../../../shared/organisation.ts';
import type { UpdateValues } from './form-definition.ts';

/** A complete, consistent HTX update (every check of the first version passes). */
export function htxValues(overrides: UpdateValues = {}): UpdateValues {
  return {
    membersOfficial: 40,
    membersAssociatedCapital: 5,
    membersAssociatedNoCapital: 3,
    membersTotal: 48,
    membersJoined: 4,
    membersLeft: 1,
    workers: 12,
    workersMembers: 9,
    averageIncomeVnd: 6_500_000,
    charterCapitalVnd: 1_300_000_000,
    totalCapitalVnd: 2_100_000_000,
    totalAssetsVnd: 2_500_000_000,
    revenueVnd: 3_200_000_000,
    revenueFromMembersVnd: 1_100_000_000,
    profitBeforeTaxVnd: 180_000_000,
    taxesPaidVnd: 25_000_000,
    managerTraining: 'university',
    valueChainEnterprise: 'Công ty CP Thực phẩm Bắc Giang',
    valueChainProduct: 'Vải thiều',
    ocopProducts: 2,
    digitalWebsite: true,
    digitalEInvoice: true,
    digitalAccounting: false,
    digitalECommerce: false,
    digitalTraceability: true,
    difficulties: 'Thiếu vốn lưu động.',
    ...overrides,
  };
}

/** A complete THT (cooperative group) update. */
export function thtValues(overrides: UpdateValues = {}): UpdateValues {
  return {
    membersTotal: 12,
    membersJoined: 1,
    membersLeft: 0,
    workers: 8,
    averageIncomeVnd: 4_000_000,
    totalAssetsVnd: 300_000_000,
    revenueVnd: 900_000_000,
    profitBeforeTaxVnd: -20_000_000,
    valueChainProduct: null,
    ocopProducts: 0,
    digitalEInvoice: false,
    digitalECommerce: true,
    difficulties: null,
    ...overrides,
  };
}

/** An organisation of the test alliance (systemActor), HTX unless told. */
export async function createUpdatingOrganisation(db: Db, overrides: Partial<OrganisationInput> = {}, tenantId = TENANT) {
  return createOrganisation(db, { actor: systemActor(tenantId), input: buildOrganisation({ registrationNumber: null, ...overrides }) });
}
