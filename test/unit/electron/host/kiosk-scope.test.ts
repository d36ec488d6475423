/**
 * The kiosk's scope on stub handlers and a fake clock: a lookup only for the card just read (or a
 * 医保电子凭证), a case only for the person looked up, the benefits read for that person only, the receipt
 * and the 好差评 request for the case just filed only, kiosk.end forgetting it all, and the scope lapsing
 * after the idle time.
 */
import { describe, expect, it } from 'vitest';
import { createCaller } from '../../../../electron/host/caller';
import type { Handlers } from '../../../../electron/host/dispatch';
import { withKioskScope } from '../../../../electron/host/kiosk-scope';

const ID = '990102196003150018';
const CASE_NO = '99010000120261203000001';
const OTHER_CASE = '99010000120261203000002';
const stub = {
  'idCard.read': () => ({ idNumber: ID }),
  'sscard.read': () => ({ cardNumber: 'A99010001', ssn: ID, cardId: 'C'.repeat(32) }),
  'person.lookup': (q: { certNo: string }) => ({ person: { psn_no: `P-${q.certNo}` } }),
  'cases.accept': () => ({ outcome: 'accepted', receipt: { caseNo: CASE_NO } }),
  'kiosk.benefits': (q: { psnNo: string }) => ({ psnNo: q.psnNo }),
  'kiosk.end': () => ({ ok: true }),
  'printer.printReceipt': (r: { caseNumber: string }) => ({ status: 'printed', printed: r.caseNumber }),
  'rating.request': (r: { caseNo: string }) => ({ caseNo: r.caseNo }),
} as unknown as Handlers;

function setup() {
  let now = 0;
  const h = withKioskScope(stub, () => new Date(now), 10 * 60_000);
  const kiosk = createCaller('websocket', { code: 'kiosk1', name: '自助一', role: 'kiosk' });
  return { h, kiosk, advance: (ms: number) => (now += ms) };
}
const lookup = (h: Handlers, c: ReturnType<typeof createCaller>, certType: '01' | '02' | '03', certNo: string, cardSn?: string) =>
  Promise.resolve(h['person.lookup']({ certType, certNo, cardSn }, c));
const accept = (h: Handlers, c: ReturnType<typeof createCaller>, psnNo: string) =>
  Promise.resolve(h['cases.accept']({ psnNo } as never, c));

describe('kiosk scope', () => {
  it('refuses a typed number before any card is read, allows the card just read', async () => {
    const { h, kiosk } = setup();
    await expect(lookup(h, kiosk, '02', ID)).rejects.toMatchObject({ code: 'forbidden' });
    await h['idCard.read']({}, kiosk);
    await expect(lookup(h, kiosk, '02', '990102198507220023')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(lookup(h, kiosk, '02', ID)).resolves.toMatchObject({ person: { psn_no: `P-${ID}` } });
    await expect(accept(h, kiosk, 'P-someone-else')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(accept(h, kiosk, `P-${ID}`)).resolves.toMatchObject({ outcome: 'accepted' });
  });

  it('holds a 社保卡 lookup to its 卡识别码', async () => {
    const { h, kiosk } = setup();
    await h['sscard.read']({}, kiosk);
    await expect(lookup(h, kiosk, '03', 'A99010001', 'D'.repeat(32))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(lookup(h, kiosk, '03', 'A99010001', 'C'.repeat(32))).resolves.toBeTruthy();
  });

  it('lets the scope lapse after the idle time, so the next customer cannot act for the last', async () => {
    const { h, kiosk, advance } = setup();
    await h['idCard.read']({}, kiosk);
    await lookup(h, kiosk, '02', ID);
    advance(10 * 60_000 + 1);
    await expect(accept(h, kiosk, `P-${ID}`)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(lookup(h, kiosk, '02', ID)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('accepts a 医保电子凭证, which only its holder has, and leaves other roles alone', async () => {
    const { h, kiosk } = setup();
    await expect(lookup(h, kiosk, '01', 'ectoken-123')).resolves.toMatchObject({ person: { psn_no: 'P-ectoken-123' } });
    await expect(accept(h, kiosk, 'P-ectoken-123')).resolves.toBeTruthy();
    const clerk = createCaller('websocket', { code: 'op001', name: '柜员一', role: 'clerk' });
    await expect(lookup(h, clerk, '02', ID)).resolves.toBeTruthy();
    await expect(accept(h, clerk, 'P-anyone')).resolves.toBeTruthy();
  });

  it('reads benefits only for the person just looked up', async () => {
    const { h, kiosk } = setup();
    await expect(Promise.resolve(h['kiosk.benefits']({ psnNo: `P-${ID}` }, kiosk))).rejects.toMatchObject({ code: 'forbidden' });
    await h['idCard.read']({}, kiosk);
    await lookup(h, kiosk, '02', ID);
    await expect(Promise.resolve(h['kiosk.benefits']({ psnNo: 'P-someone-else' }, kiosk))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(Promise.resolve(h['kiosk.benefits']({ psnNo: `P-${ID}` }, kiosk))).resolves.toEqual({ psnNo: `P-${ID}` });
  });

  it('prints and asks a rating only for the case it just filed', async () => {
    const { h, kiosk } = setup();
    const print = (caseNumber: string) => Promise.resolve(h['printer.printReceipt']({ caseNumber } as never, kiosk));
    const rate = (caseNo: string) => Promise.resolve(h['rating.request']({ caseNo }, kiosk));
    await h['idCard.read']({}, kiosk);
    await lookup(h, kiosk, '02', ID);
    await expect(print(CASE_NO)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rate(CASE_NO)).rejects.toMatchObject({ code: 'forbidden' });
    await accept(h, kiosk, `P-${ID}`);
    await expect(print(OTHER_CASE)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('本次自助办理') });
    await expect(rate(OTHER_CASE)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(print(CASE_NO)).resolves.toMatchObject({ printed: CASE_NO });
    await expect(rate(CASE_NO)).resolves.toEqual({ caseNo: CASE_NO });
    // A clerk prints any receipt (补打 goes through printer.reprint; the desk prints what it just accepted).
    const clerk = createCaller('websocket', { code: 'op001', name: '柜员一', role: 'clerk' });
    await expect(Promise.resolve(h['printer.printReceipt']({ caseNumber: OTHER_CASE } as never, clerk))).resolves.toBeTruthy();
  });

  it('kiosk.end forgets the card, the person and the case at once', async () => {
    const { h, kiosk } = setup();
    await h['idCard.read']({}, kiosk);
    await lookup(h, kiosk, '02', ID);
    await accept(h, kiosk, `P-${ID}`);
    await expect(Promise.resolve(h['kiosk.end']({}, kiosk))).resolves.toEqual({ ok: true });
    await expect(lookup(h, kiosk, '02', ID)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(accept(h, kiosk, `P-${ID}`)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(Promise.resolve(h['printer.printReceipt']({ caseNumber: CASE_NO } as never, kiosk))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(Promise.resolve(h['kiosk.benefits']({ psnNo: `P-${ID}` }, kiosk))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
