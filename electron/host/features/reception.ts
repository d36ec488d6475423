/** Reception: the ID reader (owned by the device manager) and its simulator control. */
import { AppError } from '../../contract/errors';
import { IdCardService } from '../../services/reception/id-card-service';
import type { Feature } from '../context';
import type { DeviceManager } from '../devices/device-manager';
import { idReaderPort } from '../devices/id-reader-port';

export const receptionFeature: Feature<{ devices: DeviceManager }> = (_ctx, { devices }) => {
  const idReader = idReaderPort(devices.idReader, () => devices.simulatorOf('id-reader'));
  const idCards = new IdCardService(idReader);

  const simulator = () => {
    if (!idReader.simulator) throw new AppError('no-simulator', '身份证阅读器不是模拟器，无法模拟放卡');
    return idReader.simulator;
  };
  const ok = { ok: true as const };

  return {
    'idCard.read': ({ timeoutMs }) => idCards.read(timeoutMs),
    'idCard.cancel': () => (idCards.cancel(), ok),
    'simulator.idCard.samples': () => simulator().samples(),
    'simulator.idCard.place': ({ sampleId }) => (simulator().place(sampleId), ok),
    'simulator.idCard.remove': () => (simulator().remove(), ok),
    'simulator.idCard.fault': ({ fault }) => (simulator().fault(fault), ok),
  };
};
