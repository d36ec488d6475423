/**
 * The kiosk's one citizen session, step by step: card → 参保状态 → 临时异地备案 (就医地, dates, phone) → 承诺 →
 * 受理回执 printed → 好差评 → back to the start. Everything personal lives here and only here (components
 * keep none of it), so `end()` — idle timeout, card taken away, the citizen finishing or cancelling — wipes
 * it by replacing the whole state and bumping `session`, which remounts the screen. Every answer that
 * arrives for an older session is dropped, so a late reply can never bring the last citizen back.
 */
import { create } from 'zustand';
import type { CaseReceipt } from '../../../electron/contract/features/cases';
import type { KioskBenefits, KioskCard, KioskSettings } from '../../../electron/contract/features/kiosk';
import type { PersonLookup } from '../../../electron/contract/features/platform';
import type { RatingRequest } from '../../../electron/contract/features/rating';
import { isCaseInsutype } from '../../../electron/contract/vocabulary/insurance-types';
import { api, errorMessage } from '../api/client';

export type KioskStep = 'start' | 'reading' | 'status' | 'place' | 'details' | 'promise' | 'receipt' | 'rating' | 'thanks';
export type EndReason = 'idle' | 'card-removed' | 'finished' | 'cancelled';

/** The two items the host's kiosk checklist holds (services/cases/materials.ts): the card read, the on-screen promise. */
export const KIOSK_MATERIALS = ['kiosk-card-read', 'kiosk-promise'];

export interface KioskCardRead {
  kind: KioskCard;
  /** Full: the 1101 key and the receipt printer's input (printed masked). Never shown. */
  idNumber: string;
}

export interface RegistrationDraft {
  insutype: string;
  targetAdmdvs: string;
  /** The 就医地's full name, for the screen and the 异地居住地址 of a temporary trip. */
  placeName: string;
  begndate: string;
  months: 6 | 12;
  tel: string;
}

interface KioskState {
  session: number;
  step: KioskStep;
  /** A host call is running: the idle clock waits for it. */
  busy: boolean;
  error: string | null;
  /** The start screen's line after a session ended (never anything personal). */
  notice: string | null;
  settings: KioskSettings;
  card: KioskCardRead | null;
  insured: PersonLookup | null;
  benefits: KioskBenefits | null;
  benefitsError: string | null;
  draft: RegistrationDraft | null;
  receipt: CaseReceipt | null;
  printMessage: string | null;
  rating: RatingRequest | null;
  ratedName: string | null;

  loadSettings(): Promise<void>;
  readCard(kind: KioskCard): Promise<void>;
  startRegistration(today: string): void;
  setDraft(patch: Partial<RegistrationDraft>): void;
  goto(step: 'status' | 'place' | 'details' | 'promise'): void;
  submit(enddate: string): Promise<void>;
  toRating(): Promise<void>;
  rate(level: number, reason?: string): Promise<void>;
  end(reason: EndReason): void;
}

const DEFAULT_SETTINGS: KioskSettings = { idleSeconds: 60, warnSeconds: 10 };

const NOTICES: Record<EndReason, string | null> = {
  idle: '因长时间无操作，已自动退出，您的信息已清除',
  'card-removed': '证件已取走，已退出办理，您的信息已清除',
  finished: '感谢使用，请带好您的证件和回执',
  cancelled: '已退出办理，您的信息已清除',
};

/** Everything a session holds, empty. */
const blank = () => ({
  step: 'start' as KioskStep,
  busy: false,
  error: null,
  card: null,
  insured: null,
  benefits: null,
  benefitsError: null,
  draft: null,
  receipt: null,
  printMessage: null,
  rating: null,
  ratedName: null,
});

