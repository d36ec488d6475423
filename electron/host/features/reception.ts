/** Reception: the ID reader, its simulator control, and the device list. */
import { AppError } from '../../contract/errors';
import { IdCardService } from '../../services/reception/id-card-service';
import type { Feature } from '../context';

export const receptionFeature: Feature = async (ctx) => {
  const idReader = await ctx.devices.idReader(ctx.config.devices.idReader);
  ctx.onClose(() => idReader.close());
  idReader.onStatus((s) => ctx.events.emit('device.status', s));
  const idCards = new IdCardService(idReader, ctx.audit, ctx.config.operator.code);

  const simulator = () => {
    if (!idReader.simulator) throw new AppError('no-simulator', '身份证阅读器不是模拟器，无法模拟放卡');
    return idReader.simulator;
  };
  const ok = { ok: true as const };

  return {
    'devices.list': () => [idReader.status()],
    'idCard.read': ({ timeoutMs }) => idCards.read(timeoutMs),
    'idCard.cancel': () => (idCards.cancel(), ok),
    'simulator.idCard.samples': () => simulator().samples(),
    'simulator.idCard.place': ({ sampleId }) => (simulator().place(sampleId), ok),
    'simulator.idCard.remove': () => (simulator().remove(), ok),
    'simulator.idCard.fault': ({ fault }) => (simulator().fault(fault), ok),
  };
};
