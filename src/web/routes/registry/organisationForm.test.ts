import { describe, expect, it } from 'vitest';
import { MANAGER_EDITABLE_FIELDS, OrganisationInput, OrganisationPatch } from '../../../shared/organisation.ts';
import type { Organisation } from '../../api/types.ts';
import { ALL_FIELDS, changedValues, editableFields, editValues, newOrganisationValues } from './organisationForm.ts';

const organisation = {
  ...newOrganisationValues(),
  id: '0b0e5f1a-3c1e-4a55-9d55-0d4d3f0e7a01',
  tenantId: 24,
  name: 'Hợp tác xã Bưởi Diễn Tân Yên',
  foundedOn: '2000-07-19',
  sectorCode: 'agriculture',
  shortName: null,
  email: null,
  registrationNumber: '2401000843',
  charterCapitalVnd: '2500000000',
  workers: 7,
  sectorGroup: 'agriculture',
  registeredUnitCode: null,
  version: 3,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  can: { update: true, updateAllFields: true, viewAudit: true },
} as unknown as Organisation;

describe('the organisation form', () => {
  it('covers every field of the shared schema', () => {
    expect([...ALL_FIELDS].sort()).toEqual(Object.keys(OrganisationInput.shape).sort());
  });

  it('shows a manager only the fields the server lets them change', () => {
    expect(editableFields({ update: true, updateAllFields: false, viewAudit: false })).toEqual(MANAGER_EDITABLE_FIELDS);
    expect(editableFields({ update: true, updateAllFields: true, viewAudit: true })).toEqual(ALL_FIELDS);
  });

  it('starts from values the shared patch schema accepts, for staff and for managers', () => {
    for (const can of [organisation.can, { update: true, updateAllFields: false, viewAudit: false }]) {
      const values = editValues(organisation, editableFields(can));
      expect(OrganisationPatch.safeParse(values).success).toBe(true);
    }
  });

  it('sends only what changed, with the version read', () => {
    const initial = editValues(organisation, ALL_FIELDS);
    expect(changedValues({ ...initial, workers: 12, shortName: '' }, initial)).toEqual({ version: 3, workers: 12 });
    expect(changedValues({ ...initial, shortName: 'HTX BD' }, initial)).toEqual({ version: 3, shortName: 'HTX BD' });
    expect(changedValues({ ...initial, vsicCodes: [] }, { ...initial, vsicCodes: ['0111'] })).toEqual({ version: 3, vsicCodes: [] });
  });

  it('asks for a founding date on a new record instead of showing a format error', () => {
    const result = OrganisationInput.safeParse({ ...newOrganisationValues(), name: 'HTX Mới', sectorCode: 'agriculture' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['foundedOn']);
    expect(result.error!.issues[0]!.code).toBe('invalid_type');
  });
});
