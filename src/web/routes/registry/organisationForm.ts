/**
 * The organisation form's data: which fields it shows, in which sections, and how values travel between
 * the API's record, the form, and the request (validated by the shared OrganisationInput/Patch schemas).
 */
import { MANAGER_EDITABLE_FIELDS, type OrganisationInput, type OrganisationPatch } from '../../../shared/organisation.ts';
import type { Organisation } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export type FieldName = keyof OrganisationInput;

export const FORM_SECTIONS: { title: MessageKey; fields: FieldName[] }[] = [
  {
    title: 'form.section.registration',
    fields: ['name', 'kind', 'registrationNumber', 'shortName', 'foreignName', 'status', 'statusSince', 'foundedOn', 'dissolvedOn', 'sectorCode', 'vsicCodes', 'allianceMemberSince'],
  },
  {
    title: 'form.section.place',
    fields: ['address', 'registeredCommune', 'registeredDistrict', 'currentCommuneCode', 'representative', 'phone', 'email'],
  },
  {
    title: 'form.section.members',
    fields: ['membersOfficial', 'membersAssociatedCapital', 'membersAssociatedNoCapital', 'workers', 'charterCapitalVnd'],
  },
];

export const ALL_FIELDS: readonly FieldName[] = FORM_SECTIONS.flatMap((s) => s.fields);

/** The fields this user may change on this record, as the server says (`can`), never decided here. */
export function editableFields(can: Organisation['can']): readonly FieldName[] {
  return can.updateAllFields ? ALL_FIELDS : MANAGER_EDITABLE_FIELDS;
}

export const REQUIRED_FIELDS = new Set<FieldName>(['name', 'kind', 'status', 'foundedOn', 'sectorCode', 'charterCapitalVnd']);

const TEXT_FIELDS = new Set<FieldName>([
  'registrationNumber', 'name', 'shortName', 'foreignName', 'address', 'registeredCommune', 'registeredDistrict', 'representative', 'phone', 'email',
]);

/** A blank form for a new organisation (no founding date yet: the schema then asks for one). */
export function newOrganisationValues(): Omit<OrganisationInput, 'foundedOn'> {
  return {
    kind: 'HTX',
    registrationNumber: '',
    name: '',
    shortName: '',
    foreignName: '',
    status: 'active',
    statusSince: null,
    dissolvedOn: null,
    address: '',
    registeredCommune: '',
    registeredDistrict: '',
    currentCommuneCode: null,
    sectorCode: '',
    vsicCodes: [],
    charterCapitalVnd: '0',
    membersOfficial: 0,
    membersAssociatedCapital: 0,
    membersAssociatedNoCapital: 0,
    workers: 0,
    representative: '',
    phone: '',
    email: '',
    allianceMemberSince: null,
  };
}

/** The form's starting values: the record's fields this user may edit (empty text as ''), and its version. */
export function editValues(organisation: Organisation, fields: readonly FieldName[]): OrganisationPatch {
  const values: Record<string, unknown> = { version: organisation.version };
  for (const field of fields) {
    const value = organisation[field];
    values[field] = TEXT_FIELDS.has(field) ? (value ?? '') : field === 'vsicCodes' ? (value ?? []) : value;
  }
  return values as OrganisationPatch;
}

/** Only the fields whose value differs from where the user started, with the version they started from. */
export function changedValues(values: OrganisationPatch, initial: OrganisationPatch): OrganisationPatch {
  const out: Record<string, unknown> = { version: initial.version };
  for (const key of Object.keys(values) as (keyof OrganisationPatch)[]) {
    if (key !== 'version' && JSON.stringify(values[key] ?? null) !== JSON.stringify(initial[key] ?? null)) out[key] = values[key];
  }
  return out as OrganisationPatch;
}
