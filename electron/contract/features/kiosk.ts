/**
 * The self-service kiosk (自助终端): its settings (idle timeout), the card-presence check that ends a session
 * when the citizen takes the card away, the narrow benefits read the kiosk shows the citizen (参保状态 and
 * 门诊统筹 left — not the counter's whole person panel), and the end of a citizen's session. Only the kiosk
 * role calls these; the host holds every read to the person whose card was just read (host/kiosk-scope.ts).
 */
import { z } from 'zod';
import { psnNoField } from '../field-rules';
import { method } from '../spec';

const None = z.object({}).strict();
const fen = z.number().int();

export const KioskSettings = z.object({
  /** Seconds without a touch before the session is wiped (config kiosk.idleSeconds). */
  idleSeconds: z.number().int(),
  /** The last seconds of those, shown as a countdown. */
  warnSeconds: z.number().int(),
});
export type KioskSettings = z.infer<typeof KioskSettings>;

export const KioskBenefits = z.object({
  /** The person record is the offline cache: the figures are this workstation's only. */
  offline: z.boolean(),
  insurances: z.array(z.object({ insutype: z.string(), insutypeName: z.string(), statusName: z.string(), alarm: z.boolean() })),
  /** 门诊统筹 this year against the policy; null where the policy has no rule for this person. */
  outpatient: z.object({ year: z.number().int(), quota: fen, used: fen, left: fen }).nullable(),
});
export type KioskBenefits = z.infer<typeof KioskBenefits>;

export const KioskCard = z.enum(['id-card', 'sscard'], { error: '未知的证件类型' });
export type KioskCard = z.infer<typeof KioskCard>;

export const kioskMethods = {
  'kiosk.settings': method(None, KioskSettings, 'The kiosk’s idle timeout and countdown'),
  'kiosk.benefits': method(
    z.object({ psnNo: psnNoField }).strict(),
    KioskBenefits,
    '参保状态 and 门诊统筹 left of the person the kiosk just looked up (and nobody else)',
  ),
  'kiosk.cardPresent': method(
    z.object({ card: KioskCard }).strict(),
    // null: this reader cannot tell (a provincial library driver, a busy reader); the idle timeout still applies.
    z.object({ present: z.boolean().nullable() }),
    'Whether the card the kiosk read still lies on / in its reader',
  ),
  'kiosk.end': method(None, z.object({ ok: z.literal(true) }), 'The citizen left: forget the card read and the case (kiosk scope)'),
};
