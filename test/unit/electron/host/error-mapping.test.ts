import { describe, expect, it } from 'vitest';
import { IdReaderError } from '../../../../native/devices/id-reader-error';
import { PrinterError, PRINTER_ERROR_MESSAGES } from '../../../../native/devices/printer-error';
import { MalformedResponseError } from '../../../../native/protocols/apdu/channel';
import { ApduStatusError, interpretStatus } from '../../../../native/protocols/apdu/status-words';
import { Ga467Error } from '../../../../native/protocols/ga467/errors';
import { SsCardError } from '../../../../native/protocols/sscard/errors';
import { ProvincialLibraryError } from '../../../../native/protocols/sscard/provincial-library';
import { ReaderError } from '../../../../native/protocols/sscard/reader-protocol';
import { TransportError } from '../../../../native/transports/transport';
import { AppError } from '../../../../electron/contract/errors';
import { CliError } from '../../../../electron/host/cli/cli-error';
import { ConfigError } from '../../../../electron/host/config';
import { DriverNotInstalledError } from '../../../../electron/host/devices/sscard-drivers';
import { dispatch, inProcessCaller, type Handlers } from '../../../../electron/host/dispatch';
import { boundaryError, DISK_FULL_MESSAGE, ERROR_TABLE, INTERNAL_ERROR, knownError } from '../../../../electron/host/error-mapping';
import { ExcerptFormatError } from '../../../../electron/services/audit/audit-excerpt';
import { CaseStoreError } from '../../../../electron/services/cases/case-store';
import { UnknownMaterialError } from '../../../../electron/services/cases/materials';
import { SignInRefused } from '../../../../electron/services/operators/operator-store';
import { PlatformError } from '../../../../electron/services/platform/client';
import { PersonUnavailableError } from '../../../../electron/services/platform/person-cache';
import { ProfileError } from '../../../../electron/services/platform/profile';
import { GatewayError } from '../../../../electron/services/platform/signing/gateway';
import { PlatformInputError } from '../../../../electron/services/platform/transactions/shared';
import { ClaimRejectedError } from '../../../../electron/services/policy/claim-schema';
import { PolicyFileError } from '../../../../electron/services/policy/policy-schema';
import { PdfRenderError } from '../../../../electron/services/printing/a4/pdf-renderer';
import { MoneyTextError } from '../../../../electron/services/reimbursement/yuan';
import { DiskFullError } from '../../../../electron/services/store/atomic-write';
import { StoreError } from '../../../../electron/services/store/database';
import { MaintenanceRefused } from '../../../../electron/services/maintenance';

const platformRefusal = new PlatformError('医保平台拒绝了交易 1101 (infcode -1)', {
  kind: 'business',
  msgid: 'M1',
  infno: '1101',
  errMsg: '参保状态异常，请核实',
  outcomeUnknown: false,
});
const platformTimeout = new PlatformError('平台 30 秒内无应答 (交易 1101)，办理结果未知', { kind: 'timeout', msgid: 'M2', infno: '1101', outcomeUnknown: true });
const sqliteFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

