// The import routes' rows of the authorization matrix (src/server/authorization.test.ts), with the stored run
// the report routes read. Uploads are dry runs, so that the matrix's many requests write nothing. Test code only.
import type { InjectOptions } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { importCooperatives } from './import.service.ts';
import { multipartBody } from './test-files.ts';

export type ImportFixture = { importId: string };

const CSV = Buffer.from('Tên HTX,Lĩnh vực hoạt động,Ngày thành lập\nHTX Ma trận,Nông nghiệp,2015\n');

/** One stored import run of the tenant, for the report routes. */
export async function createImportFixture(db: Db): Promise<ImportFixture> {
  const report = await importCooperatives(db, { actor: systemActor(TENANT), fileName: 'ma-tran.csv', content: CSV, dryRun: true });
  return { importId: report.importId };
}

type Who = 'alliance_admin' | 'alliance_staff' | 'other_tenant_staff';
type ImportRow = { route: string; request: () => InjectOptions; allowed: Who[] };

/** Registry staff import into their own alliance (another alliance's staff too, into theirs); only this alliance's staff read its runs. */
export function importRows(fixture: () => ImportFixture): ImportRow[] {
  const upload = multipartBody('ma-tran.csv', CSV);
  return [
    {
      route: 'POST /api/imports/cooperatives',
      request: () => ({ method: 'POST', url: '/api/imports/cooperatives?dryRun=true', payload: upload.payload, headers: upload.headers }),
      allowed: ['alliance_admin', 'alliance_staff', 'other_tenant_staff'],
    },
    { route: 'GET /api/imports/:id', request: () => ({ url: `/api/imports/${fixture().importId}` }), allowed: ['alliance_admin', 'alliance_staff'] },
    { route: 'GET /api/imports/:id/report.xlsx', request: () => ({ url: `/api/imports/${fixture().importId}/report.xlsx` }), allowed: ['alliance_admin', 'alliance_staff'] },
  ];
}
