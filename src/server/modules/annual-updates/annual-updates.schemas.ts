// What the annual update's routes accept (the web pages send the same shapes).
import { z } from 'zod';
import { UPDATE_KINDS } from './form-definition.ts';
import { UPDATE_STATES } from './annual-updates.verification.ts';

export const Year = z.coerce.number().int().min(2000).max(2100);

/** A form's values: field key → JSON number (whole VND, people, %), text, boolean or null; checked against the form. */
export const UpdateValuesInput = z.record(z.string().max(64), z.union([z.number(), z.string().max(10_000), z.boolean(), z.null()]));

export const MineQuery = z.object({ year: Year.optional(), organisationId: z.string().max(64).optional() });
export const FilingParams = z.object({ organisationId: z.string().max(64), year: Year });
export const DraftBody = z.object({ values: UpdateValuesInput, draftVersion: z.number().int().min(0).max(2_147_483_647) }).strict();
export const SubmitBody = z.object({ values: UpdateValuesInput, submitKey: z.string().trim().min(8).max(100) }).strict();

export const QueueQuery = z.object({
  year: Year,
  state: z.enum(UPDATE_STATES).optional(),
  commune: z.string().trim().max(10).optional(),
  kind: z.enum(UPDATE_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const IdParams = z.object({ id: z.string().max(64) });
export const ReturnBody = z.object({ reasons: z.record(z.string().max(64), z.string().max(1000)) }).strict();
export const AcceptManyBody = z.object({ ids: z.array(z.string().max(64)).min(1).max(500) }).strict();

export const FormsQuery = z.object({ year: Year });
// The definition is checked by the service against FormDefinition, which names the place of each mistake.
export const PublishFormBody = z.object({ year: Year, kind: z.enum(UPDATE_KINDS), definition: z.unknown() }).strict();
