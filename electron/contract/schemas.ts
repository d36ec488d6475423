/** Shared zod schemas for values that cross the renderer boundary. */
import { z } from 'zod';
import { DEVICE_IDS } from './vocabulary/devices';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const IdCardIdentity = z.object({
  name: z.string(),
  sex: z.enum(['男', '女']),
  sexCode: z.string(),
  nation: z.string(),
  nationCode: z.string(),
  birthDate: IsoDate,
  address: z.string(),
  idNumber: z.string(),
  issuer: z.string(),
  validFrom: IsoDate,
  validTo: z.union([IsoDate, z.literal('长期')]),
  photo: z.object({ format: z.literal('wlt'), base64: z.string() }),
  cardType: z.enum(['resident', 'hk-mo-tw-residence', 'foreign-permanent']).optional(),
});
export type IdCardIdentity = z.infer<typeof IdCardIdentity>;

export const DeviceState = z.enum(['connected', 'connecting', 'disconnected', 'error', 'disabled']);
export type DeviceState = z.infer<typeof DeviceState>;

export const DeviceStatus = z.object({
  id: z.string(),
  kind: z.enum(DEVICE_IDS),
  label: z.string(),
  state: DeviceState,
  /** Where it is attached: a serial path, a HID path or "内置模拟器". */
  location: z.string(),
  simulated: z.boolean(),
  lastError: z.string().nullable(),
  updatedAt: z.string(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const AppInfo = z.object({
  productName: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  operatorType: z.union([z.literal(1), z.literal(2)]),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const SampleIdentity = z.object({ id: z.string(), label: z.string() });

export const SimulatorFault = z.enum(['none', 'garbage', 'bad-checksum', 'silent', 'split', 'unplug']);

/** The one shape every failure takes when it crosses the boundary. */
export const ApiErrorShape = z.object({
  code: z.string(),
  message: z.string(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;
