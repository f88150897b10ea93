import type { Command } from 'commander';
import { inviteFromCommandLine } from '../server/modules/accounts/accounts.admin.service.ts';
import { createUser } from '../server/modules/accounts/accounts.service.ts';
import { setPasswordLink } from '../server/modules/accounts/one-time-tokens.service.ts';
import type { Role } from '../server/modules/accounts/roles.ts';
import { resolveTenant } from '../server/modules/tenants/tenants.service.ts';
import { printJson, withDatabase } from './context.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

const ROLE_HELP = 'alliance_admin | alliance_staff | fund_officer | commune_officer | coop_manager | national_viewer';

type AccountOptions = { email?: string; phone?: string; name?: string; role: Role; organisation?: string; commune?: string; tenant?: number };

function accountOptions(command: Command): Command {
  return command
    .option('--email <email>', 'email đăng nhập')
    .option('--phone <phone>', 'số điện thoại đăng nhập (0912345678 hoặc +84 912 345 678)')
    .option('--name <name>', 'họ tên')
    .requiredOption('--role <role>', ROLE_HELP)
    .option('--organisation <regNo>', 'mã số HTX (cho coop_manager)')
    .option('--commune <code>', 'mã xã/phường hiện nay (cho commune_officer)')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v));
}

export function register(program: Command): void {
  const usersCommand = program.command('users').description('Tài khoản người dùng');
  accountOptions(usersCommand.command('create').description('Tạo tài khoản (mật khẩu đọc từ stdin)'))
    .option('--password-stdin', 'đọc mật khẩu từ stdin')
    .action(async (options: AccountOptions & { passwordStdin?: boolean }) => {
      if (!options.passwordStdin) throw new Error('Cần --password-stdin (không nhận mật khẩu trên dòng lệnh).');
      const password = await readStdin();
      await withDatabase('coop users create', async (database) => {
        const tenantId = options.role === 'national_viewer' ? null : await resolveTenant(database.db, options.tenant);
        const user = await createUser(database.db, {
          email: options.email,
          phone: options.phone,
          password,
          role: options.role,
          tenantId,
          organisationRegistrationNumber: options.organisation,
          communeCode: options.commune,
          displayName: options.name,
        });
        printJson(user);
      });
    });

  accountOptions(usersCommand.command('invite').description('Tạo tài khoản chưa có mật khẩu và in liên kết dùng một lần để người dùng tự đặt mật khẩu (7 ngày)'))
    .option('--json', 'in JSON')
    .action(async (options: AccountOptions & { json?: boolean }) => {
      await withDatabase('coop users invite', async (database, config) => {
        const tenantId = options.role === 'national_viewer' ? null : await resolveTenant(database.db, options.tenant);
        const invited = await inviteFromCommandLine(database.db, {
          tenantId,
          role: options.role,
          email: options.email,
          phone: options.phone,
          displayName: options.name,
          organisationRegistrationNumber: options.organisation,
          communeCode: options.commune,
        });
        const link = setPasswordLink(config.publicOrigin ?? `http://localhost:${config.port}`, invited.token);
        if (options.json) {
          printJson({ account: invited.account, link, expiresAt: invited.expiresAt.toISOString() });
          return;
        }
        process.stdout.write(`Đã tạo tài khoản ${invited.account.email ?? invited.account.phone} (${options.role}).\n`);
        process.stdout.write(`Liên kết đặt mật khẩu (dùng một lần, hết hạn ${invited.expiresAt.toISOString()}):\n${link}\n`);
      });
    });
}
