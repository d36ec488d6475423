/**
 * `counter audit verify [--data DIR] [--excerpt FILE]`: checks the audit chain (or an exported excerpt) and
 * names every edited, deleted or reordered row; exit 1 when anything is wrong, 0 with a one-line summary.
 * `counter audit export --from DATE --to DATE [--out FILE] [--format jsonl|csv]`: the rows of those days
 * (China Standard Time, both days included) for an inspector, with what is needed to check the excerpt's chain.
 * The export itself is audited.
 */
import fs from 'node:fs';
import { verifyAuditChain, verifyRows, type ChainReport } from '../../../services/audit/audit-chain';
import { storedAuditKey } from '../../../services/audit/audit-key';
import { excerptHeader, excerptRows, ExcerptFormatError, parseExcerpt, toCsv, toJsonl } from '../../../services/audit/audit-excerpt';
import { openAppDatabase } from '../../../services/app-schema';
import { appDatabasePath } from '../../../services/store/app-database';
import type { Db } from '../../../services/store/database';
import { defaultDataDir } from '../../../services/store/data-dir';
import { cliAudit, withOperatorOption } from '../cli-audit';
import { CliError } from '../cli-error';
import type { CommandModule } from './index';

const CST_OFFSET_MS = 8 * 3600_000;
const MAX_PROBLEM_LINES = 50;

/** YYYY-MM-DD that names a real day → the UTC instant of its 00:00 in China Standard Time. */
function cstMidnightUtc(flag: string, value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).getUTCDate() !== Number(m[3]) || new Date(ms).getUTCMonth() !== Number(m[2]) - 1) {
    throw new CliError(`${flag} 应为有效日期 (YYYY-MM-DD): ${value}`);
  }
  return ms - CST_OFFSET_MS;
}

function report(r: ChainReport, what: string): void {
  if (r.problems.length === 0) {
    const range = r.rows ? `seq ${r.firstSeq}–${r.lastSeq}，末条哈希 ${r.lastHash?.slice(0, 16)}…` : '尚无记录';
    process.stdout.write(`${what}完整: 共 ${r.rows} 条 (${range})\n`);
    return;
  }
  for (const p of r.problems.slice(0, MAX_PROBLEM_LINES)) process.stderr.write(`${p.message}\n`);
  if (r.problems.length > MAX_PROBLEM_LINES) process.stderr.write(`…另有 ${r.problems.length - MAX_PROBLEM_LINES} 处问题\n`);
  const allEdited = r.rows > 1 && r.problems.length === r.rows && r.problems.every((p) => p.kind === 'edited');
  const hint = allEdited ? '；每一条都不符，多半是审计密钥不对 (数据目录或密钥与写入时不同)' : '';
  throw new CliError(`${what}校验失败: ${r.problems.length} 处问题${hint}`);
}

/** Checks the chain in db, or an exported excerpt against db's audit key. */
function verifyIn(db: Db, dataDir: string, excerpt: string | undefined): void {
  const key = storedAuditKey(db);
  if (!key) throw new CliError(`数据目录 ${dataDir} 中还没有审计记录，无需校验`);
  if (excerpt) {
    let text: string;
    try {
      text = fs.readFileSync(excerpt, 'utf8');
    } catch (err) {
      throw new CliError(`无法读取审计摘录 ${excerpt} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    let parsed: ReturnType<typeof parseExcerpt>;
    try {
      parsed = parseExcerpt(text);
    } catch (err) {
      if (err instanceof ExcerptFormatError) throw new CliError(`审计摘录格式不对: ${err.message}`);
      throw err;
    }
    const r = verifyRows(parsed.rows, key);
    if (parsed.header && (parsed.header.rows !== r.rows || parsed.header.lastHash !== r.lastHash)) {
      r.problems.push({ seq: r.lastSeq ?? 0, kind: 'deleted', message: `摘录头记载 ${parsed.header.rows} 条、末条哈希 ${parsed.header.lastHash?.slice(0, 16)}…，与内容不符 (记录被删除或追加)` });
    }
    report(r, '审计摘录');
    return;
  }
  report(verifyAuditChain(db, key), '审计链');
}

export const auditCommand: CommandModule = {
  register(program) {
    const audit = program.command('audit').description('审计日志: 校验哈希链、导出给检查人员');
    audit
      .command('verify')
      .description('校验审计日志的哈希链，指出被修改、删除或调换顺序的记录')
      .option('--data <dir>', '数据目录 (默认为本机应用数据目录)')
      .option('--excerpt <file>', '校验一份导出的审计摘录 (JSON Lines 或 CSV)，而不是数据库')
      .action((opts: { data?: string; excerpt?: string }) => {
        const dataDir = opts.data ?? defaultDataDir();
        if (!fs.existsSync(appDatabasePath(dataDir))) throw new CliError(`数据目录 ${dataDir} 中没有工作站数据库 (请用 --data 指定数据目录)`);
        const db = openAppDatabase(dataDir);
        try {
          verifyIn(db, dataDir, opts.excerpt);
        } finally {
          db.close();
        }
      });
    withOperatorOption(
      audit
        .command('export')
        .description('导出一段时间的审计记录 (含校验所需的哈希链字段)')
        .requiredOption('--from <date>', '开始日期 YYYY-MM-DD (含，北京时间)')
        .requiredOption('--to <date>', '结束日期 YYYY-MM-DD (含，北京时间)')
        .option('--out <file>', '写入文件 (默认输出到标准输出)')
        .option('--format <format>', '格式: jsonl 或 csv (UTF-8 带 BOM)', 'jsonl')
        .option('--data <dir>', '数据目录 (默认为本机应用数据目录)'),
    ).action((opts: { from: string; to: string; out?: string; format: string; data?: string; operator?: string }) => {
      if (opts.format !== 'jsonl' && opts.format !== 'csv') throw new CliError(`--format 只能是 jsonl 或 csv: ${opts.format}`);
      const from = cstMidnightUtc('--from', opts.from);
      const to = cstMidnightUtc('--to', opts.to) + 86_400_000;
      if (to <= from) throw new CliError('--to 不能早于 --from');
      const dataDir = opts.data ?? defaultDataDir();
      const db = openAppDatabase(dataDir);
      try {
        const trail = cliAudit(db, opts.operator);
        const period = { from: opts.from, to: opts.to, fromUtc: new Date(from).toISOString(), toUtc: new Date(to).toISOString(), exportedAt: new Date().toISOString() };
        const rows = excerptRows(db, period.fromUtc, period.toUtc);
        const text = opts.format === 'csv' ? toCsv(rows) : toJsonl(excerptHeader(rows, period), rows);
        if (opts.out) {
          try {
            fs.writeFileSync(opts.out, text, { mode: 0o600 });
          } catch (err) {
            throw new CliError(`无法写入 ${opts.out} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
          }
        } else process.stdout.write(text);
        trail.record('audit.export', { from: opts.from, to: opts.to, format: opts.format, rows: rows.length, firstSeq: rows[0]?.seq ?? null, lastSeq: rows.at(-1)?.seq ?? null, toFile: opts.out !== undefined });
        if (opts.out) process.stderr.write(`已导出 ${rows.length} 条审计记录到 ${opts.out}\n`);
      } finally {
        db.close();
      }
    });
  },
};
