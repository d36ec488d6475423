/**
 * The contract: every method the renderer may call and every event it may receive, each with zod schemas.
 * The preload bridge, the IPC handlers, the WebSocket bridge and the renderer's typed client all derive from
 * these two maps; nothing crosses the boundary that they do not name.
 */
import { z } from 'zod';
import { AppInfo, DeviceStatus, IdCardIdentity, SampleIdentity, SimulatorFault } from './schemas';

const None = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line on what it does; shown in docs and logs. */
  summary: string;
}

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): MethodSpec<I, O> => ({
  input,
  output,
  summary,
});

export const methods = {
  'app.info': method(None, AppInfo, 'Product, version, run mode and data directory'),

  'idCard.read': method(
    z.object({ timeoutMs: z.number().int().min(1000).max(60_000).optional() }).strict(),
    IdCardIdentity,
    'Read one 居民身份证 from the configured ID reader (polls until a card is placed or the timeout)',
  ),
  'idCard.cancel': method(None, Ok, 'Abort a read in progress'),

  'devices.list': method(None, z.array(DeviceStatus), 'Every configured device with its state'),

  'simulator.idCard.samples': method(None, z.array(SampleIdentity), 'Sample identities the simulated ID reader can hold'),
  'simulator.idCard.place': method(
    z.object({ sampleId: z.string().min(1).max(64) }).strict(),
    Ok,
    'Place a sample card on the simulated ID reader',
  ),
  'simulator.idCard.remove': method(None, Ok, 'Take the card off the simulated ID reader'),
  'simulator.idCard.fault': method(z.object({ fault: SimulatorFault }).strict(), Ok, 'Inject a fault into the simulated ID reader'),
} as const satisfies Record<string, MethodSpec>;

export const events = {
  'device.status': DeviceStatus,
} as const satisfies Record<string, z.ZodType>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
