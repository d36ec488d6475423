/**
 * The kiosk's session store (renderer/src/kiosk/kiosk-store.ts) on a stubbed client: a card read fills it,
 * end() empties every personal field and tells the host (kiosk.end), and an answer that arrives after the
 * session ended never brings the citizen back.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: Array<{ method: string; input: unknown }> = [];
let gate: (() => void) | null = null;
const answers: Record<string, unknown> = {
  'idCard.read': { idNumber: '110101198503120017', name: '张伟明' },
  'person.lookup': {
    person: { psn_no: 'P1', psn_name: '张伟明', certno: '110101********0017', insuinfo: [{ insutype: '390', psn_insu_stas: '1', insuplc_admdvs: '990100' }] },
    source: 'platform',
    cachedAt: '2026-12-03T00:00:00Z',
    ageSeconds: 0,
  },
  'kiosk.benefits': { offline: false, insurances: [], outpatient: { year: 2026, quota: 40000, used: 0, left: 40000 } },
  'kiosk.end': { ok: true },
  'idCard.cancel': { ok: true },
};

vi.mock('../../../../../renderer/src/api/client', () => ({
  api: {
    call: async (method: string, input: unknown) => {
      calls.push({ method, input });
      if (method === 'person.lookup' && gate) await new Promise<void>((resolve) => (gate = resolve));
      return answers[method];
    },
  },
  errorMessage: (err: unknown) => String(err),
}));

const { useKiosk } = await import('../../../../../renderer/src/kiosk/kiosk-store');

const PERSONAL = ['card', 'insured', 'benefits', 'draft', 'receipt', 'rating'] as const;

beforeEach(() => {
  calls.length = 0;
  gate = null;
  useKiosk.getState().end('cancelled');
  calls.length = 0;
});

describe('kiosk store', () => {
  it('a card read fills the session; end() empties every personal field and tells the host', async () => {
    await useKiosk.getState().readCard('id-card');
    let s = useKiosk.getState();
    expect(s.step).toBe('status');
    expect(s.card?.idNumber).toBe('110101198503120017');
    expect(s.insured?.person.psn_name).toBe('张伟明');
    s.startRegistration('2026-12-03');
    s.setDraft({ tel: '13800000002', targetAdmdvs: '440300', placeName: '广东省深圳市' });
    const session = useKiosk.getState().session;

    useKiosk.getState().end('idle');
    s = useKiosk.getState();
    for (const k of PERSONAL) expect(s[k], k).toBeNull();
    expect(s.step).toBe('start');
    expect(s.session).toBe(session + 1);
    expect(s.notice).toBe('因长时间无操作，已自动退出，您的信息已清除');
    expect(JSON.stringify(s)).not.toMatch(/张伟明|110101198503120017|13800000002|P1/);
    expect(calls.map((c) => c.method)).toContain('kiosk.end');
  });

  it('an answer arriving after the session ended is dropped', async () => {
    gate = () => undefined;
    const reading = useKiosk.getState().readCard('id-card');
    await vi.waitFor(() => expect(calls.map((c) => c.method)).toContain('person.lookup'));
    useKiosk.getState().end('card-removed');
    // The reader was busy: the read is cancelled on the host too.
    expect(calls.map((c) => c.method)).toContain('idCard.cancel');
    gate!();
    await reading;
    const s = useKiosk.getState();
    expect(s.step).toBe('start');
    for (const k of PERSONAL) expect(s[k], k).toBeNull();
    expect(s.notice).toContain('证件已取走');
  });

  it('the rating step keeps only the case number', async () => {
    await useKiosk.getState().readCard('id-card');
    useKiosk.setState({
      receipt: { caseNo: '99010000120261203000001', applicantName: '张伟明', idNumberMasked: '110101********0017' } as never,
      step: 'receipt',
    });
    answers['rating.request'] = { caseNo: '99010000120261203000001', serviceName: '异地就医备案', clerkName: '大厅自助机1', requestedAt: '' };
    await useKiosk.getState().toRating();
    const s = useKiosk.getState();
    expect(s.step).toBe('rating');
    expect(s.rating?.caseNo).toBe('99010000120261203000001');
    for (const k of ['card', 'insured', 'benefits', 'draft', 'receipt'] as const) expect(s[k], k).toBeNull();
    expect(JSON.stringify(s)).not.toMatch(/张伟明|110101/);
  });
});
