import type { Command } from 'commander';
import { createUser } from '../server/modules/accounts/accounts.service.ts';
import type { Role } from '../server/modules/accounts/roles.ts';
import { resolveTenant } from '../server/modules/tenants/tenants.service.ts';
import { printJson, withDatabase } from './context.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function register(program: Command): void {
  const usersCommand = program.command('users').description('Tài khoản người dùng');
  usersCommand
    .command('create')
    .description('Tạo tài khoản (mật khẩu đọc từ stdin)')
    .requiredOption('--email <email>', 'email đăng nhập')
    .requiredOption('--role <role>', 'alliance_admin | alliance_staff | fund_officer | commune_officer | coop_manager | national_viewer')
    .option('--organisation <regNo>', 'mã số HTX (cho coop_manager)')
    .option('--commune <code>', 'mã xã/phường hiện nay (cho commune_officer)')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .option('--password-stdin', 'đọc mật khẩu từ stdin')
    .action(async (options: { email: string; role: Role; organisation?: string; commune?: string; tenant?: number; passwordStdin?: boolean }) => {
      if (!options.passwordStdin) throw new Error('Cần --password-stdin (không nhận mật khẩu trên dòng lệnh).');
      const password = await readStdin();
      await withDatabase('coop users create', async (database) => {
        const tenantId = options.role === 'national_viewer' ? null : await resolveTenant(database.db, options.tenant);
        const user = await createUser(database.db, {
          email: options.email,
          password,
          role: options.role,
          tenantId,
          organisationRegistrationNumber: options.organisation,
          communeCode: options.commune,
        });
        printJson(user);
      });
    });
}
