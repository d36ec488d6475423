import { z } from 'zod';
import { IdCardIdentity, SampleIdentity, SimulatorFault } from '../schemas';
import { method } from '../spec';

const None = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const receptionMethods = {
  'idCard.read': method(
    z.object({ timeoutMs: z.number().int().min(1000).max(60_000).optional() }).strict(),
    IdCardIdentity,
    'Read one 居民身份证 from the configured ID reader (polls until a card is placed or the timeout)',
  ),
  'idCard.cancel': method(None, Ok, 'Abort a read in progress'),
  'simulator.idCard.samples': method(None, z.array(SampleIdentity), 'Sample identities the simulated ID reader can hold'),
  'simulator.idCard.place': method(
    z.object({ sampleId: z.string().min(1).max(64) }).strict(),
    Ok,
    'Place a sample card on the simulated ID reader',
  ),
  'simulator.idCard.remove': method(None, Ok, 'Take the card off the simulated ID reader'),
  'simulator.idCard.fault': method(z.object({ fault: SimulatorFault }).strict(), Ok, 'Inject a fault into the simulated ID reader'),
};
