/**
 * How one device is attached, as config.json stores it (serial, HID, simulator, off, or the provincial 社保卡
 * library). It sits with the device ports, below the host, because the services' DevicesConfig names it;
 * the host's config.ts embeds it in the whole config.json schema.
 */
import { z } from 'zod';

const SerialDevice = z.object({ mode: z.literal('serial'), path: z.string().min(1), baudRate: z.number().int().positive().default(115200) });
const HidDevice = z.object({ mode: z.literal('hid'), vendorId: z.number().int(), productId: z.number().int(), path: z.string().optional() });
const Simulated = z.object({ mode: z.literal('simulator') });
const Off = z.object({ mode: z.literal('off') });
/**
 * The provincial 社保卡 reader library, run out of process (社保卡读卡器 only): the id of a driver an administrator
 * installed (electron/host/devices/sscard-drivers.ts). config.json never holds a command line: the renderer can write it.
 */
const LibraryDevice = z.strictObject({
  mode: z.literal('library'),
  driver: z.string().min(1).max(40),
  timeoutMs: z.number().int().min(1000).max(120_000).optional(),
});
export const DeviceConfig = z.discriminatedUnion('mode', [SerialDevice, HidDevice, Simulated, Off, LibraryDevice]);
export type DeviceConfig = z.infer<typeof DeviceConfig>;
