// Five committed transactions on an embedded database (used by scripts/strace-fsync.sh).
import { openDatabase } from '../src/db/client.ts';

const database = await openDatabase({ dataDir: process.argv[2]!, holder: 'strace demo' });
await database.pglite!.exec('create table if not exists t (x int)');
process.stderr.write('--- setup done, 5 commits follow ---\n');
for (let i = 0; i < 5; i++) {
  await database.pglite!.transaction(async (tx) => {
    await tx.query('insert into t values ($1)', [i]);
  });
  process.stderr.write(`--- commit ${i + 1} acknowledged ---\n`);
}
await database.close();
