import { Command } from 'commander';
import { registerCommands } from './commands.ts';

const program = new Command('coop')
  .description('Nền tảng Liên minh HTX — công cụ dòng lệnh')
  .showHelpAfterError();
await registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Lỗi: ${message}\n`);
  process.exitCode = 1;
}
