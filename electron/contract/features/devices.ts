/** Devices: the device manager (status, discovery, tests, configuration), 社保卡 reads, the receipt printer, simulators. */
import { z } from 'zod';
import { DeviceStatus, IsoDate } from '../schemas';
import { method } from '../spec';
import { DEVICE_IDS } from '../vocabulary/devices';

const None = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const DeviceId = z.enum(DEVICE_IDS, { message: '未知的设备' });
export type DeviceId = z.infer<typeof DeviceId>;

const usbId = (what: string) =>
  z
    .number({ message: `${what}应为数字` })
    .int(`${what}应为整数`)
    .min(0, `${what}应在 0000–FFFF 之间`)
    .max(0xffff, `${what}应在 0000–FFFF 之间`);

/** The id of an installed 社保卡 reader-library driver (see electron/host/devices/sscard-drivers.ts). */
export const DriverId = z
  .string({ message: '请选择读卡驱动' })
  .min(1, '请选择读卡驱动')
  .max(40, '驱动编号过长')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, '驱动编号只能含小写字母、数字、点、下划线或连字符');

/** One installed driver as the 配置 form shows it (the command is shown so the administrator sees what runs). */
export const InstalledDriverView = z.object({
  id: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  command: z.array(z.string()),
});

export const DriverList = z.object({
  /** The administrator's drivers file the app reads. */
  file: z.string(),
  drivers: z.array(InstalledDriverView),
  /** Chinese notes on a broken file or refused entries. */
  problems: z.array(z.string()),
  /** Chinese: how an administrator installs a driver. */
  installHint: z.string(),
});

/** One device's configuration as the 配置 form edits it (same shape as config.json devices.*). */
export const DeviceConfigInput = z.discriminatedUnion(
  'mode',
  [
    z
      .object({
        mode: z.literal('serial'),
        path: z.string().trim().min(1, '请选择或填写串口').max(200, '串口路径过长'),
        baudRate: z
          .number({ message: '波特率应为数字' })
          .int('波特率应为整数')
          .min(1200, '波特率应在 1200–921600 之间')
          .max(921_600, '波特率应在 1200–921600 之间'),
      })
      .strict(),
    z
      .object({
        mode: z.literal('hid'),
        vendorId: usbId('厂商号（VID）'),
        productId: usbId('产品号（PID）'),
        path: z.string().max(300).optional(),
      })
      .strict(),
    z.object({ mode: z.literal('simulator') }).strict(),
    z.object({ mode: z.literal('off') }).strict(),
    /**
     * 社保卡读卡器 only: the provincial reader library through a driver an administrator installed, chosen by id
     * (devices.drivers lists them). No command line can cross the contract: a `command` field is refused.
     */
    z.strictObject(
      {
        mode: z.literal('library'),
        driver: DriverId,
        timeoutMs: z
          .number({ message: '超时应为数字' })
          .int('超时应为整数毫秒')
          .min(1000, '超时应在 1–120 秒之间')
          .max(120_000, '超时应在 1–120 秒之间')
          .optional(),
      },
      {
        error: (iss) =>
          iss.code === 'unrecognized_keys'
            ? `读卡库配置只能选择管理员已安装的驱动（driver），不能填写命令行或其他字段：${iss.keys.join('、')}`
            : undefined,
      },
    ),
  ],
  { message: '连接方式应为 串口 / USB HID / 读卡库 / 内置模拟器 / 停用 之一' },
);
export type DeviceConfigInput = z.infer<typeof DeviceConfigInput>;

export const DiscoveredSerialPort = z.object({
  path: z.string(),
  /** Other names of the same port (Linux: /dev/serial/by-id links). */
  aliases: z.array(z.string()).optional(),
  manufacturer: z.string().optional(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
  /** Configured devices that use this port. */
  matches: z.array(DeviceId),
});

export const DiscoveredHidDevice = z.object({
  path: z.string(),
  vendorId: z.number().int(),
  productId: z.number().int(),
  product: z.string().optional(),
  manufacturer: z.string().optional(),
  /** Configured devices whose vendor/product id this is. */
  matches: z.array(DeviceId),
});

export const Discovery = z.object({
  serialPorts: z.array(DiscoveredSerialPort),
  hidDevices: z.array(DiscoveredHidDevice),
  /** Chinese notes on what could not be listed (e.g. no HID driver). */
  problems: z.array(z.string()),
});
export type Discovery = z.infer<typeof Discovery>;

export const DeviceTestResult = z.object({ ok: z.boolean(), message: z.string() });

/** A 社保卡 holder for the desk: masked values for display, full ssn/card ids for the platform lookup (1101). */
export const SsCardPerson = z.object({
  name: z.string(),
  sex: z.string(),
  sexCode: z.string(),
  nation: z.string().optional(),
  birthDate: IsoDate,
  /** 社会保障号码, full: the 1101 lookup key. */
  ssn: z.string(),
  ssnMasked: z.string(),
  /** 社会保障卡卡号 (9 chars). */
  cardNumber: z.string(),
  /** 卡识别码 (32 chars) = 1101 card_sn, full. */
  cardId: z.string(),
  cardIdMasked: z.string(),
  specVersion: z.string(),
  issueDate: IsoDate,
  expiryDate: IsoDate,
  issuerRegion: z.string().optional(),
});
export type SsCardPerson = z.infer<typeof SsCardPerson>;

const einvoice = z.object({
  format: z.enum(['csv', 'url']),
  billCode: z.string(),
  billNumber: z.string(),
  checkCode: z.string(),
  issueDate: z.string(),
  amountFen: z.number().int(),
});

/** A classified scan (shared/scanner/classify ScanResult). */
export const ScanResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('id-number'), raw: z.string(), idNumber: z.string(), birthDate: z.string(), sex: z.enum(['1', '2']) }),
  z.object({ kind: z.literal('sscard-number'), raw: z.string(), cardNumber: z.string() }),
  z.object({ kind: z.literal('ec-voucher'), raw: z.string(), code: z.string() }),
  z.object({ kind: z.literal('e-invoice'), raw: z.string(), invoice: einvoice }),
  z.object({ kind: z.literal('unrecognised'), raw: z.string(), reason: z.string() }),
]);

