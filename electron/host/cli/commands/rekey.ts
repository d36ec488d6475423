/**
 * `counter rekey [--data DIR]`: re-encrypt the app database (and its backups) with a new key. Key-file
 * mode: a new random key replaces DIR/db.key, only after the database is re-encrypted and verified.
 * COUNTER_DB_KEY mode: the new key is read from COUNTER_DB_NEW_KEY. Prints no key.
 */
import { defaultDataDir } from '../../../services/store/data-dir';
import { StoreError } from '../../../services/store/database';
import { KEY_ENV, keyFilePath } from '../../../services/store/key-source';
import { MaintenanceRefused, rekeyDataDir } from '../../../services/maintenance';
import { CliError } from '../cli-error';
import type { CommandModule } from './index';

export const rekeyCommand: CommandModule = {
  register(program) {
    program
      .command('rekey')
      .description('更换数据库密钥并重新加密数据库及备份 (须先退出工作站)')
      .option('--data <dir>', '数据目录 (默认为本机应用数据目录)')
      .action((opts: { data?: string }) => {
        const dataDir = opts.data ?? defaultDataDir();
        try {
          const r = rekeyDataDir(dataDir, new Date());
          process.stdout.write('数据库已用新密钥重新加密。\n');
          if (r.origin === 'env') process.stdout.write(`请把环境变量 ${KEY_ENV} 改为 COUNTER_DB_NEW_KEY 的值，否则下次无法打开。\n`);
          else process.stdout.write(`新密钥已写入 ${keyFilePath(dataDir)}。\n`);
          process.stdout.write(`已重新加密备份 ${r.backupsReencrypted} 份。\n`);
          if (r.backupsSkipped.length) {
            process.stderr.write(`以下备份未能重新加密，仍使用旧密钥: ${r.backupsSkipped.join(', ')}\n`);
          }
        } catch (err) {
          if (err instanceof MaintenanceRefused || err instanceof StoreError) throw new CliError(`未更换密钥: ${err.message}`);
          throw err;
        }
      });
  },
};
