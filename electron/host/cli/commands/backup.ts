/**
 * `counter backup [--data DIR]`: an encrypted backup of the app database now, into DIR/backups (the newest
 * 7 are kept); `counter backup --list` shows them. The running workstation takes one a day by itself.
 */
import { listBackups } from '../../../services/store/backup';
import { defaultDataDir } from '../../../services/store/data-dir';
import { backupNow } from '../../../services/maintenance';
import type { CommandModule } from './index';

export const backupCommand: CommandModule = {
  register(program) {
    program
      .command('backup')
      .description('立即备份数据库 (加密，保存在数据目录的 backups 下，保留最近 7 份)')
      .option('--data <dir>', '数据目录 (默认为本机应用数据目录)')
      .option('--list', '只列出已有的备份')
      .action((opts: { data?: string; list?: boolean }) => {
        const dataDir = opts.data ?? defaultDataDir();
        if (opts.list) {
          const all = listBackups(dataDir);
          process.stdout.write(all.length ? all.map((b) => `${b.stamp}  ${b.file}`).join('\n') + '\n' : '没有备份\n');
          return;
        }
        const b = backupNow(dataDir, new Date());
        process.stdout.write(`已备份: ${b.file}\n`);
      });
  },
};
