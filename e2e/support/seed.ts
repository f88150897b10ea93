import { buildOrganisation } from '../../src/server/modules/demo/factories.ts';
import { seededRandom } from '../../src/server/modules/demo/random.ts';
import { createOrganisation } from '../../src/server/modules/cooperatives/cooperatives.service.ts';
import { systemActor } from '../../src/server/modules/accounts/roles.ts';
import type { OrganisationInput } from '../../src/shared/organisation.ts';
import { TENANT_ID, type Journey } from './journey.ts';

const COMMUNES = ['Xã Tân Dĩnh', 'Thị trấn Kép', 'Xã Hồng Kỳ', 'Phường Tân An', 'Xã Đồng Kỳ'];

/** Puts `count` organisations in the registry through the same service the API uses; returns their inputs. */
export async function seedOrganisations(journey: Journey, count: number, overrides: (index: number) => Partial<OrganisationInput> = () => ({})) {
  const random = seededRandom(7);
  const inputs: OrganisationInput[] = [];
  for (let index = 0; index < count; index++) {
    const input = buildOrganisation({ registeredCommune: COMMUNES[index % COMMUNES.length], ...overrides(index) }, random);
    await createOrganisation(journey.database.db, { actor: systemActor(TENANT_ID), input });
    inputs.push(input);
  }
  return inputs;
}