export const useKiosk = create<KioskState>((set, get) => {
  /** Runs `fn` for the current session; its result is applied only if that session is still the current one. */
  const inSession = async <T>(fn: () => Promise<T>, apply: (value: T) => Partial<KioskState>, fail: (message: string) => Partial<KioskState>) => {
    const session = get().session;
    set({ busy: true, error: null });
    try {
      const value = await fn();
      if (get().session === session) set({ busy: false, ...apply(value) });
    } catch (err) {
      if (get().session === session) set({ busy: false, ...fail(errorMessage(err)) });
    }
  };

  return {
    session: 0,
    notice: null,
    settings: DEFAULT_SETTINGS,
    ...blank(),

    async loadSettings() {
      const settings = await api.call('kiosk.settings').catch(() => null);
      if (settings) set({ settings });
    },

    async readCard(kind) {
      if (get().step !== 'start') return;
      set({ step: 'reading', notice: null });
      await inSession(
        async () => {
          let card: KioskCardRead;
          let query: { certType: '02' | '03'; certNo: string; cardSn?: string };
          if (kind === 'id-card') {
            const id = await api.call('idCard.read', {});
            card = { kind, idNumber: id.idNumber };
            query = { certType: '02', certNo: id.idNumber };
          } else {
            const ss = await api.call('sscard.read', {});
            card = { kind, idNumber: ss.ssn };
            query = { certType: '03', certNo: ss.cardNumber, cardSn: ss.cardId };
          }
          const insured = await api.call('person.lookup', query);
          // The benefits are a nice-to-have: without them the citizen still sees the status and may file.
          const benefits = await api
            .call('kiosk.benefits', { psnNo: insured.person.psn_no })
            .then((b) => ({ b, e: null }))
            .catch((err: unknown) => ({ b: null, e: errorMessage(err) }));
          return { card, insured, benefits };
        },
        ({ card, insured, benefits }) => ({ step: 'status', card, insured, benefits: benefits.b, benefitsError: benefits.e }),
        (message) => ({ ...blank(), error: message }),
      );
    },

    startRegistration(today) {
      const insured = get().insured;
      if (!insured) return;
      const insutype = insured.person.insuinfo.find((i) => isCaseInsutype(i.insutype))?.insutype ?? '';
      set({ step: 'place', error: null, draft: { insutype, targetAdmdvs: '', placeName: '', begndate: today, months: 6, tel: '' } });
    },

    setDraft(patch) {
      const draft = get().draft;
      if (draft) set({ draft: { ...draft, ...patch }, error: null });
    },

    goto(step) {
      set({ step, error: null });
    },

    async submit(enddate) {
      const { insured, draft, card } = get();
      if (!insured || !draft || !card) return;
      const insuplcAdmdvs = insured.person.insuinfo.find((i) => i.insutype === draft.insutype)?.insuplc_admdvs ?? insured.person.insuinfo[0]?.insuplc_admdvs ?? '';
      await inSession(
        async () => {
          const outcome = await api.call('cases.accept', {
            kind: 'remote-registration',
            psnNo: insured.person.psn_no,
            insuplcAdmdvs,
            materials: KIOSK_MATERIALS,
            form: {
              insutype: draft.insutype,
              regType: 'otherTemporary',
              targetAdmdvs: draft.targetAdmdvs,
              targetHospitalCode: '',
              targetHospitalName: '',
              begndate: draft.begndate,
              enddate,
              tel: draft.tel,
              // A temporary trip has no residence there: the 就医地 itself, said to be a self-service filing.
              addr: `${draft.placeName}（临时外出就医）`,
              memo: '自助终端办理',
            },
          });
          if (outcome.outcome !== 'accepted') throw new Error('未能受理，请到柜台办理');
          const receipt = outcome.receipt;
          const printed = await api
            .call('printer.printReceipt', {
              office: receipt.office,
              caseNumber: receipt.caseNo,
              applicantName: receipt.applicantName,
              idNumber: card.idNumber,
              items: receipt.items,
              materials: receipt.materials,
              acceptedAt: receipt.acceptedAt,
              clerk: receipt.clerk,
              committedDate: receipt.committedDate,
              notes: ['本业务由申请人在自助终端自助办理，实行告知承诺制。'],
            })
            .then((p) => (p.status === 'printed' ? '回执已打印，请从出纸口取走' : '打印机暂不可用，回执将稍后打印；也可凭办件编号到柜台补打'))
            .catch((err: unknown) => `回执未能打印（${errorMessage(err)}），可凭办件编号到柜台补打`);
          return { receipt, printed };
        },
        ({ receipt, printed }) => ({ step: 'receipt', receipt, printMessage: printed }),
        (message) => ({ error: message }),
      );
    },

    async toRating() {
      const receipt = get().receipt;
      if (!receipt) return;
      const caseNo = receipt.caseNo;
      // From here on nothing personal is needed: the rating names only the case, the service and the kiosk.
      set({ ...blank(), step: 'rating' });
      await inSession(
        () => api.call('rating.request', { caseNo }),
        (rating) => ({ rating }),
        (message) => ({ error: message }),
      );
    },

    async rate(level, reason) {
      const rating = get().rating;
      if (!rating) return;
      await inSession(
        () => api.call('rating.submit', { caseNo: rating.caseNo, level, reason }),
        (r) => ({ step: 'thanks', rating: null, ratedName: r.levelName }),
        (message) => ({ error: message }),
      );
    },

    end(reason) {
      const { step } = get();
      if (step === 'reading') void api.call('idCard.cancel').catch(() => undefined);
      // The host forgets the card read and the case too (kiosk-scope), so nothing can be asked for them any more.
      void api.call('kiosk.end').catch(() => undefined);
      set((s) => ({ ...blank(), session: s.session + 1, notice: NOTICES[reason] }));
    },
  };
});
