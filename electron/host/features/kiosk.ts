/**
 * The self-service kiosk's own methods (contract/features/kiosk.ts): its idle settings from config.json, the
 * card-presence check on the reader the card was read from, and the narrow benefits read (参保状态 and
 * 门诊统筹 left, out of the same overview the counter's person panel uses). kiosk.end is answered here and
 * does its work in the kiosk scope (../kiosk-scope.ts), which also holds kiosk.benefits to the person just read.
 */
import { CardReaderClient } from '../../../native/protocols/sscard/card-reader-client';
import type { KioskBenefits } from '../../contract/features/kiosk';
import { personOverview, type PersonOverviewDeps } from '../../services/desk/person-overview';
import type { Feature } from '../context';
import type { DeviceManager } from '../devices/device-manager';

/** How long one presence question may take before the answer is "cannot tell". */
const PRESENCE_TIMEOUT_MS = 2000;

export const kioskFeature: Feature<{ devices: DeviceManager; overview: PersonOverviewDeps }> = (ctx, { devices, overview }) => {
  // A reader that cannot answer (unplugged, busy, a library driver) is "cannot tell", never "card gone":
  // a flaky reader must not wipe a citizen's half-filled form; the idle timeout still ends the session.
  const unknown = { present: null };

  return {
    'kiosk.settings': () => ({ idleSeconds: ctx.config.kiosk.idleSeconds, warnSeconds: Math.min(ctx.config.kiosk.warnSeconds, ctx.config.kiosk.idleSeconds) }),
    'kiosk.cardPresent': async ({ card }) => {
      try {
        if (card === 'id-card') {
          if (!devices.idReader.connected) return unknown;
          return { present: await devices.idReader.use((reader) => reader.cardPresent()) };
        }
        if (!devices.ssCardReader.connected) return unknown;
        return await devices.ssCardReader.use(async (session) => {
          if (session.kind === 'library') return unknown;
          const client = new CardReaderClient(session.transport, session.framing, { timeoutMs: PRESENCE_TIMEOUT_MS });
          try {
            return { present: (await client.cardStatus()) !== 'absent' };
          } finally {
            client.dispose();
          }
        });
      } catch {
        return unknown;
      }
    },
    'kiosk.benefits': async ({ psnNo }): Promise<KioskBenefits> => {
      const o = await personOverview(overview, psnNo);
      return {
        offline: o.offline || o.yearToDate.offline,
        insurances: o.insurances.map((i) => ({ insutype: i.insutype, insutypeName: i.insutypeName, statusName: i.statusName, alarm: i.alarm })),
        outpatient: o.benefits ? { year: o.yearToDate.year, ...o.benefits.outpatient } : null,
      };
    },
    'kiosk.end': () => ({ ok: true as const }),
  };
};