export const ScannerScanEvent = z.object({ deviceId: z.literal('scanner'), at: z.string(), scan: ScanResultSchema });

/** 受理回执 content (native/protocols/escpos/receipt AcceptanceReceiptData). */
export const AcceptanceReceipt = z
  .object({
    office: z.string().min(1, '请填写办理机构').max(100),
    caseNumber: z.string().min(1, '请填写办件编号').max(40),
    applicantName: z.string().min(1, '请填写申请人').max(50),
    idNumber: z.string().regex(/^\d{17}[\dX]$/, '身份证号码应为18位'),
    items: z
      .array(z.object({ name: z.string().min(1).max(100), amountFen: z.number().int().min(0).optional() }))
      .min(1, '至少一项办理事项')
      .max(50),
    materials: z.array(z.string().min(1).max(100)).max(50),
    acceptedAt: z.string().min(1).max(40),
    clerk: z.string().min(1, '请填写经办人').max(50),
    committedDate: IsoDate,
    notes: z.array(z.string().max(200)).max(10).optional(),
  })
  .strict();

export const PrintOutcome = z.object({
  /** printed = on paper now; queued = kept and printed automatically once the printer is ready again. */
  status: z.enum(['printed', 'queued']),
  message: z.string(),
  pendingJobs: z.number().int(),
});

export const PrintedJobView = z.object({ index: z.number().int(), receivedAt: z.string(), text: z.string(), bytes: z.number().int() });

/** A receipt kept in the database because it could not print: waiting, or given up after repeated write failures. */
export const WaitingJobView = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  what: z.string(),
  state: z.enum(['pending', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});

export const PrinterSimState = z.object({ paperOut: z.boolean(), offline: z.boolean(), coverOpen: z.boolean() });

export const devicesMethods = {
  'devices.list': method(None, z.array(DeviceStatus), 'Every configured device with its state'),
  'devices.discover': method(None, Discovery, 'Serial ports and USB HID devices present now, marked with the configured devices they match'),
  'devices.test': method(z.object({ deviceId: DeviceId }).strict(), DeviceTestResult, 'Run the device kind’s test action'),
  'devices.getConfig': method(None, z.record(DeviceId, DeviceConfigInput), 'The current configuration of every device'),
  'devices.drivers': method(None, DriverList, 'The 社保卡 reader-library drivers an administrator installed, plus the built-in simulated one'),
  'devices.configure': method(
    z.object({ deviceId: DeviceId, config: DeviceConfigInput }).strict(),
    DeviceStatus,
    'Validate, persist to config.json and reopen one device',
  ),
  'sscard.read': method(
    z.object({ timeoutMs: z.number().int().min(1000).max(60_000).optional() }).strict(),
    SsCardPerson,
    'Read one 社会保障卡 from the configured card reader (waits for a card until the timeout)',
  ),
  'printer.printReceipt': method(AcceptanceReceipt, PrintOutcome, 'Print a 受理回执; paper out/offline keeps it queued'),
  'printer.jobs': method(
    None,
    z.object({ simulated: z.boolean(), jobs: z.array(PrintedJobView), pendingJobs: z.number().int(), waiting: z.array(WaitingJobView) }),
    'Jobs the simulated printer printed (decoded text preview) and jobs waiting for the printer (kept in the database)',
  ),
  'printer.reprint': method(
    z.object({ caseNo: z.string().trim().min(1, '请填写办件编号').max(40, '办件编号过长') }).strict(),
    PrintOutcome,
    '补打回执: re-render the 受理回执 of a case from the database (ID masked) and print it; paper out/offline keeps it queued',
  ),
  'simulator.sscard.samples': method(None, z.array(z.object({ id: z.string(), label: z.string() })), 'Sample 社保卡 the simulated reader can hold'),
  'simulator.sscard.insert': method(z.object({ sampleId: z.string().min(1).max(64) }).strict(), Ok, 'Insert a sample 社保卡 into the simulated reader'),
  'simulator.sscard.remove': method(None, Ok, 'Pull the card out of the simulated reader'),
  'simulator.scanner.samples': method(None, z.array(z.object({ label: z.string(), code: z.string() })), 'Sample codes the simulated scanner can send'),
  'simulator.scanner.scan': method(z.object({ code: z.string().min(1).max(4096) }).strict(), Ok, 'Make the simulated serial scanner send a code'),
  'simulator.printer.state': method(None, PrinterSimState, 'The simulated printer’s condition'),
  'simulator.printer.set': method(PrinterSimState.partial().strict(), PrinterSimState, 'Set paper out / offline / cover open on the simulated printer'),
};

export const devicesEvents = {
  'scanner.scan': ScannerScanEvent,
};
