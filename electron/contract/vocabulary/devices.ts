/**
 * The counter's four devices: the one home for their ids (also the DeviceStatus kind and id) and the
 * Chinese names a clerk sees. The contract's schemas, the services' ports, the device manager, the CLI and
 * the renderer all import from here.
 */

export const DEVICE_IDS = ['id-reader', 'sscard-reader', 'scanner', 'printer'] as const;
export type DeviceId = (typeof DEVICE_IDS)[number];

export const DEVICE_NAMES: Record<DeviceId, string> = {
  'id-reader': '身份证阅读器',
  'sscard-reader': '社保卡读卡器',
  scanner: '扫码枪',
  printer: '打印机',
};
