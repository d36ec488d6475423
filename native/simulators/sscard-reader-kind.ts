/** `counter simulate sscard`: a 社保卡 reader (serial framing) on a fresh socat pair, or on an existing port (--port). */
import { maskIdNumber } from '../../shared/id-number';
import { SerialTransport } from '../transports/serial-port';
import { SAMPLE_SS_CARDS } from './simulated-sscard';
import { SsCardReaderSimulator } from './sscard-simulator';
import { startSimulatedSsCardReader } from './simulated-sscard-reader';
import type { RunningSimulator, SimulatorKind } from './simulator-kinds';

export const sscardReaderSimulatorKind: SimulatorKind = {
  name: 'sscard',
  description: '社会保障卡读卡器模拟器（串口帧协议，APDU 读卡）',
  options: [
    { flags: '--port <path>', description: '在已有串口上运行模拟器（默认新建 socat 虚拟串口对）' },
    { flags: '--baud <rate>', description: '波特率', defaultValue: '115200' },
    { flags: '--sample <n>', description: `插入第 n 张样例社保卡 (0-${SAMPLE_SS_CARDS.length - 1})`, defaultValue: '0' },
    { flags: '--psam', description: '个人信息文件 EF06 需要 PSAM 认证（读取返回 6982）' },
    { flags: '--no-card', description: '启动时不插卡' },
  ],
  async start(options): Promise<RunningSimulator> {
    const baudRate = Number(options.baud ?? 115200);
    let index = Number(options.sample ?? 0);
    if (!Number.isInteger(baudRate) || baudRate <= 0) throw new Error(`波特率无效: ${String(options.baud)}`);
    if (!SAMPLE_SS_CARDS[index]) throw new Error(`样例社保卡编号无效: ${String(options.sample)}，可选 0-${SAMPLE_SS_CARDS.length - 1}`);
    const cardOptions = { psamRequired: options.psam === true };

    let simulator: SsCardReaderSimulator;
    let portPath: string | undefined;
    let close: () => Promise<void>;
    if (typeof options.port === 'string') {
      simulator = new SsCardReaderSimulator(new SerialTransport({ path: options.port, baudRate }));
      await simulator.start();
      close = () => simulator.close();
    } else {
      const sim = await startSimulatedSsCardReader({ card: null, link: 'pty', baudRate });
      simulator = sim.simulator;
      portPath = sim.portPath;
      close = () => sim.close();
    }
    const insert = () => {
      const card = SAMPLE_SS_CARDS[index];
      simulator.insertCard(card, cardOptions);
      return `已插入社保卡: ${card.name} 卡号 ${card.cardNumber} 社会保障号码 ${maskIdNumber(card.ssn)}`;
    };
    const inserted = options.card !== false ? insert() : '读卡器内无卡';
    return {
      portPath,
      info: [
        portPath ? `请在应用中打开串口: ${portPath}（读卡: counter read-sscard --port ${portPath}）` : `模拟器已连接串口: ${String(options.port)}`,
        inserted,
        '回车 插入/拔出卡；输入数字 n 换第 n 张样例卡；garbage / checksum / silent / pull 注入一次故障；Ctrl-C 退出',
      ],
      onInput(line) {
        if (line === '') {
          if (simulator.currentCard) {
            simulator.removeCard();
            return '已拔出社保卡';
          }
          return insert();
        }
        if (/^\d+$/.test(line)) {
          if (!SAMPLE_SS_CARDS[Number(line)]) return `没有第 ${line} 张样例卡`;
          index = Number(line);
          return insert();
        }
        switch (line) {
          case 'garbage':
            simulator.setFaults({ garbageBeforeReply: Uint8Array.of(0x02, 0xff, 0x13, 0x37, 0x03) });
            return '之后每个应答前都会夹带干扰字节（clear 清除）';
          case 'checksum':
            simulator.setFaults({ badChecksumReplies: 1 });
            return '下一个应答的校验位将出错';
          case 'silent':
            simulator.setFaults({ noAnswer: 3 });
            return '接下来 3 个请求不应答';
          case 'pull':
            simulator.setFaults({ pullCardAfterApdus: 4 });
            return '第 5 条 APDU 时卡将被拔出';
          case 'clear':
            simulator.clearFaults();
            return '已清除故障';
          default:
            return `未知指令: ${line}`;
        }
      },
      close,
    };
  },
};