/** [what is thrown, the code, the message, the CLI exit code]: one row for each row of the table and more. */
const CASES: Array<[string, unknown, string, string, number]> = [
  ['a CliError keeps its own exit code', new CliError('--to 不能早于 --from', 3), 'cli-refused', '--to 不能早于 --from', 3],
  ['a DiskFullError keeps its message', new DiskFullError('保存办件'), 'disk-full', new DiskFullError('保存办件').message, 1],
  ['SQLITE_FULL from deep inside says nothing was written', sqliteFull, 'disk-full', DISK_FULL_MESSAGE, 1],
  ['an AppError passes its code through', new AppError('not-found', '找不到办件 A1'), 'not-found', '找不到办件 A1', 1],
  ['a SignInRefused is an AppError', new SignInRefused('wrong-password', '工号或密码不正确'), new SignInRefused('wrong-password', '工号或密码不正确').code, new SignInRefused('wrong-password', '工号或密码不正确').message, 1],
  ['a platform refusal shows the platform’s own err_msg', platformRefusal, 'platform-business', '参保状态异常，请核实', 1],
  ['a platform timeout says the outcome is unknown', platformTimeout, 'platform-timeout', platformTimeout.message, 1],
  ['a person unavailable offline', new PersonUnavailableError(platformTimeout), 'offline', new PersonUnavailableError(platformTimeout).message, 1],
  ['a rejected claim', new ClaimRejectedError(['缺少费用类别']), 'invalid-claim', '理赔数据无效，未计算：\n  缺少费用类别', 1],
  ['a case store refusal', new CaseStoreError('该零星报销已受理，不能重复受理', 'duplicate'), 'duplicate', '该零星报销已受理，不能重复受理', 1],
  ['a store error', new StoreError('数据库密钥不对', 'wrong-key'), 'wrong-key', '数据库密钥不对', 1],
  ['a transport error', new TransportError('串口 /dev/x 不存在', 'not-found'), 'not-found', '串口 /dev/x 不存在', 1],
  ['a GA 467 frame error', new Ga467Error('checksum', '校验和错误'), 'checksum', '校验和错误', 1],
  ['an ID reader error', new IdReaderError('no-card', '未检测到身份证'), 'no-card', '未检测到身份证', 1],
  ['a printer error', new PrinterError('paper-out'), 'paper-out', PRINTER_ERROR_MESSAGES['paper-out'], 1],
  ['a 社保卡 reader error', new ReaderError('卡座中没有卡', 'no-card'), 'no-card', '卡座中没有卡', 1],
  ['a 社保卡 application error', new SsCardError('不是社保卡', 'not-sscard'), 'not-sscard', '不是社保卡', 1],
  ['a provincial library error', new ProvincialLibraryError('读卡库返回 -11', 'library-error', -11), 'library-error', '读卡库返回 -11', 1],
  ['an uninstalled driver', new DriverNotInstalledError('没有安装编号为 a 的读卡驱动'), 'driver-not-installed', '没有安装编号为 a 的读卡驱动', 1],
  ['a card status word', new ApduStatusError(interpretStatus(0x6a, 0x82), '选择社保应用'), 'card-refused', new ApduStatusError(interpretStatus(0x6a, 0x82), '选择社保应用').message, 1],
  ['a malformed card answer', new MalformedResponseError(new Uint8Array([1])), 'card-malformed', '卡片应答格式错误（1 字节，缺少状态字）', 1],
  ['bad platform input', new PlatformInputError('证件号码不能为空'), 'invalid-input', '证件号码不能为空', 1],
  ['an unknown material', new UnknownMaterialError(['x']), 'invalid-input', '材料清单中没有这些材料: x', 1],
  ['bad money text', new MoneyTextError('金额应为数字'), 'invalid-input', '金额应为数字', 1],
  ['a broken policy file', new PolicyFileError(['缺少 name']), 'invalid-policy', '政策文件无效：\n  缺少 name', 1],
  ['a broken platform profile', new ProfileError('平台配置无效'), 'invalid-profile', '平台配置无效', 1],
  ['a broken config.json', new ConfigError('config.json 无效'), 'invalid-config', 'config.json 无效', 1],
  ['a signing gateway refusal', new GatewayError('签名网关拒绝'), 'signing-refused', '签名网关拒绝', 1],
  ['a refused maintenance step', new MaintenanceRefused('工作站正在运行'), 'maintenance-refused', '工作站正在运行', 1],
  ['a malformed audit excerpt', new ExcerptFormatError('第 2 行不是 JSON'), 'invalid-excerpt', '第 2 行不是 JSON', 1],
  ['a failed PDF', new PdfRenderError('无法生成 PDF'), 'pdf-failed', '无法生成 PDF', 1],
];

describe('the error table', () => {
  it.each(CASES)('maps %s', (_what, err, code, message, exitCode) => {
    expect(boundaryError(err)).toEqual({ code, message, exitCode });
    expect(knownError(err)).toEqual({ code, message, exitCode });
  });

  it('has a case above for every row of the table', () => {
    const rowsHit = new Set(CASES.map(([, err]) => ERROR_TABLE.findIndex((r) => r.matches(err))));
    expect([...rowsHit].sort((a, b) => a - b)).toEqual(ERROR_TABLE.map((_, i) => i));
  });

  it('answers an unknown error with internal and a generic message, never its own text', () => {
    for (const err of [
      new Error('ENOENT: no such file /home/clerk/secret.db'),
      Object.assign(new Error('SQLITE_CONSTRAINT: UNIQUE failed: cases.id'), { code: 'SQLITE_CONSTRAINT' }),
      new TypeError("Cannot read properties of undefined (reading 'psn_no')"),
      'a thrown string',
      null,
      undefined,
      { code: 'looks-coded', message: '不是我们的错误类' },
    ]) {
      expect(knownError(err)).toBeNull();
      expect(boundaryError(err)).toEqual({ code: 'internal', message: INTERNAL_ERROR.message, exitCode: 1 });
    }
  });
});

describe('dispatch answers with the table', () => {
  const caller = inProcessCaller;
  const handlers = (thrown: unknown) => ({ 'catalog.diseases': () => { throw thrown; } }) as unknown as Handlers;

  it('gives a driver error its own code and message, with no conversion at the call site', async () => {
    const r = await dispatch(handlers(new IdReaderError('no-card', '未检测到身份证')), 'catalog.diseases', {}, caller());
    expect(r).toEqual({ ok: false, error: { code: 'no-card', message: '未检测到身份证' } });
  });

  it('gives a platform refusal platform-business and the platform’s message', async () => {
    const r = await dispatch(handlers(platformRefusal), 'catalog.diseases', {}, caller());
    expect(r).toEqual({ ok: false, error: { code: 'platform-business', message: '参保状态异常，请核实' } });
  });

  it('does not pass an unknown error’s message to the caller', async () => {
    const r = await dispatch(handlers(new Error('ENOENT: /home/clerk/secret.db')), 'catalog.diseases', {}, caller());
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_ERROR.message } });
    expect(JSON.stringify(r)).not.toContain('secret');
  });
});
