/**
 * `counter restore [FILE] [--data DIR]`: put a backup (default: the newest in DIR/backups) in place of the
 * app database. Refuses while the workstation or a `counter sync` uses the database; verifies the backup
 * with the key first; the replaced database is kept beside it (counter.db.replaced-<time>).
 */
import { defaultDataDir } from '../../../services/store/data-dir';
import { StoreError } from '../../../services/store/database';
import { MaintenanceRefused, restoreBackup } from '../../../services/maintenance';
import { CliError } from '../cli-error';
import type { CommandModule } from './index';

export const restoreCommand: CommandModule = {
  register(program) {
    program
      .command('restore [file]')
      .description('从备份恢复数据库 (默认最新的备份；须先退出工作站，原数据库会保留在旁边)')
      .option('--data <dir>', '数据目录 (默认为本机应用数据目录)')
      .action((file: string | undefined, opts: { data?: string }) => {
        try {
          const r = restoreBackup(opts.data ?? defaultDataDir(), new Date(), file);
          process.stdout.write(`已从备份恢复: ${r.restored}\n`);
          if (r.keptAside) process.stdout.write(`原数据库已保留为: ${r.keptAside}\n`);
        } catch (err) {
          if (err instanceof MaintenanceRefused) throw new CliError(`未恢复: ${err.message}`);
          if (err instanceof StoreError) throw new CliError(`未恢复: ${err.message}`);
          throw err;
        }
      });
  },
};
