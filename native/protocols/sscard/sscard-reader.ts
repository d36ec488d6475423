/**
 * Reads a 社会保障卡 through any APDU channel: SELECT the 社保 application by name, SELECT EF05 and
 * EF06 by file id, READ RECORD each record, decode the TLVs into an SsCardIdentity.
 * Reader-level failures (no card, card pulled out, timeout, unplug) pass through as the channel's own
 * typed errors; card-level ones become SsCardError.
 */
import { readRecord, selectByFileId, selectByName, type CommandApdu } from '../apdu/command';
import { MalformedResponseError, transmitCommand, type ApduChannel, type ApduResult } from '../apdu/channel';
import { parseBerTlv } from '../apdu/tlv';
import { decodeValue, EF05, EF06, sexName, SSCARD_DF_NAME, SSCARD_RECORDS, type RecordSpec, type SsCardField } from './application';
import { SsCardError } from './errors';
import type { SsCardIdentity } from './identity';
import { nationName } from './nations';

export class SsCardReader {
  constructor(private readonly channel: ApduChannel) {}

  /** Read the whole identity. `atr` (hex) is copied into the result when the caller powered the card on. */
  async read(options: { atr?: string } = {}): Promise<SsCardIdentity> {
    const selectApp = await this.send(selectByName(SSCARD_DF_NAME), '选择社保应用');
    if (selectApp.status.kind === 'file-not-found') {
      throw new SsCardError('该卡不是社会保障卡（未找到社保应用 sx1.sh.社会保障）', 'not-sscard', selectApp.status.hex);
    }
    this.expectOk(selectApp, '选择社保应用');

    const values: Partial<Record<SsCardField, string>> = {};
    for (const file of [EF05, EF06] as const) {
      const label = file === EF05 ? '选择 EF05' : '选择 EF06';
      this.expectOk(await this.send(selectByFileId(file, 0x02), label), label);
      for (const spec of SSCARD_RECORDS.filter((r) => r.file === file)) {
        const value = await this.readField(spec);
        if (value !== undefined) values[spec.field] = value;
      }
    }
    return toIdentity(values, options.atr);
  }

  private async readField(spec: RecordSpec): Promise<string | undefined> {
    const what = `读取${spec.label}（记录 ${spec.record.toString(16).padStart(2, '0').toUpperCase()}）`;
    const res = await this.send(readRecord(spec.record), what);
    if (res.status.kind === 'record-not-found' && spec.optional) return undefined;
    if (res.status.kind === 'record-not-found') throw new SsCardError(`${what}失败：卡内没有该记录`, 'record-missing', res.status.hex);
    this.expectOk(res, what);
    const tlv = parseBerTlv(res.data);
    const item = tlv.items[0];
    if (tlv.error || !item || item.tag !== spec.record || item.constructed) {
      throw new SsCardError(`${what}失败：记录格式错误${tlv.error ? `（${tlv.error.message}）` : ''}`, 'bad-record');
    }
    const decoded = decodeValue(spec, item.value);
    if ('problem' in decoded) {
      if (spec.optional) return undefined;
      throw new SsCardError(`${what}失败：${decoded.problem}`, 'bad-record');
    }
    return decoded.value;
  }

  private async send(cmd: CommandApdu, what: string): Promise<ApduResult> {
    try {
      return await transmitCommand(this.channel, cmd);
    } catch (err) {
      if (err instanceof MalformedResponseError) throw new SsCardError(`${what}失败：${err.message}`, 'malformed-response');
      throw err;
    }
  }

  private expectOk(res: ApduResult, what: string): void {
    if (res.status.ok) return;
    if (res.status.kind === 'security-not-satisfied') {
      throw new SsCardError(`${what}失败：该卡个人信息受保护，需要 PSAM 卡认证；请使用带 PSAM 的读卡器或省级读卡库`, 'needs-psam', res.status.hex);
    }
    throw new SsCardError(`${what}失败：${res.status.message}（状态字 ${res.status.hex}）`, 'card-error', res.status.hex);
  }
}

function toIdentity(v: Partial<Record<SsCardField, string>>, atr?: string): SsCardIdentity {
  const need = (f: SsCardField): string => {
    const value = v[f];
    if (value === undefined) throw new SsCardError(`读卡失败：缺少${SSCARD_RECORDS.find((r) => r.field === f)?.label ?? f}`, 'record-missing');
    return value;
  };
  const sexCode = need('sexCode');
  const nationCode = need('nationCode');
  const cardId = need('cardId');
  const region = cardId.slice(0, 6);
  return {
    cardNumber: need('cardNumber'),
    cardId,
    ssn: need('ssn'),
    name: need('name'),
    sexCode,
    sex: sexName(sexCode) ?? `未知代码 ${sexCode}`,
    nationCode,
    nation: nationName(nationCode) ?? `未知代码 ${nationCode}`,
    birthDate: need('birthDate'),
    cardType: v.cardType,
    specVersion: need('specVersion'),
    issueDate: need('issueDate'),
    expiryDate: need('expiryDate'),
    issuerRegion: /^\d{6}$/.test(region) ? region : undefined,
    issuingOrg: v.issuingOrg,
    birthplace: v.birthplace,
    atr,
    source: 'apdu',
  };
}
