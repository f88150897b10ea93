import type { Command } from 'commander';
import { withDatabase } from './context.ts';

export function register(program: Command): void {
  const db = program.command('db').description('Cơ sở dữ liệu');
  db.command('migrate')
    .description('Áp dụng các migration còn thiếu và nạp danh mục tham chiếu')
    .action(async () => {
      await withDatabase('coop db migrate', async (database) => {
        process.stdout.write(`Đã cập nhật lược đồ (${database.engine}).\n`);
      });
    });
}
