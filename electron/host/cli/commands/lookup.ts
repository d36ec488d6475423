/**
 * `counter lookup --cert-type 01|02|03 --cert-no X [--card-sn S] [--psn-cert-type 07] [--ssn N] [--platform URL] [--data DIR]`:
 * signs in, calls 1101 and prints the person as JSON. Falls back to the local cache when the platform is
 * unreachable (marked "source": "cache" with its age). A platform refusal prints its err_msg and exits 1.
 */
import { maskIdNumber } from '../../../../shared/id-number';
import { loadConfig } from '../../config';
import { PlatformError } from '../../../services/platform/client';
import { createPlatformServices } from '../../../services/platform/factory';
import type { CertType } from '../../../services/platform/transactions/person';
import { openAppDatabase } from '../../../services/app-schema';
import { defaultDataDir } from '../../../services/store/data-dir';
import { cliAudit, withOperatorOption } from '../cli-audit';
import { CliError } from '../cli-error';
import type { CommandModule } from './index';

interface LookupOptions {
  certType: string;
  certNo: string;
  cardSn?: string;
  psnCertType?: string;
  ssn?: string;
  platform?: string;
  data?: string;
  profile?: string;
  fullId?: boolean;
  operator?: string;
}

async function lookup(o: LookupOptions): Promise<void> {
  if (!['01', '02', '03'].includes(o.certType)) throw new CliError('--cert-type 只能是 01 (医保电子凭证)、02 (身份证) 或 03 (社保卡)');
  if (o.platform !== undefined && !/^https?:\/\/\S+$/.test(o.platform)) throw new CliError(`--platform 不是合法的网址: ${o.platform}`);
  const dataDir = o.data ?? defaultDataDir();
  const config = loadConfig(dataDir);
  const db = openAppDatabase(dataDir);
  const query = { certType: o.certType, certNo: maskIdNumber(o.certNo) };
  let trail: ReturnType<typeof cliAudit> | undefined;
  try {
    trail = cliAudit(db, o.operator);
    const services = createPlatformServices({
      db,
      profile: o.profile ?? config.platform.profile,
      baseUrl: o.platform ?? config.platform.url,
      operator: config.operator,
    });
    const r = await services.lookupPerson({ certType: o.certType as CertType, certNo: o.certNo, cardSn: o.cardSn, psnCertType: o.psnCertType, ssn: o.ssn });
    trail.record('person.lookup', { ...query, psnNo: r.person.psn_no, source: r.source, fullId: o.fullId === true });
    const person = o.fullId ? r.person : { ...r.person, certno: maskIdNumber(r.person.certno) };
    process.stdout.write(
      JSON.stringify({ ...person, source: r.source, cached_at: r.cachedAt, age_seconds: r.ageSeconds }, null, 2) + '\n',
    );
  } catch (err) {
    trail?.record('person.lookup', { ...query, failed: err instanceof PlatformError ? `platform-${err.kind}` : ((err as Error).name ?? 'error') });
    throw err;
  } finally {
    db.close();
  }
}

export const lookupCommand: CommandModule = {
  register(program) {
    withOperatorOption(program.command('lookup'))
      .description('查询参保人员信息 (1101)，平台不可达时使用本机缓存')
      .requiredOption('--cert-type <type>', '凭证类型: 01 医保电子凭证, 02 身份证, 03 社保卡')
      .requiredOption('--cert-no <no>', 'ecToken / 身份证号码 / 社保卡号')
      .option('--card-sn <sn>', '社保卡识别码 (凭证类型 03 时必填)')
      .option('--psn-cert-type <code>', '人员证件类型 (凭证类型 02 时; 默认 01 居民身份证, 07 外国人永久居留身份证, 17 港澳台居民居住证…)')
      .option('--ssn <no>', '社保卡上的社会保障号码 (凭证类型 03 时可选, 平台据此核对持卡人)')
      .option('--platform <url>', '医保平台地址 (覆盖省份配置)')
      .option('--data <dir>', '数据目录 (人员缓存与签到信息)')
      .option('--profile <id>', '省份配置 (默认取配置文件, 即 demo)')
      .option('--full-id', '输出完整身份证号码 (默认脱敏)')
      .action((opts: LookupOptions) => lookup(opts));
  },
};
