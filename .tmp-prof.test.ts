import { it } from 'vitest';
import { openTestDatabase } from './src/test/harness.ts';
it('prof', async () => {
  const database = await openTestDatabase();
  console.log(await database.exec(`select count(*) from admin_unit_mappings`), await database.exec(`select count(*) from admin_units`));
  const q = `explain analyze select distinct m.new_code, m.new_name, m.old_district_key from admin_unit_mappings m join admin_units u on u.version='2025' and u.code = m.new_code where m.old_name_key = 'hoa son' and u.province_code = '24'`;
  for (let i = 0; i < 2; i++) console.log((await database.exec(q)).map(r => Object.values(r)[0]).join('\n'));
  const q2 = `explain analyze select code, name from admin_units where version='2025' and level='commune' and name_key='hoa son' and province_code='24'`;
  console.log((await database.exec(q2)).map(r => Object.values(r)[0]).join('\n'));
  await database.drop();
}, 120000);
