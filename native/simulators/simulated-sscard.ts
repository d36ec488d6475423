/**
 * A simulated 社会保障卡: MF → DF `sx1.sh.社会保障` → EF05 / EF06 record files holding TLV records,
 * answering SELECT, READ RECORD and GET RESPONSE with real status words. SELECT by name answers 61xx
 * (as T=0 cards do), and READ RECORD with a wrong Le answers 6Cxx, so hosts exercise both paths.
 */
import { INS } from '../protocols/apdu/command';
import { encodeTlv } from '../protocols/apdu/tlv';
import { EF05, EF06, encodeValue, SSCARD_DF_NAME, SSCARD_RECORDS } from '../protocols/sscard/application';
import samples from '../../resources/samples/ss-cards.json';

export interface SsCardSample {
  name: string;
  ssn: string;
  sexCode: string;
  nationCode: string;
  /** YYYYMMDD */
  birthDate: string;
  birthplace?: string;
  cardNumber: string;
  cardId: string;
  cardType: string;
  specVersion: string;
  issuingOrg?: string;
  issueDate: string;
  expiryDate: string;
  issuerRegion: string;
  /** 卡复位信息, hex. */
  atr: string;
}

export const SAMPLE_SS_CARDS: readonly SsCardSample[] = samples.cards as SsCardSample[];

export function sampleSsCard(index = 0): SsCardSample {
  const card = SAMPLE_SS_CARDS[index];
  if (!card) throw new RangeError(`no sample 社保卡 #${index}`);
  return card;
}

export interface SimulatedSsCardOptions {
  /** EF06 (personal data) needs PSAM authentication: READ RECORD answers 6982. */
  psamRequired?: boolean;
  /** Replace or remove (null) raw record bytes, keyed "EF05:07" (fault injection: bad TLV, missing record). */
  recordOverrides?: Record<string, Uint8Array | null>;
  /** The card has no 社保 application (a bank card, say): SELECT by name answers 6A82. */
  noApplication?: boolean;
}

const sw = (v: number) => Uint8Array.of(v >> 8, v & 0xff);
const withSw = (data: Uint8Array, v: number) => {
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out.set(sw(v), data.length);
  return out;
};

export class SimulatedSsCard {
  readonly atr: Uint8Array;
  private readonly files = new Map<number, Map<number, Uint8Array>>();
  private dfSelected = false;
  private currentEf: number | null = null;
  private pendingResponse: Uint8Array | null = null;
  /** Every command APDU received, hex (for tests). */
  readonly log: string[] = [];

  constructor(readonly sample: SsCardSample, private readonly options: SimulatedSsCardOptions = {}) {
    this.atr = Uint8Array.from(Buffer.from(sample.atr, 'hex'));
    this.files.set(EF05, new Map());
    this.files.set(EF06, new Map());
    for (const spec of SSCARD_RECORDS) {
      const key = `EF${spec.file.toString(16).toUpperCase().slice(2)}:${spec.record.toString(16).padStart(2, '0').toUpperCase()}`;
      const override = options.recordOverrides?.[key];
      if (override === null) continue;
      if (override) {
        this.files.get(spec.file)?.set(spec.record, override);
        continue;
      }
      const value = (sample as unknown as Record<string, string | undefined>)[spec.field];
      if (value === undefined) continue;
      // Text fields are stored at their full width, space-padded, as personalisation machines do.
      let bytes = encodeValue(spec, value);
      if (spec.format === 'gbk' && bytes.length < spec.maxLength) bytes = Uint8Array.from(Buffer.concat([bytes, Buffer.alloc(spec.maxLength - bytes.length, 0x20)]));
      this.files.get(spec.file)?.set(spec.record, encodeTlv(spec.record, bytes));
    }
  }

  /** Cold reset: back to the MF. */
  reset(): Uint8Array {
    this.dfSelected = false;
    this.currentEf = null;
    this.pendingResponse = null;
    return this.atr;
  }

  /** One command APDU in, one response APDU out. */
  process(apdu: Uint8Array): Uint8Array {
    this.log.push(Buffer.from(apdu).toString('hex').toUpperCase());
    if (apdu.length < 4) return sw(0x6700);
    const [cla, ins, p1, p2] = apdu;
    if (cla !== 0x00) return sw(0x6e00);
    const body = apdu.subarray(4);
    // Case 3/4: Lc then data (then optional Le). Case 2: just Le. Case 1: nothing.
    let data: Uint8Array = new Uint8Array(0);
    let le: number | undefined;
    if (body.length === 1) le = body[0];
    else if (body.length > 1) {
      const lc = body[0];
      if (lc === 0 || body.length < 1 + lc || body.length > 2 + lc) return sw(0x6700);
      data = body.subarray(1, 1 + lc);
      if (body.length === 2 + lc) le = body[1 + lc];
    }
    if (ins !== INS.getResponse) {
      this.pendingResponse = null;
    }
    switch (ins) {
      case INS.select:
        return this.select(p1, p2, data);
      case INS.readRecord:
        return this.readRecord(p1, p2, le);
      case INS.readBinary:
        return this.currentEf === null ? sw(0x6986) : sw(0x6981); // record files, not transparent
      case INS.getResponse: {
        const pending = this.pendingResponse;
        if (!pending) return sw(0x6985);
        const want = le === undefined || le === 0 ? 256 : le;
        if (want !== pending.length) return sw(0x6c00 | pending.length);
        this.pendingResponse = null;
        return withSw(pending, 0x9000);
      }
      default:
        return sw(0x6d00);
    }
  }

  private select(p1: number, p2: number, data: Uint8Array): Uint8Array {
    if (p2 !== 0x00) return sw(0x6a86);
    if (p1 === 0x04) {
      if (this.options.noApplication || Buffer.compare(Buffer.from(data), Buffer.from(SSCARD_DF_NAME)) !== 0) return sw(0x6a82);
      this.dfSelected = true;
      this.currentEf = null;
      // FCI template: 6F { 84 DF-name, A5 { } }
      const fci = Buffer.concat([Buffer.from([0x84, SSCARD_DF_NAME.length]), SSCARD_DF_NAME, Buffer.from([0xa5, 0x00])]);
      this.pendingResponse = Uint8Array.from(Buffer.concat([Buffer.from([0x6f, fci.length]), fci]));
      return sw(0x6100 | this.pendingResponse.length);
    }
    if (p1 === 0x00 || p1 === 0x02) {
      if (data.length !== 2) return sw(0x6700);
      const fid = (data[0] << 8) | data[1];
      if (p1 === 0x00 && fid === 0x3f00) {
        this.dfSelected = false;
        this.currentEf = null;
        return sw(0x9000);
      }
      if (!this.dfSelected || !this.files.has(fid)) return sw(0x6a82);
      this.currentEf = fid;
      return sw(0x9000);
    }
    return sw(0x6a86);
  }

  private readRecord(p1: number, p2: number, le: number | undefined): Uint8Array {
    if (p2 !== 0x04) return sw(0x6a86);
    if (this.currentEf === null) return sw(0x6986);
    if (this.currentEf === EF06 && this.options.psamRequired) return sw(0x6982);
    const record = this.files.get(this.currentEf)?.get(p1);
    if (!record) return sw(0x6a83);
    if (le !== undefined && le !== 0 && le !== record.length) return sw(0x6c00 | record.length);
    return withSw(record, 0x9000);
  }
}
