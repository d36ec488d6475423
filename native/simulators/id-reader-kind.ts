/** `counter simulate id-reader`: a GA 467 reader on a fresh socat pair, or on an existing port (--port). */
import { maskIdNumber } from '../../shared/id-number';
import { SerialTransport } from '../transports/serial-port';
import { Ga467Simulator } from './ga467-simulator';
import { SAMPLE_ID_CARDS } from './sample-id-cards';
import { startSimulatedIdReader } from './simulated-id-reader';
import type { RunningSimulator, SimulatorKind } from './simulator-kinds';

export const idReaderSimulatorKind: SimulatorKind = {
  name: 'id-reader',
  description: '身份证读卡器 (GA 467) 模拟器',
  options: [
    { flags: '--port <path>', description: '在已有串口上运行模拟器（默认新建 socat 虚拟串口对）' },
    { flags: '--baud <rate>', description: '波特率', defaultValue: '115200' },
    { flags: '--sample <n>', description: `放置第 n 张样例证件 (0-${SAMPLE_ID_CARDS.length - 1})`, defaultValue: '0' },
    { flags: '--no-card', description: '启动时不放置证件' },
  ],
  async start(options): Promise<RunningSimulator> {
    const baudRate = Number(options.baud ?? 115200);
    const sampleIndex = Number(options.sample ?? 0);
    const card = SAMPLE_ID_CARDS[sampleIndex];
    if (!Number.isInteger(baudRate) || baudRate <= 0) throw new Error(`波特率无效: ${String(options.baud)}`);
    if (!card) throw new Error(`样例证件编号无效: ${String(options.sample)}，可选 0-${SAMPLE_ID_CARDS.length - 1}`);
    const placeAtStart = options.card !== false;

    let simulator: Ga467Simulator;
    let portPath: string | undefined;
    let close: () => Promise<void>;
    if (typeof options.port === 'string') {
      simulator = new Ga467Simulator(new SerialTransport({ path: options.port, baudRate }));
      await simulator.start();
      close = () => simulator.close();
    } else {
      const sim = await startSimulatedIdReader({ card: null, link: 'pty', baudRate });
      simulator = sim.simulator;
      portPath = sim.portPath;
      close = () => sim.close();
    }
    const describe = () => `${card.name} ${maskIdNumber(card.idNumber)}`;
    if (placeAtStart) simulator.placeCard(card);
    return {
      portPath,
      info: [
        portPath ? `请在应用中打开串口: ${portPath}` : `模拟器已连接串口: ${String(options.port)}`,
        placeAtStart ? `已放置证件: ${describe()}` : '读卡区无证件',
        '按回车放置/取走证件，Ctrl-C 退出',
      ],
      onInput() {
        if (simulator.cardPresent) {
          simulator.removeCard();
          return '已取走证件';
        }
        simulator.placeCard(card);
        return `已放置证件: ${describe()}`;
      },
      close,
    };
  },
};
