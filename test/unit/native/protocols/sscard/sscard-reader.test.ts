import { describe, expect, it } from 'vitest';
import type { ApduChannel } from '../../../../../native/protocols/apdu/channel';
import { decodeValue, SSCARD_RECORDS } from '../../../../../native/protocols/sscard/application';
import { SsCardError } from '../../../../../native/protocols/sscard/errors';
import { cardGeneration } from '../../../../../native/protocols/sscard/identity';
import { SsCardReader } from '../../../../../native/protocols/sscard/sscard-reader';
import { SAMPLE_SS_CARDS, sampleSsCard, SimulatedSsCard, type SimulatedSsCardOptions } from '../../../../../native/simulators/simulated-sscard';

function cardChannel(index = 0, options: SimulatedSsCardOptions = {}): ApduChannel & { card: SimulatedSsCard } {
  const card = new SimulatedSsCard(sampleSsCard(index), options);
  card.reset();
  return { card, transmit: async (apdu) => card.process(apdu) };
}

async function readError(ch: ApduChannel): Promise<SsCardError> {
  const err = await new SsCardReader(ch).read().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SsCardError);
  return err as SsCardError;
}

describe('SsCardReader against the simulated card', () => {
  it('reads every sample card completely', async () => {
    for (let i = 0; i < SAMPLE_SS_CARDS.length; i++) {
      const s = sampleSsCard(i);
      const id = await new SsCardReader(cardChannel(i)).read({ atr: s.atr });
      expect(id).toMatchObject({
        cardNumber: s.cardNumber,
        cardId: s.cardId,
        ssn: s.ssn,
        name: s.name,
        sexCode: s.sexCode,
        nationCode: s.nationCode,
        birthDate: s.birthDate,
        specVersion: s.specVersion,
        issueDate: s.issueDate,
        expiryDate: s.expiryDate,
        atr: s.atr,
        source: 'apdu',
      });
      expect(id.sex).toBe(s.sexCode === '1' ? '男' : '女');
      expect(id.nation).toMatch(/族$/);
    }
  });

  it('uses SELECT by name (61xx + GET RESPONSE), SELECT EF05/EF06 and READ RECORD', async () => {
    const ch = cardChannel();
    await new SsCardReader(ch).read();
    expect(ch.card.log.slice(0, 4)).toEqual(['00A404000F7378312E73682EC9E7BBE1B1A3D5CF', '00C0000015', '00A4020002EF05', '00B2010400']);
    expect(ch.card.log).toContain('00A4020002EF06');
    expect(ch.card.log).toContain('00B20D0400');
  });

  it('third-generation cards are recognised by spec version', () => {
    expect(cardGeneration('3.00')).toBe(3);
    expect(cardGeneration('2.00')).toBe(2);
    expect(cardGeneration('x')).toBeUndefined();
  });

  it('a card without the 社保 application → not-sscard', async () => {
    const e = await readError(cardChannel(0, { noApplication: true }));
    expect(e.code).toBe('not-sscard');
    expect(e.message).toContain('不是社会保障卡');
  });

  it('protected EF06 without PSAM → needs-psam with 6982', async () => {
    const e = await readError(cardChannel(0, { psamRequired: true }));
    expect(e.code).toBe('needs-psam');
    expect(e.sw).toBe('6982');
    expect(e.message).toContain('PSAM');
  });

  it('a missing required record → record-missing; a missing optional one is tolerated', async () => {
    expect((await readError(cardChannel(0, { recordOverrides: { 'EF06:09': null } }))).code).toBe('record-missing');
    const id = await new SsCardReader(cardChannel(0, { recordOverrides: { 'EF05:04': null, 'EF06:0C': null } })).read();
    expect(id.issuingOrg).toBeUndefined();
    expect(id.birthplace).toBeUndefined();
  });

  it.each([
    ['truncated TLV', 'EF05:07', '07 09 4139'],
    ['wrong tag', 'EF05:07', '08 09 413939303130303031'],
    ['bad BCD date', 'EF06:0D', '0D 04 19601345'],
    ['date of wrong length', 'EF05:05', '05 03 202306'],
    ['control characters in card number', 'EF05:07', '07 09 41393930313030300A'],
    ['invalid GBK name', 'EF06:09', '09 02 81 20'.replace(' 20', '7F')],
    ['card id too short', 'EF05:01', '01 04 41424344'],
  ])('%s → bad-record', async (_n, key, bytes) => {
    const raw = Uint8Array.from(Buffer.from(bytes.replace(/\s/g, ''), 'hex'));
    const e = await readError(cardChannel(0, { recordOverrides: { [key]: raw } }));
    expect(e.code).toBe('bad-record');
    expect(e.message).toMatch(/失败/);
  });

  it('unknown status words and malformed responses are typed errors', async () => {
    const odd: ApduChannel = { transmit: async () => Uint8Array.of(0x6f, 0x00) };
    expect((await readError(odd)).code).toBe('card-error');
    const weird: ApduChannel = { transmit: async () => Uint8Array.of(0x12, 0x34) };
    const e = await readError(weird);
    expect(e.message).toContain('1234');
    const short: ApduChannel = { transmit: async () => Uint8Array.of(0x90) };
    expect((await readError(short)).code).toBe('malformed-response');
  });

  it('passes channel failures (card pulled, timeout) through unchanged', async () => {
    const boom = new Error('pulled');
    let n = 0;
    const ch = cardChannel();
    const flaky: ApduChannel = { transmit: async (a) => (++n > 5 ? Promise.reject(boom) : ch.transmit(a)) };
    await expect(new SsCardReader(flaky).read()).rejects.toBe(boom);
  });

  it('decodeValue trims padding and enforces formats', () => {
    const name = SSCARD_RECORDS.find((r) => r.field === 'name')!;
    expect(decodeValue(name, Uint8Array.from([0xd5, 0xc5, 0xc8, 0xfd, 0x20, 0x20, 0x00]))).toEqual({ value: '张三' });
    expect('problem' in decodeValue(name, new Uint8Array(31))).toBe(true);
    expect('problem' in decodeValue(name, Uint8Array.of(0x20, 0x00))).toBe(true);
  });
});
