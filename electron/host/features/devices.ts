/** Devices: list / discover / test / configure, 社保卡 reads, 受理回执 printing and the simulator controls. */
import { AppError } from '../../contract/errors';
import type { PrinterStatus } from '../../../native/protocols/escpos/status';
import { renderAcceptanceReceipt } from '../../../native/protocols/escpos/receipt';
import { getCaseByNo } from '../../services/cases/case-store';
import { receiptOf, receiptPrintData } from '../../services/desk/case-views';
import { cstDateTime } from '../../services/cases/working-days';
import { DEVICE_IDS, type DeviceId } from '../../contract/vocabulary/devices';
import { CONFIG_KEY } from '../../services/devices/ports';
import type { DeviceConfig } from '../config';
import type { Feature } from '../context';
import type { DeviceManager } from '../devices/device-manager';
import { printOrQueue } from '../devices/printer-device';
import { scannerSamples } from '../devices/scanner-device';
import { installHint } from '../devices/sscard-drivers';
import { insertSampleSsCard, readSsCardPerson, ssCardSamples } from '../devices/sscard-device';

const DEFAULT_SSCARD_WAIT_MS = 10_000;

export const devicesFeature: Feature<{ devices: DeviceManager }> = (ctx, { devices }) => {
  const ok = { ok: true as const };

  const sim = <T>(value: T | null, what: string): T => {
    if (!value) throw new AppError('no-simulator', `${what}不是内置模拟器，无法模拟操作`);
    return value;
  };
  const printerSimState = (s: PrinterStatus) => ({ paperOut: s.paperOut, offline: !s.online, coverOpen: s.coverOpen });

  return {
    'devices.list': () => devices.list(),
    'devices.discover': () => devices.discover(),
    'devices.test': ({ deviceId }) => devices.test(deviceId),
    'devices.getConfig': () => {
      const config = devices.getConfig();
      return Object.fromEntries(DEVICE_IDS.map((id) => [id, config[CONFIG_KEY[id]]])) as Record<DeviceId, DeviceConfig>;
    },
    'devices.drivers': () => {
      const listing = devices.drivers();
      return {
        file: listing.file,
        drivers: listing.drivers.map((d) => ({ id: d.id, name: d.name, builtIn: d.builtIn, command: d.command })),
        problems: listing.problems,
        installHint: installHint(listing.file),
      };
    },
    'devices.configure': ({ deviceId, config }) => devices.configure(deviceId, config),
    'sscard.read': ({ timeoutMs }) => readSsCardPerson(devices.ssCardReader, timeoutMs ?? DEFAULT_SSCARD_WAIT_MS),
    'printer.printReceipt': (receipt) =>
      printOrQueue(devices.printer, devices.printQueue, { what: `受理回执（${receipt.caseNumber}）`, bytes: renderAcceptanceReceipt(receipt, 80) }),
    'printer.jobs': () => {
      const printer = devices.simulatorOf('printer');
      return {
        simulated: printer !== null,
        jobs: (printer?.jobs ?? []).map((j) => ({ index: j.index, receivedAt: j.receivedAt, text: j.text, bytes: j.bytes.length })).reverse(),
        pendingJobs: devices.printQueue.pendingCount,
        waiting: devices.printQueue.store.unprinted().map((j) => ({
          id: j.id,
          createdAt: j.createdAt,
          what: j.what,
          state: j.state === 'failed' ? ('failed' as const) : ('pending' as const),
          attempts: j.attempts,
          lastError: j.lastError,
        })),
      };
    },
    'printer.reprint': async ({ caseNo }) => {
      const found = getCaseByNo(ctx.db, caseNo);
      if (!found) throw new AppError('not-found', `找不到办件 ${caseNo}`);
      const r = receiptOf(ctx.db, found);
      const { pending, ...receipt } = receiptPrintData(r);
      const bytes = renderAcceptanceReceipt(
        {
          ...receipt,
          notes: [
            ...(pending ? [`容缺材料请于 ${pending.deadline} 前补齐：${pending.materials.join('、')}`] : []),
            `补打回执 · ${cstDateTime(ctx.clock())}`,
          ],
        },
        80,
      );
      return printOrQueue(devices.printer, devices.printQueue, { what: `受理回执（${r.caseNo}，补打）`, bytes });
    },
    'simulator.sscard.samples': () => (sim(devices.simulatorOf('sscard-reader'), '社保卡读卡器'), ssCardSamples()),
    'simulator.sscard.insert': ({ sampleId }) => (insertSampleSsCard(sim(devices.simulatorOf('sscard-reader'), '社保卡读卡器'), sampleId), ok),
    'simulator.sscard.remove': () => (sim(devices.simulatorOf('sscard-reader'), '社保卡读卡器').removeCard(), ok),
    'simulator.scanner.samples': () => (sim(devices.simulatorOf('scanner'), '扫码枪'), scannerSamples()),
    'simulator.scanner.scan': async ({ code }) => {
      if (/[\r\n]/.test(code)) throw new AppError('invalid-input', '条码内容不能包含换行');
      await sim(devices.simulatorOf('scanner'), '扫码枪').scan(code);
      return ok;
    },
    'simulator.printer.state': () => printerSimState(sim(devices.simulatorOf('printer'), '打印机').status),
    'simulator.printer.set': (patch) => {
      const printer = sim(devices.simulatorOf('printer'), '打印机');
      printer.setState({
        ...(patch.paperOut !== undefined && { paperOut: patch.paperOut }),
        ...(patch.coverOpen !== undefined && { coverOpen: patch.coverOpen }),
        ...(patch.offline !== undefined && { online: !patch.offline }),
      });
      // Let the clerk see the change without waiting for the next poll.
      void devices.printer.poll();
      return printerSimState(printer.status);
    },
  };
};
